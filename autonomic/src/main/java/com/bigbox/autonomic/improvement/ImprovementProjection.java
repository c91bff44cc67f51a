package com.bigbox.autonomic.improvement;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.improvement.loops.SopProposals;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code improvement_signals} — every gap, margin leak, optimization, drift alert and doctrine violation,
 * acknowledgeable ({@code DRIFT_ALERT_ACKNOWLEDGED}) — and {@code sop_proposals} with their fate. A
 * subscription, so signals appended by anyone (the original's {@code POST /api/events}) are alerts too;
 * rows come from the events alone (ids, times), so a rebuild writes the same rows.
 */
public final class ImprovementProjection implements Projection {
    public static final String NAME = "improvement_signals";

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(EventTypes.AUTOMATION_GAP_DETECTED, "gap"),
            Map.entry(EventTypes.AUTOMATION_GAP_FOUND, "gap"),
            Map.entry(EventTypes.MARGIN_EROSION_DETECTED, "margin"),
            Map.entry(EventTypes.SOP_OPTIMIZATION_RECOMMENDED, "optimization"),
            Map.entry(EventTypes.PROCESS_DRIFT_DETECTED, "drift"),
            Map.entry(EventTypes.HUMAN_FATIGUE_SIGNAL, "drift"),
            Map.entry(EventTypes.CLIENT_ATTENTION_DECAY, "drift"),
            Map.entry(EventTypes.CONFIDENCE_CALIBRATION_REQUIRED, "drift"),
            Map.entry(EventTypes.DOCTRINE_VIOLATION_RECORDED, "violation"));

    private final ImprovementStore store;

    public ImprovementProjection(ImprovementStore store) {
        this.store = store;
    }

    public static @Nullable String kindOf(String type) {
        return KINDS.get(type);
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
        return List.of("improvement_signals", "sop_proposals");
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public void reset(UnitOfWork work) {
        store.reset(work);
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        String kind = KINDS.get(event.type());
        if (kind != null) {
            store.insertSignal(work, signal(event, kind));
            return;
        }
        switch (event.type()) {
            case EventTypes.DRIFT_ALERT_ACKNOWLEDGED -> {
                UUID alert = event.causationId() != null
                        ? event.causationId()
                        : uuid(EventCodec.tree(event.payload()).path("alert_id"));
                if (alert != null) {
                    store.acknowledge(work, alert, event.emittedBy(), event.timestamp(), event.eventId());
                }
            }
            case EventTypes.SOP_VERSION_PROPOSED ->
                store.insertProposal(work, event, EventCodec.decode(event, ImprovementEvent.SopVersionProposed.class));
            case EventTypes.SOP_VERSION_ACTIVATED -> {
                SopEvent.VersionActivated a = EventCodec.decode(event, SopEvent.VersionActivated.class);
                String source = a.source() == null ? "" : a.source();
                if (source.startsWith(SopProposals.SOURCE_PROPOSAL)) {
                    store.proposalStatus(
                            work,
                            UUID.fromString(source.substring(SopProposals.SOURCE_PROPOSAL.length())),
                            "activated",
                            a.version(),
                            event.emittedBy(),
                            event.timestamp());
                } else if (source.startsWith(SopProposals.SOURCE_REVERT)) {
                    store.revertedVersion(work, a.sopId(), a.previousVersion(), event.emittedBy(), event.timestamp());
                }
            }
            case EventTypes.HUMAN_APPROVAL_REJECTED -> {
                var r = EventCodec.decode(event, ApprovalEvent.Rejected.class);
                if (EventTypes.SOP_VERSION_PROPOSED.equals(r.decisionEventType())) {
                    store.proposalStatus(work, r.decisionEventId(), "rejected", null, r.decidedBy(), event.timestamp());
                }
            }
            case EventTypes.HUMAN_APPROVAL_EXPIRED -> {
                var x = EventCodec.decode(event, ApprovalEvent.Expired.class);
                store.proposalStatus(work, x.decisionEventId(), "expired", null, event.emittedBy(), event.timestamp());
            }
            default -> {}
        }
    }

    private static ImprovementStore.Signal signal(RecordedEvent event, String kind) {
        JsonNode p = EventCodec.tree(event.payload());
        @Nullable
        String subject = switch (event.type()) {
            case EventTypes.AUTOMATION_GAP_DETECTED -> text(p, "task_kind");
            case EventTypes.HUMAN_FATIGUE_SIGNAL -> text(p, "person");
            case EventTypes.CLIENT_ATTENTION_DECAY -> text(p, "client_id");
            case EventTypes.CONFIDENCE_CALIBRATION_REQUIRED -> text(p, "agent_id");
            case EventTypes.DOCTRINE_VIOLATION_RECORDED -> text(p, "rule") + " " + text(p, "subject");
            default -> text(p, "sop_id");
        };
        if (subject == null || subject.isBlank() || subject.equals("null")) {
            subject = event.stream().id();
        }
        BigDecimal impact = number(p, "monthly_savings");
        if (impact == null) {
            impact = number(p, "monthly_loss");
        }
        if (impact == null && p.hasNonNull("cost_per_week")) {
            impact = p.get("cost_per_week").decimalValue().multiply(BigDecimal.valueOf(4));
        }
        boolean human = p.path("requires_human").asBoolean(false)
                || "escalated".equals(p.path("action_taken").asText());
        String severity = human ? "high" : "medium";
        Instant due = p.hasNonNull("review_due_at")
                ? Instant.parse(p.get("review_due_at").asText())
                : null;
        return new ImprovementStore.Signal(
                event.eventId(),
                event.type(),
                kind,
                subject,
                severity,
                human,
                impact,
                event.payload(),
                event.timestamp(),
                due);
    }

    private static @Nullable String text(JsonNode p, String field) {
        return p.hasNonNull(field) ? p.get(field).asText() : null;
    }

    private static @Nullable BigDecimal number(JsonNode p, String field) {
        return p.hasNonNull(field) && p.get(field).isNumber() ? p.get(field).decimalValue() : null;
    }

    private static @Nullable UUID uuid(JsonNode node) {
        try {
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
