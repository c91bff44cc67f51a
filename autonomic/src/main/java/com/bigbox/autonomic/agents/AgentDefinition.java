package com.bigbox.autonomic.agents;

import java.util.Set;

/**
 * What an agent is: its name (its {@code emitted_by} and its subscription {@code agent:<name>}), its
 * mandate in words, the event types it reacts to and the ones it may emit. Of those, {@code records}
 * are facts it keeps (they take effect at once); everything else it emits is a decision that waits for
 * Oversight.
 */
public record AgentDefinition(
        String name,
        String mandate,
        Set<String> triggers,
        Set<String> emits,
        Set<String> records,
        AgentSettings defaults) {
    public AgentDefinition {
        triggers = Set.copyOf(triggers);
        emits = Set.copyOf(emits);
        records = Set.copyOf(records);
        if (!emits.containsAll(records)) {
            throw new IllegalArgumentException(name + ": its records must be among the types it emits");
        }
    }

    public String subscriptionName() {
        return "agent:" + name;
    }
}
