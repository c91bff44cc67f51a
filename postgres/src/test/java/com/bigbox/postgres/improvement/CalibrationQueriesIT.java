package com.bigbox.postgres.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two queries threshold calibration learns from ({@code approval_outcomes.sql}, {@code executed_decisions.sql}),
 * run against a real database holding a crafted history: which decisions count, with which type, confidence and
 * resolution, and which were overridden — including the cases a query can get wrong (another agent, before the
 * window, still pending, an approval whose decision event is gone, a decision overridden twice).
 */
class CalibrationQueriesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant SINCE = T.minusSeconds(3600);
    static Database database;
    static PgEventStore store;
    static final PgImprovementFacts FACTS = new PgImprovementFacts();

    static final UUID QUALIFIED = UUID.randomUUID(),
            FLAGGED = UUID.randomUUID(),
            OLD = UUID.randomUUID(),
            OTHER = UUID.randomUUID(),
            QUOTED = UUID.randomUUID(),
            ASSIGNED = UUID.randomUUID();

    @BeforeAll
    static void craftHistory() throws SQLException {
        database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "calibration-it");
        Migrations.apply(database.pool());
        store = new PgEventStore(database.pool(), () -> {});
        try (Connection c = database.pool().getConnection()) {
            // The agents' decisions.
            decision(c, QUALIFIED, "LEAD_QUALIFIED", "IntakeAgent", 0.80, T);
            decision(c, FLAGGED, "PROJECT_AT_RISK", "ProjectControlAgent", 0.85, T);
            decision(c, OLD, "LEAD_QUALIFIED", "IntakeAgent", 0.80, T.minusSeconds(86_400));
            decision(c, OTHER, "QUOTE_GENERATED", "StrategyAgent", 0.95, T);
            decision(c, QUOTED, "QUOTE_GENERATED", "StrategyAgent", 0.85, T);
            // Executed alone: the flag (overridden twice: the first person counts), the lead, one before the window,
            // another agent.
            executed(c, FLAGGED, "PROJECT_AT_RISK", "ProjectControlAgent", "0.85", T.plusSeconds(60));
            executed(c, QUALIFIED, "LEAD_QUALIFIED", "IntakeAgent", null, T.plusSeconds(120));
            executed(c, OLD, "LEAD_QUALIFIED", "IntakeAgent", "0.80", T.minusSeconds(86_000));
            executed(c, OTHER, "QUOTE_GENERATED", "StrategyAgent", "0.95", T.plusSeconds(180));
            overridden(c, FLAGGED, "person:jordan", T.plusSeconds(86_400));
            overridden(c, FLAGGED, "person:sam", T.plusSeconds(90_000));
            // Approvals: resolved by a person, by silence, one still pending, one resolved before the window, another
            // agent's, and one whose decision event is missing (its type comes from the approval's context).
            approval(c, QUOTED, "StrategyAgent", 0.85, "modified", "person:pat", T.plusSeconds(300), null);
            approval(
                    c,
                    ASSIGNED,
                    "ProjectControlAgent",
                    0.80,
                    "approved_by_silence",
                    "silence",
                    T.plusSeconds(400),
                    "TASK_ASSIGNED");
            approval(c, QUALIFIED, "IntakeAgent", 0.70, "rejected", "person:sam", T.plusSeconds(200), null);
            approval(c, QUALIFIED, "IntakeAgent", 0.70, null, null, null, null);
            approval(c, OLD, "IntakeAgent", 0.70, "approved", "person:sam", T.minusSeconds(80_000), null);
            approval(c, OTHER, "OtherAgent", 0.70, "approved", "person:sam", T.plusSeconds(500), null);
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void approvalOutcomesAreTheResolvedApprovalsOfTheAgentsInTheWindowOldestFirst() {
        List<ApprovalOutcome> outcomes = store.inTransaction(
                w -> FACTS.approvalOutcomes(w, List.of("IntakeAgent", "StrategyAgent", "ProjectControlAgent"), SINCE));
        assertThat(outcomes)
                .extracting(o -> o.agentId() + " " + o.decisionType() + " " + o.confidence() + " " + o.resolution()
                        + " " + o.resolvedBy())
                .containsExactly(
                        "IntakeAgent LEAD_QUALIFIED 0.7 rejected person:sam",
                        "StrategyAgent QUOTE_GENERATED 0.85 modified person:pat",
                        "ProjectControlAgent TASK_ASSIGNED 0.8 approved_by_silence silence");
        assertThat(outcomes.get(0).decisionEventId()).isEqualTo(QUALIFIED);
        assertThat(outcomes.get(0).overridden()).as("a rejection overrides").isTrue();
        assertThat(outcomes.get(1).overridden()).as("a change overrides").isTrue();
        assertThat(outcomes.get(2).byPerson()).as("silence is no person").isFalse();
    }

    @Test
    void executedDecisionsCarryTheirTypeConfidenceAndFirstOverride() {
        List<ExecutedDecision> executed = store.inTransaction(
                w -> FACTS.executedDecisions(w, List.of("IntakeAgent", "ProjectControlAgent"), SINCE));
        assertThat(executed)
                .extracting(e -> e.decisionEventId() + " " + e.agentId() + " " + e.decisionType() + " " + e.confidence()
                        + " " + e.overridden() + " " + e.overriddenBy())
                .containsExactly(
                        FLAGGED + " ProjectControlAgent PROJECT_AT_RISK 0.85 true person:jordan",
                        // no confidence in the payload: the stored event's column
                        QUALIFIED + " IntakeAgent LEAD_QUALIFIED 0.8 false null");
    }

    private static void decision(Connection c, UUID id, String type, String agent, double confidence, Instant at)
            throws SQLException {
        insert(c, id, type, "{}", agent, confidence, at);
    }

    private static void executed(Connection c, UUID decision, String type, String agent, String confidence, Instant at)
            throws SQLException {
        String payload = "{\"decision_event_id\": \"" + decision + "\", \"decision_event_type\": \"" + type
                + "\", \"agent_id\": \"" + agent + "\"" + (confidence == null ? "" : ", \"confidence\": " + confidence)
                + "}";
        insert(c, UUID.randomUUID(), "AUTONOMIC_DECISION_EXECUTED", payload, "OversightAgent", 0.80, at);
    }

    private static void overridden(Connection c, UUID decision, String by, Instant at) throws SQLException {
        insert(
                c,
                UUID.randomUUID(),
                "AUTONOMIC_DECISION_OVERRIDDEN",
                "{\"decision_event_id\": \"" + decision + "\"}",
                by,
                null,
                at);
    }

    private static void insert(
            Connection c, UUID id, String type, String payload, String by, Double confidence, Instant at)
            throws SQLException {
        try (var s = c.prepareStatement(
                "insert into events (event_id, event_type, correlation_id, aggregate_type, aggregate_id,"
                        + " sequence_number, payload, emitted_by, confidence, \"timestamp\", transaction_seq)"
                        + " values (?, ?, ?, 'TEST', ?, 1, ?::jsonb, ?, ?, ?, nextval('events_transaction_seq'))")) {
            s.setObject(1, id);
            s.setString(2, type);
            s.setObject(3, UUID.randomUUID());
            s.setString(4, id.toString());
            s.setString(5, payload);
            s.setString(6, by);
            s.setObject(7, confidence);
            s.setTimestamp(8, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static void approval(
            Connection c,
            UUID decision,
            String agent,
            double confidence,
            String resolution,
            String by,
            Instant resolvedAt,
            String contextType)
            throws SQLException {
        boolean gone = contextType != null;
        try (var s = c.prepareStatement(
                "insert into human_approvals (event_id, agent_id, decision_context, recommended_action,"
                        + " confidence, status, resolution, resolved_by, resolved_at) values (?, ?, ?::jsonb, 'act', ?, ?, ?, ?, ?)")) {
            s.setObject(1, gone ? null : decision);
            s.setString(2, agent);
            s.setString(3, gone ? "{\"decision_event_type\": \"" + contextType + "\"}" : "{}");
            s.setDouble(4, confidence);
            s.setString(
                    5,
                    resolution == null
                            ? "pending"
                            : resolution.equals("rejected")
                                    ? "rejected"
                                    : resolution.equals("approved_by_silence") ? "timeout" : "approved");
            s.setString(6, resolution);
            s.setString(7, by);
            s.setTimestamp(8, resolvedAt == null ? null : Timestamp.from(resolvedAt));
            s.executeUpdate();
        }
    }
}
