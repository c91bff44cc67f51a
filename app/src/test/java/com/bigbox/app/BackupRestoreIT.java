package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.testkit.DerivedTables;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/backup-restore.md, end to end with real activity: a production engine whose agents handle leads,
 * qualify them, book meetings and price a project, with people approving and rejecting, is exported
 * with {@code bigbox export}; a fresh database gets {@code bigbox import} and {@code bigbox replay}; every
 * query of docs/seed-queries.sql and every derived table answers the same there; and an engine on the
 * restored database carries the flows on: a pending approval is decided and its flow continues, another
 * expires on the rebuilt schedule and silence approves it.
 */
class BackupRestoreIT {
    @RegisterExtension
    static final TestDatabase production = new TestDatabase();

    @RegisterExtension
    static final TestDatabase fresh = new TestDatabase();

    @TempDir
    Path backup;

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SOPS = Path.of(System.getProperty("user.dir")).getParent().resolve("sops");
    /** Approvals expire in about 17 s instead of a day, so the restored engine's expiry is seen to fire. */
    static final Map<String, String> FAST_APPROVALS = Map.of("BIGBOX_APPROVAL_TIMEOUT_SCALE", "0.0002");

    @Test
    void aRunningEngineWithAgentsIsRestoredElsewhereAndTheRestoredEngineCarriesTheFlowsOn() throws Exception {
        assertThat(Cli.run(TestEngines.settings(production, Map.of()), "load-sops", SOPS.toString())
                        .exitCode())
                .isZero();
        String quoteApproval;
        String silentApproval;
        String silentFlow;
        try (Engine engine = TestEngines.start(production, "production", FAST_APPROVALS)) {
            // A strong lead: qualified and booked by the agents; its meeting's notes lead to a quote that finance must
            // approve.
            String strongFlow = lead(
                    engine,
                    "Ada Lovelace",
                    "ada@acme.test",
                    "+1 555 0100",
                    "Acme Rockets",
                    "We are launching a new rocket line this spring and need a campaign that reaches engineers and buyers alike.");
            String meetingId = awaitPayload(production, "MEETING_SCHEDULED", strongFlow, "meeting_id");
            var notes = TestEngines.post(engine, "/api/events", """
                    {"event_type": "MEETING_COMPLETED", "entity_type": "MEETING", "entity_id": "%s", "emitted_by": "alex",
                     "payload": {"sentiment": 0.6, "attended": true, "action_items": ["Send moodboard examples"],
                                 "goals": ["launch the spring campaign"], "service_type": "campaign", "budget": 25000,
                                 "timeline_weeks": 7}}""".formatted(meetingId));
            assertThat(notes.statusCode()).as(notes.body()).isEqualTo(201);
            quoteApproval = awaitPendingApproval(production, strongFlow, "QUOTE_GENERATED");
            assertThat(TestEngines.post(
                                    engine,
                                    "/api/v1/approvals/" + quoteApproval + "/comments",
                                    "{\"author\": \"pat\", \"body\": \"Checking the price with the designers.\"}")
                            .statusCode())
                    .isEqualTo(201);

            // Thin leads: a person approves one, rejects another (its SOP falls back to a person's task).
            String approvedFlow =
                    lead(engine, "Approve Me", "approve.me@example.com", null, null, "Hello, can you help us?");
            decide(engine, awaitPendingApproval(production, approvedFlow, "LEAD_QUALIFIED"), "approve", null);
            String rejectedFlow =
                    lead(engine, "Reject Me", "reject.me@example.com", null, null, "Hello, can you help us?");
            decide(
                    engine,
                    awaitPendingApproval(production, rejectedFlow, "LEAD_QUALIFIED"),
                    "reject",
                    "a competitor fishing");
            awaitPayload(production, "MEETING_SCHEDULED", approvedFlow, "meeting_id");
            awaitCount(
                    production,
                    "select count(*) from events where event_type = 'TASK_CREATED' and correlation_id = '"
                            + rejectedFlow + "'",
                    1);
            // One nobody answers before the backup.
            silentFlow = lead(engine, "Silent Client", "silent@example.com", null, null, "Hello, can you help us?");
            silentApproval = awaitPendingApproval(production, silentFlow, "LEAD_QUALIFIED");
            try (Connection c = production.connect();
                    var s = c.createStatement()) {
                s.execute("select append_event('PAYMENT_RECEIVED', null, null, 'INVOICE', 'inv-1', "
                        + "'{\"amount\": 1200.00, \"client_id\": \"client-acme-rockets\"}', '{}', 'bank', null)");
            }
            awaitQuiet(engine);
        }

        Cli.Run export = Cli.run(
                TestEngines.settings(production, Map.of()),
                "export",
                "--to",
                backup.toString(),
                "--segment-events",
                "50");
        assertThat(export.exitCode()).as(export.err()).isZero();
        Cli.Run imported = Cli.run(TestEngines.settings(fresh, Map.of()), "import", "--from", backup.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out())
                .containsPattern("imported [0-9,]{2,} events, 0 already present")
                // agents, governor, two projections' and self-improvement's (its projection and its executor)
                .contains("11 subscription(s) continue where the source's stood");
        Cli.Run replay = Cli.run(TestEngines.settings(fresh, Map.of()), "replay");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out())
                .contains("rebuilt human_approvals, sop_definitions, sop_executions, agent_metrics, client_health, "
                        + "improvement_signals");

        Map<String, String> queries = SeedQueries.load();
        try (Connection before = production.connect();
                Connection after = fresh.connect()) {
            for (var query : queries.entrySet()) {
                var expected = SeedQueries.run(before, query.getValue());
                assertThat(SeedQueries.run(after, query.getValue()))
                        .as(query.getKey())
                        .isEqualTo(expected);
                if (!query.getKey().equals("client_health_at_risk")) {
                    assertThat(expected)
                            .as(query.getKey() + " has rows to compare")
                            .isNotEmpty();
                }
            }
            Map<String, List<String>> restored = DerivedTables.snapshot(after);
            DerivedTables.snapshot(before)
                    .forEach((table, rows) ->
                            assertThat(restored.get(table)).as(table).isEqualTo(rows));
            assertThat(SeedQueries.run(after, queries.get("pending_approvals")))
                    .extracting(r -> r.getFirst())
                    .contains(quoteApproval, silentApproval);
        }

        try (Engine restored = TestEngines.start(fresh, "restored", FAST_APPROVALS)) {
            // The pending quote is decided on the restored engine, and its flow goes on from the decision.
            decide(restored, quoteApproval, "approve", "price checked");
            awaitCount(fresh, """
                    select count(*) from events g join events s on s.causation_id = g.event_id
                     where g.event_type = 'HUMAN_APPROVAL_GRANTED' and g.aggregate_id = '%s'
                       and s.event_type = 'SOP_STEP_COMPLETED'""".formatted(quoteApproval), 1);
            // The one nobody answered expires on the rebuilt schedule: silence approves it, the meeting is booked.
            await().atMost(60, SECONDS)
                    .until(() -> text(
                                    fresh,
                                    "select coalesce(resolution, status) from human_approvals "
                                            + "where approval_id = '" + silentApproval + "'")
                            .equals("approved_by_silence"));
            awaitPayload(fresh, "MEETING_SCHEDULED", silentFlow, "meeting_id");
            var appended = TestEngines.post(restored, "/api/v1/events", """
                    {"event_type":"PAYMENT_RECEIVED","aggregate_type":"INVOICE","aggregate_id":"inv-1","payload":{"amount":10},
                     "expected_version":1}""");
            assertThat(appended.statusCode())
                    .as("streams continue from their restored version")
                    .isEqualTo(201);
        }
    }

    private static String lead(Engine engine, String name, String email, String phone, String company, String message)
            throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("company", company);
        body.put("message", message);
        body.put("urgency", company == null ? null : "high");
        HttpResponse<String> response = TestEngines.post(engine, "/api/v1/leads", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("correlation_id").asText();
    }

    private static void decide(Engine engine, String approval, String decision, String notes) throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("decision", decision);
        body.put("decided_by", "pat");
        body.put("notes", notes);
        HttpResponse<String> response =
                TestEngines.post(engine, "/api/v1/approvals/" + approval + "/decision", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode decided = JSON.readTree(response.body());
        assertThat(decided.path("status").asText()).isEqualTo(decision.equals("approve") ? "approved" : "rejected");
    }

    private static String awaitPendingApproval(TestDatabase db, String flow, String decisionType) {
        String sql = "select approval_id from human_approvals where status = 'pending' and correlation_id = '" + flow
                + "' and decision_event_type = '" + decisionType + "'";
        await().atMost(30, SECONDS).until(() -> !text(db, sql).isEmpty());
        return text(db, sql);
    }

    private static String awaitPayload(TestDatabase db, String type, String flow, String field) {
        String sql = "select payload ->> '" + field + "' from events where event_type = '" + type
                + "' and correlation_id = '" + flow + "' order by global_position limit 1";
        await().atMost(30, SECONDS).until(() -> !text(db, sql).isEmpty());
        return text(db, sql);
    }

    private static void awaitCount(TestDatabase db, String sql, long atLeast) {
        await().atMost(30, SECONDS).until(() -> Long.parseLong(text(db, sql)) >= atLeast);
    }

    // Every agent, the governor and the projections have handled every event committed so far.
    private static void awaitQuiet(Engine engine) {
        String names = String.join("','", engine.autonomic().subscriptionNames());
        await().atMost(30, SECONDS)
                .until(() -> text(
                                production,
                                "select coalesce(sum(lag), -1) from subscription_status(array['" + names + "'])")
                        .equals("0"));
    }

    private static String text(TestDatabase db, String sql) {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
