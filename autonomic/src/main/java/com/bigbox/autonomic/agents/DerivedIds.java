package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.flow.Effective;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Names an agent gives what it creates from a trigger: derived from the event that made the trigger take effect,
 * so the same on every redelivery, and computable by a feature's pure rules without a context.
 */
public final class DerivedIds {
    private DerivedIds() {}

    public static String derive(Effective trigger, String prefix, String discriminator) {
        UUID id = UUID.nameUUIDFromBytes(
                (trigger.delivered().eventId() + "/" + discriminator).getBytes(StandardCharsets.UTF_8));
        return prefix + "-" + id.toString().substring(0, 13);
    }
}
