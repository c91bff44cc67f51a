package com.bigbox.autonomic.projections;

import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code client_health}: one row per client ({@code payload.client_id}), recomputed from its last 30 days
 * of events whenever one of its events arrives. Live, a client that drops to at_risk or critical raises
 * {@code RISK_DETECTED} (risk type {@code client_health}), which starts the client health review SOP;
 * a rebuild only rewrites rows (the raised events are in the log already).
 */
public final class ClientHealthProjection implements Projection {
    public static final String NAME = "client_health";
    public static final String MONITOR = "ClientHealthMonitor";
    private static final Logger log = LoggerFactory.getLogger(ClientHealthProjection.class);

    private final ProjectionStore store;
    private final ClientHealthRules rules;

    public ClientHealthProjection(ProjectionStore store, ClientHealthRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mode mode() {
        return Mode.SUBSCRIPTION;
    }

    @Override
    public List<String> tables() {
        return List.of("client_health");
    }

    @Override
    public void reset(UnitOfWork work) {
        store.resetClientHealth(work);
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        update(event, work);
    }

    /** The live handler: {@link #apply}, and a risk raised when the client's health drops below attention_needed. */
    public SubscriptionHandler live() {
        return (event, work) -> update(event, work).ifPresent(drop -> raise(event, work, drop));
    }

    private record Drop(ClientHealth now, @Nullable String before) {}

    private Optional<Drop> update(RecordedEvent event, UnitOfWork work) {
        String clientId = Flows.clientIdIn(event.payload());
        if (clientId == null) {
            return Optional.empty();
        }
        ClientHealth health = rules.assess(store.clientActivity(work, clientId, event.position()));
        String before = store.saveClientHealth(work, health).orElse(null);
        int now = ClientHealth.rank(health.healthStatus());
        boolean dropped = now >= ClientHealth.rank("at_risk")
                && now > ClientHealth.rank(before)
                && !MONITOR.equals(event.emittedBy());
        return dropped ? Optional.of(new Drop(health, before)) : Optional.empty();
    }

    private static void raise(RecordedEvent cause, UnitOfWork work, Drop drop) {
        ClientHealth h = drop.now();
        String severity = h.healthStatus().equals("critical") ? "critical" : "high";
        var risk = new ClientEvent.RiskDetected(
                h.clientId(),
                "client_health",
                severity,
                "client health dropped to " + h.healthStatus() + (drop.before() == null ? "" : " from " + drop.before())
                        + " (trust " + h.trustScore() + ")",
                true,
                h.reasons());
        UUID id = UUID.nameUUIDFromBytes(("client-health/" + cause.eventId()).getBytes(StandardCharsets.UTF_8));
        work.append(
                StreamId.of("CLIENT", h.clientId()),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        id,
                        EventCodec.typeOf(risk),
                        EventCodec.payload(risk),
                        EventCodec.write(java.util.Map.of("reasons", h.reasons())),
                        cause.correlationId(),
                        cause.eventId(),
                        MONITOR,
                        null,
                        cause.timestamp())));
        log.info(
                "Client {} health dropped to {} (trust {}); RISK_DETECTED raised",
                h.clientId(),
                h.healthStatus(),
                h.trustScore());
    }
}
