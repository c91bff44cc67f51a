package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Oversight judges every decision-bearing event, whoever wrote it — a person through the API or psql —
 * as the original's "Oversight sees every event", not only the agents' own. (The webhook writes only
 * LEAD_RECEIVED, a raw lead; the decisions on it are the intake agent's, judged as always.)
 */
class OversightOfEveryWriterIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "oversight-writers", Map.of());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aCriticalLegalRiskPostedThroughTheApiInterruptsTheCeo() throws Exception {
        var reply = access.post("/api/events", access.serviceKey, """
                {"event_type": "RISK_DETECTED", "entity_type": "CLIENT", "entity_id": "acme-legal",
                 "payload": {"client_id": "acme-legal", "risk_type": "legal", "severity": "critical",
                             "description": "the client's counsel claims a breach of contract", "requires_human": false},
                 "emitted_by": "account-manager"}""");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID risk = UUID.fromString(reply.json().path("event_id").asText());
        awaitJudged(risk, "CEO_INTERRUPT_REQUIRED");
        assertThat(approval(risk)).containsExactly("pending", "ceo");
    }

    @Test
    void aProjectWithFourRiskFactorsWrittenWithPsqlWaitsForTheCeo() throws Exception {
        UUID project = UUID.randomUUID();
        try (Connection c = db.connect(); var s = c.prepareStatement("""
                insert into events (event_id, event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                values (?, 'PROJECT_AT_RISK', gen_random_uuid(), 'PROJECT', 'p-risky', '{"project_id": "p-risky",
                  "client_id": "acme-projects", "requires_human": true,
                  "risk_factors": ["scope creep", "late assets", "budget overrun", "key person leaving"]}', 'psql')""")) {
            s.setObject(1, project);
            s.executeUpdate();
        }
        awaitJudged(project, "CEO_INTERRUPT_REQUIRED");
        assertThat(approval(project)).containsExactly("pending", "ceo");
    }

    @Test
    void aLowConfidenceQualificationPostedThroughTheApiWaitsForAPerson() throws Exception {
        var reply = access.post("/api/events", access.serviceKey, """
                {"event_type": "LEAD_QUALIFIED", "entity_type": "LEAD", "entity_id": "lead-unsure",
                 "payload": {"lead_id": "lead-unsure", "score": 41, "service_type": "web"},
                 "confidence": 0.4, "emitted_by": "sales-desk"}""");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID qualified = UUID.fromString(reply.json().path("event_id").asText());
        awaitJudged(qualified, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(qualified).getFirst()).isEqualTo("pending");
    }

    private static void awaitJudged(UUID decision, String expected) throws SQLException {
        await().atMost(60, SECONDS).until(() -> judgements(decision).contains(expected));
        assertThat(judgements(decision)).as("never executed as if no one had looked").doesNotContain("AUTONOMIC_DECISION_EXECUTED");
    }

    private static List<String> judgements(UUID decision) throws SQLException {
        return strings("select event_type from events where causation_id = '" + decision + "'");
    }

    /** The decision's approval: its status and the role it waits for. */
    private static List<String> approval(UUID decision) throws SQLException {
        var values = new ArrayList<String>();
        try (Connection c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery(
                "select status, assigned_role from human_approvals where event_id = '" + decision + "'")) {
            while (rs.next()) {
                values.add(rs.getString(1));
                values.add(rs.getString(2));
            }
        }
        return values;
    }

    private static List<String> strings(String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (Connection c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
