package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How much an agent may do on its own, earned from its track record.
 * <ul>
 *   <li>{@code SUPERVISED}: every decision waits for a person.</li>
 *   <li>{@code ASSISTED}: Oversight's rules decide what waits (the shipped agents' default).</li>
 *   <li>{@code AUTONOMOUS}: as assisted, but where it is only unsure (below its threshold, nothing
 *       protected or financial), the person need only object: silence approves.</li>
 * </ul>
 */
public enum AutonomyLevel {
    SUPERVISED,
    ASSISTED,
    AUTONOMOUS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AutonomyLevel parse(String field, String text) {
        if (text == null) {
            throw new InvalidInputException(field, field + " is required (supervised, assisted or autonomous)");
        }
        return Arrays.stream(values())
                .filter(l -> l.wireName().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field, field + " must be supervised, assisted or autonomous, was '" + text + "'"));
    }
}
