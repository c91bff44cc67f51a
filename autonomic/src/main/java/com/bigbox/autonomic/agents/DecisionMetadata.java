package com.bigbox.autonomic.agents;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The metadata every agent emission carries: why (the reasons), who judged (the reasoner), and what
 * Oversight needs to route it (the action class and action, whether a person must see it, a summary
 * for the approval queue, the evidence).
 */
public record DecisionMetadata(
        List<String> reasons,
        String reasoner,
        String actionClass,
        @Nullable String action,
        String summary,
        @Nullable Boolean requiresHuman,
        List<UUID> evidence) {
    public DecisionMetadata {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean humanRequired() {
        return Boolean.TRUE.equals(requiresHuman);
    }
}
