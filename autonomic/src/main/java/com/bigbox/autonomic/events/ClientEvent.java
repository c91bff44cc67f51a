package com.bigbox.autonomic.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Facts about a client relationship ({@code CLIENT/<client id>}, or the entity they arose on). */
public sealed interface ClientEvent extends DomainEvent {

    /**
     * @param riskType relationship, legal, financial, delivery, client_health, agent_failure
     * @param severity low, medium, high or critical
     */
    record RiskDetected(
            @Nullable String clientId,
            String riskType,
            String severity,
            String description,
            @Nullable Boolean requiresHuman,
            List<String> reasons)
            implements ClientEvent {
        public RiskDetected {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public boolean critical() {
            return "critical".equalsIgnoreCase(severity);
        }
    }

    /**
     * @param score the client's answer to "how likely are you to recommend us", 0 to 10
     * @param quality how good the delivered work was, 0 to 1
     */
    record FeedbackReceived(
            String clientId,
            @Nullable Integer score,
            @Nullable Double quality,
            @Nullable String comment) implements ClientEvent {}
}
