package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImprovementProjectionTest {
    static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");

    /** Records what the projection asks of its store. */
    static final class Recorder implements ImprovementStore {
        final List<Signal> signals = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        public void insertSignal(UnitOfWork work, Signal signal) {
            signals.add(signal);
        }

        public void acknowledge(UnitOfWork work, UUID signalId, String by, Instant at, UUID acknowledgementId) {
            calls.add("ack " + signalId + " by " + by);
        }

        public void insertProposal(UnitOfWork work, RecordedEvent proposed, ImprovementEvent.SopVersionProposed p) {
            calls.add("proposal " + p.sopId());
        }

        public void proposalStatus(
                UnitOfWork work, UUID proposalEventId, String status, Integer version, String by, Instant at) {
            calls.add(status + " " + proposalEventId + " v" + version);
        }

        public void revertedVersion(UnitOfWork work, String sopId, Integer version, String by, Instant at) {
            calls.add("reverted " + sopId + " v" + version);
        }

        public void reset(UnitOfWork work) {
            calls.add("reset");
        }
    }

    static RecordedEvent event(String type, StreamId stream, String payload, UUID causation) {
        UUID id = UUID.randomUUID();
        return new RecordedEvent(
                id, type, stream, 1, Position.START, payload, "{}", id, causation, "loop:test", null, AT, AT);
    }

    @Test
    void signalsKeepTheirSubjectImpactAndDueDateAndAnyonesDriftEventIsAnAlert() {
        var store = new Recorder();
        var projection = new ImprovementProjection(store);
        projection.apply(
                event(
                        "AUTOMATION_GAP_DETECTED",
                        StreamId.of("IMPROVEMENT", "gap:crm_update"),
                        "{\"task_kind\": \"crm_update\", \"cost_per_week\": 150, \"review_due_at\": \"2026-03-11T10:00:00Z\"}",
                        null),
                null);
        projection.apply(
                event(
                        "MARGIN_EROSION_DETECTED",
                        StreamId.of("SOP", "proposal-and-quote"),
                        "{\"sop_id\": \"proposal-and-quote\", \"monthly_loss\": 600, \"requires_human\": true}",
                        null),
                null);
        // As the original's POST /api/events sends it: a bare payload.
        projection.apply(
                event(
                        "PROCESS_DRIFT_DETECTED",
                        StreamId.of("SOP", "lead-intake-qualification"),
                        "{\"change\": 0.25}",
                        null),
                null);
        projection.apply(event("LEAD_RECEIVED", StreamId.of("LEAD", "l-1"), "{}", null), null);
        assertThat(store.signals).extracting(ImprovementStore.Signal::kind).containsExactly("gap", "margin", "drift");
        assertThat(store.signals)
                .extracting(ImprovementStore.Signal::subject)
                .containsExactly("crm_update", "proposal-and-quote", "lead-intake-qualification");
        assertThat(store.signals.get(0).monthlyImpact()).isEqualByComparingTo("600");
        assertThat(store.signals.get(0).dueAt()).isEqualTo(Instant.parse("2026-03-11T10:00:00Z"));
        assertThat(store.signals.get(1).requiresHuman()).isTrue();
        assertThat(store.signals.get(1).severity()).isEqualTo("high");
        assertThat(store.signals.get(2).monthlyImpact()).isNull();
    }

    @Test
    void acknowledgementsAndProposalsFatesAreFolded() {
        var store = new Recorder();
        var projection = new ImprovementProjection(store);
        UUID alert = UUID.randomUUID();
        projection.apply(
                event("DRIFT_ALERT_ACKNOWLEDGED", StreamId.of("SOP", "x"), "{\"alert_id\": \"" + alert + "\"}", alert),
                null);
        UUID proposal = UUID.randomUUID();
        projection.apply(
                event(
                        "SOP_VERSION_ACTIVATED",
                        StreamId.of("SOP", "x"),
                        "{\"sop_id\": \"x\", \"version\": 4, " + "\"previous_version\": 3, \"source\": \"proposal:"
                                + proposal + "\", \"definition\": {}}",
                        null),
                null);
        projection.apply(
                event(
                        "SOP_VERSION_ACTIVATED",
                        StreamId.of("SOP", "x"),
                        "{\"sop_id\": \"x\", \"version\": 5, "
                                + "\"previous_version\": 4, \"source\": \"revert:x@4\", \"definition\": {}}",
                        null),
                null);
        projection.apply(
                event(
                        "SOP_VERSION_ACTIVATED",
                        StreamId.of("SOP", "y"),
                        "{\"sop_id\": \"y\", \"version\": 2, "
                                + "\"previous_version\": 1, \"source\": \"y.yaml\", \"definition\": {}}",
                        null),
                null);
        projection.apply(
                event(
                        "HUMAN_APPROVAL_REJECTED",
                        StreamId.of("APPROVAL", "a"),
                        "{\"approval_id\": \"" + UUID.randomUUID()
                                + "\", \"decision_event_id\": \"" + proposal
                                + "\", \"decision_event_type\": \"SOP_VERSION_PROPOSED\", "
                                + "\"decided_by\": \"ceo\"}",
                        null),
                null);
        assertThat(store.calls)
                .containsExactly(
                        "ack " + alert + " by loop:test",
                        "activated " + proposal + " v4",
                        "reverted x v4",
                        "rejected " + proposal + " vnull");
    }
}
