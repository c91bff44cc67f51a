package com.bigbox.autonomic.events;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Oversight's verdicts that need no human, appended to the stream of the decision they concern. */
public sealed interface DecisionEvent extends DomainEvent {

    /** {@code AUTONOMIC_DECISION_EXECUTED}: the decision takes effect with no human involved. */
    record Executed(
            @Nullable String clientId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            double confidence,
            String autonomyLevel,
            List<String> reasons)
            implements DecisionEvent, Release {
        public Executed {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        @Override
        public boolean byHuman() {
            return false;
        }
    }

    /**
     * {@code AUTONOMIC_DECISION_OVERRIDDEN}: a person found a decision that had taken effect autonomously wrong
     * and corrected it. It is no release (nothing downstream runs again): it is the evidence the control loops
     * read when they judge how far an agent can be trusted on its own.
     *
     * @param confidence the confidence the decision was taken with
     */
    record Overridden(
            @Nullable String clientId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            double confidence,
            String overriddenBy,
            @Nullable String reason)
            implements DecisionEvent {}
}
