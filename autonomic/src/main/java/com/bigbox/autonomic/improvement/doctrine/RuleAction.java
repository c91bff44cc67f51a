package com.bigbox.autonomic.improvement.doctrine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the engine does when a doctrine rule is broken; which one applies is the phase's choice (data). */
public enum RuleAction {
    /** Record the violation; nobody is asked anything (learning). */
    WARN,
    /** Record it unless the work carries a justification (metadata {@code justification}). */
    REQUIRE_JUSTIFICATION,
    /** Record it and put it before a person as an approval. */
    ESCALATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleAction parse(@Nullable String text) {
        for (RuleAction a : values()) {
            if (a.wireName().equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "unknown doctrine action '" + text + "' (warn, require_justification, escalate)");
    }
}
