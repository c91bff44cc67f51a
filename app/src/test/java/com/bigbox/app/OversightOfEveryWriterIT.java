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
 * Oversight judges every decision-bearing event, whoever wrote it, as the original's "Oversight sees every
 * event", not only the agents' own: each of issue 11's three cases (a critical legal risk, a project with four
 * risk factors that asks for a person, a low-confidence lead) written through the API and with psql. The lead
 * webhook writes only raw leads ({@code LEAD_RECEIVED}, no confidence of its own): a sparse one sent through it
 * must end waiting for a person too, never decided as if no one had looked.
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
    void aCriticalLegalRiskPostedThroughTheApiGoesToAManagerAtCriticalPriority() throws Exception {
        var reply = access.post("/api/events", access.serviceKey, """
                {"event_type": "RISK_DETECTED", "entity_type": "CLIENT", "entity_id": "acme-legal",
                 "payload": {"client_id": "acme-legal", "risk_type": "legal", "severity": "critical",
                             "description": "the client's counsel claims a breach of contract", "requires_human": false},
                 "emitted_by": "account-manager"}""");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID risk = UUID.fromString(reply.json().path("event_id").asText());
        // Not among the doctrine's reasons to interrupt the CEO: a manager, and the CEO if the manager does not answer.
        awaitJudged(risk, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(risk)).containsExactly("pending", "manager");
    }

    @Test
    void aProjectWithFourRiskFactorsWrittenWithPsqlGoesToAManager() throws Exception {
        UUID project = UUID.randomUUID();
        try (Connection c = db.connect();
                var s = c.prepareStatement("""
                insert into events (event_id, event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                values (?, 'PROJECT_AT_RISK', gen_random_uuid(), 'PROJECT', 'p-risky', '{"project_id": "p-risky",
                  "client_id": "acme-projects", "requires_human": true,
                  "risk_factors": ["scope creep", "late assets", "budget overrun", "key person leaving"]}', 'psql')""")) {
            s.setObject(1, project);
            s.executeUpdate();
        }
        awaitJudged(project, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(project)).containsExactly("pending", "manager");
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

    @Test
    void aCriticalLegalRiskWrittenWithPsqlGoesToAManagerAtCriticalPriority() throws Exception {
        UUID risk = psql("RISK_DETECTED", "CLIENT", "acme-legal-psql", """
                {"client_id": "acme-legal-psql", "risk_type": "legal", "severity": "critical",
                 "description": "a cease-and-desist letter arrived", "requires_human": false}""", null);
        // Not among the doctrine's reasons to interrupt the CEO: a manager, and the CEO if the manager does not answer.
        awaitJudged(risk, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(risk)).containsExactly("pending", "manager");
    }

    @Test
    void aProjectWithFourRiskFactorsPostedThroughTheApiGoesToAManager() throws Exception {
        var reply = access.post("/api/events", access.serviceKey, """
                {"event_type": "PROJECT_AT_RISK", "entity_type": "PROJECT", "entity_id": "p-risky-api",
                 "payload": {"project_id": "p-risky-api", "client_id": "acme-projects-api", "requires_human": true,
                             "risk_factors": ["scope creep", "late assets", "budget overrun", "key person leaving"]},
                 "emitted_by": "project-manager"}""");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID project = UUID.fromString(reply.json().path("event_id").asText());
        awaitJudged(project, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(project)).containsExactly("pending", "manager");
    }

    @Test
    void aLowConfidenceQualificationWrittenWithPsqlWaitsForAPerson() throws Exception {
        UUID qualified = psql(
                "LEAD_QUALIFIED",
                "LEAD",
                "lead-unsure-psql",
                "{\"lead_id\": \"lead-unsure-psql\", \"score\": 38, \"service_type\": \"web\"}",
                0.35);
        awaitJudged(qualified, "HUMAN_APPROVAL_REQUESTED");
        assertThat(approval(qualified).getFirst()).isEqualTo("pending");
    }

    @Test
    void aSparseLeadSentThroughTheWebhookWaitsForAPerson() throws Exception {
        String secret = "oversight-webhook-secret-" + UUID.randomUUID();
        try (var database =
                new com.bigbox.postgres.Database(com.bigbox.postgres.DatabaseUrl.parse(db.jdbcUrl()), 2, "test")) {
            new com.bigbox.postgres.access.WebhookSecretStore(database.pool()).rotate(secret);
        }
        // Only a name and an address: the inquiry's confidence drops for what it lacks.
        String body = "{\"name\":\"Sparse Webhook Lead\",\"email\":\"sparse@webhook.test\"}";
        long now = java.time.Instant.now().getEpochSecond();
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v1="
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal((now + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var reply = access.send(access.request("/api/v1/webhooks/lead", null)
                .header("Content-Type", "application/json")
                .header("X-Bigbox-Timestamp", Long.toString(now))
                .header("X-Bigbox-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        UUID received = UUID.fromString(reply.json().path("event_id").asText());
        String flow = "(select correlation_id from events where event_id = '" + received + "')";
        String approvals =
                "select a.status from human_approvals a join events e on e.event_id = a.event_id where e.correlation_id = "
                        + flow;
        try {
            await().atMost(60, SECONDS).until(() -> !strings(approvals).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no approval on the webhook's lead; its flow: "
                            + strings(
                                    "select event_type || ' ' || emitted_by || ' ' || coalesce(confidence::text, '-') || ' ' || correlation_id from events"
                                            + " where correlation_id = " + flow + " or event_id = '" + received
                                            + "' order by global_position"),
                    e);
        }
        assertThat(strings("select a.status || ' ' || e.event_type || ' ' || e.confidence from human_approvals a"
                        + " join events e on e.event_id = a.event_id where e.correlation_id = " + flow))
                .as("the decision on the webhook's lead waits for a person")
                .singleElement()
                .asString()
                .startsWith("pending LEAD_QUALIFIED");
        assertThat(strings(
                        "select event_type from events where event_type = 'AUTONOMIC_DECISION_EXECUTED' and correlation_id = "
                                + flow))
                .as("nothing on the lead executed as if no one had looked")
                .isEmpty();
    }

    // An event as a person types it into psql: a plain insert, no API, no agent.
    private static UUID psql(String type, String aggregateType, String aggregateId, String payload, Double confidence)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connect();
                var s = c.prepareStatement("""
                insert into events (event_id, event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, confidence)
                values (?, ?, gen_random_uuid(), ?, ?, ?::jsonb, 'psql', ?)""")) {
            s.setObject(1, id);
            s.setString(2, type);
            s.setString(3, aggregateType);
            s.setString(4, aggregateId);
            s.setString(5, payload);
            s.setObject(6, confidence);
            s.executeUpdate();
        }
        return id;
    }

    private static void awaitJudged(UUID decision, String expected) throws SQLException {
        await().atMost(60, SECONDS).until(() -> judgements(decision).contains(expected));
        assertThat(judgements(decision))
                .as("never executed as if no one had looked")
                .doesNotContain("AUTONOMIC_DECISION_EXECUTED");
    }

    private static List<String> judgements(UUID decision) throws SQLException {
        return strings("select event_type from events where causation_id = '" + decision + "'");
    }

    /** The decision's approval: its status and the role it waits for. */
    private static List<String> approval(UUID decision) throws SQLException {
        var values = new ArrayList<String>();
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
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
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
