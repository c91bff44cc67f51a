package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /graphql/v1} over real HTTP: queries, cursor pagination, mutations, errors and roles. */
class GraphqlIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static String employee;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "graphql", Map.of());
        access.post(
                "/auth/v1/admin/users",
                access.serviceKey,
                "{\"email\":\"decider@example.com\",\"password\":\"long enough password\",\"app_metadata\":{\"app_role\":\"employee\"}}");
        employee = access.post(
                        "/auth/v1/token?grant_type=password",
                        access.anonKey,
                        "{\"email\":\"decider@example.com\",\"password\":\"long enough password\"}")
                .json()
                .get("access_token")
                .asText();
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload)
                      select 'STEP', 'FLOW', 'g1', jsonb_build_object('n', g) from generate_series(1, 5) g;
                    insert into sop_definitions (sop_id, version, definition) values ('lead-intake', 1, '{}');
                    insert into sop_executions (sop_id, sop_version, correlation_id, status, cycle_time_hours, automation_rate,
                                                human_hours, estimated_cost) values
                      ('lead-intake', 1, gen_random_uuid(), 'completed', 3, 0.80, 0.5, 2.00),
                      ('lead-intake', 1, gen_random_uuid(), 'completed', 5, 0.90, 0.25, 3.00),
                      ('lead-intake', 1, gen_random_uuid(), 'failed', 9, 0.10, 2, 9.00);
                    insert into agent_metrics (agent_id, window_start, window_end, events_processed, events_emitted, human_escalations,
                                               avg_confidence, automation_rate)
                      values ('intake', now() - interval '2 days', now() - interval '1 day', 10, 8, 1, 0.80, 0.90),
                             ('intake', now() - interval '1 day', now(), 20, 15, 2, 0.90, 0.70);
                    insert into client_health (client_id, health_status) values ('ok-client', 'healthy'), ('sad-client', 'at_risk');
                    """);
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void eventsPageWithCursorsInCommitOrder() throws Exception {
        var seen = new ArrayList<Integer>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            JsonNode page = data(query(
                            access.serviceKey,
                            "query($after: String) { events(filter: {aggregateId: \"g1\"}, first: 2, after: $after) "
                                    + "{ edges { cursor node { payload sequenceNumber } } pageInfo { hasNextPage endCursor } } }",
                            after == null ? Map.of() : Map.of("after", after)))
                    .get("events");
            page.get("edges").forEach(e -> seen.add(e.at("/node/payload/n").asInt()));
            more = page.at("/pageInfo/hasNextPage").asBoolean();
            after = page.at("/pageInfo/endCursor").asText();
            pages++;
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(pages).isEqualTo(3);
        var stream = data(query(
                access.serviceKey,
                "{ aggregateStream(aggregateType: \"FLOW\", aggregateId: \"g1\", fromSequence: 4) "
                        + "{ sequenceNumber } }",
                Map.of()));
        assertThat(stream.get("aggregateStream").toString())
                .isEqualTo("[{\"sequenceNumber\":4},{\"sequenceNumber\":5}]");
    }

    @Test
    void theSeedsMetricsAnswerRight() throws Exception {
        JsonNode d = data(query(
                access.serviceKey,
                "{ sopMetrics { sopId executions avgCycleTimeHours avgAutomationRate humanHours totalCost } "
                        + "agentPerformance { agentId eventsProcessed eventsEmitted humanEscalations avgConfidence automationRate } "
                        + "clientHealth(atRiskOnly: true) { clientId healthStatus } }",
                Map.of()));
        assertThat(d.get("sopMetrics").toString())
                .isEqualTo("[{\"sopId\":\"lead-intake\",\"executions\":2,\"avgCycleTimeHours\":4.0,"
                        + "\"avgAutomationRate\":0.85,\"humanHours\":0.75,\"totalCost\":5.0}]");
        assertThat(d.get("agentPerformance").toString())
                .isEqualTo("[{\"agentId\":\"intake\",\"eventsProcessed\":30,\"eventsEmitted\":23,"
                        + "\"humanEscalations\":3,\"avgConfidence\":0.85,\"automationRate\":0.8}]");
        assertThat(d.get("clientHealth").toString())
                .isEqualTo("[{\"clientId\":\"sad-client\",\"healthStatus\":\"at_risk\"}]");
    }

    @Test
    void appendAndDecideRecordTheCaller() throws Exception {
        JsonNode appended = data(query(
                employee,
                "mutation($p: JSON!) { appendEvent(input: {eventType: \"NOTE\", aggregateType: \"FLOW\", "
                        + "aggregateId: \"g2\", payload: $p, confidence: 0.7}) { eventId emittedBy sequenceNumber payload } }",
                Map.of("p", Map.of("x", 1))));
        assertThat(appended.at("/appendEvent/emittedBy").asText()).isEqualTo("decider@example.com");
        assertThat(appended.at("/appendEvent/payload/x").asInt()).isEqualTo(1);

        String approval = insertApproval();
        JsonNode pending = data(query(employee, "{ pendingApprovals { approvalId recommendedAction } }", Map.of()));
        assertThat(pending.get("pendingApprovals").toString()).contains(approval);
        JsonNode decided = data(query(
                employee,
                "mutation($id: ID!) { decideApproval(approvalId: $id, decision: APPROVED, notes: \"go\") "
                        + "{ status resolvedBy resolutionNotes resolvedAt } }",
                Map.of("id", approval)));
        assertThat(decided.at("/decideApproval/status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decideApproval/resolvedBy").asText()).isEqualTo("decider@example.com");
        assertThat(count("select count(*) from events where event_type = 'HUMAN_APPROVAL_GRANTED' and aggregate_id = '"
                        + approval + "' and payload->>'decided_by' = 'decider@example.com'"))
                .isEqualTo(1);

        JsonNode again = query(
                employee,
                "mutation($id: ID!) { decideApproval(approvalId: $id, decision: REJECTED, notes: \"too late\") { status } }",
                Map.of("id", approval));
        assertThat(again.get("errors").get(0).get("message").asText())
                .contains("is no longer pending: it was approved by " + "decider@example.com");
        assertThat(count("select count(*) from events where aggregate_type = 'APPROVAL' and aggregate_id = '" + approval
                        + "'"))
                .as("the refused second decision left nothing")
                .isEqualTo(1);
    }

    @Test
    void aGraphqlDecisionContinuesTheFlowExactlyLikeTheRestOne() throws Exception {
        String viaRest = thinLeadApproval("Rest Decided");
        String viaGraphql = thinLeadApproval("Graphql Decided");

        var rest = access.post(
                "/api/v1/approvals/" + viaRest + "/decision",
                employee,
                "{\"decision\": \"approve\", \"decided_by\": \"decider@example.com\", \"notes\": \"go\"}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        JsonNode decided = data(query(
                employee,
                "mutation($id: ID!) { decideApproval(approvalId: $id, decision: APPROVED, notes: \"go\") "
                        + "{ status resolvedBy resolutionNotes } }",
                Map.of("id", viaGraphql)));
        assertThat(decided.at("/decideApproval/status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decideApproval/resolvedBy").asText()).isEqualTo("decider@example.com");

        // Both: the release names its decision, the intake agent books the meeting from it, the SOP step completes.
        for (String approval : List.of(viaRest, viaGraphql)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> count("""
                    select count(*) from events g join events m on m.causation_id = g.event_id and m.event_type = 'MEETING_SCHEDULED'
                     where g.event_type = 'HUMAN_APPROVAL_GRANTED' and g.aggregate_id = '%s'
                       and g.payload ->> 'decision_event_id' = (select event_id::text from human_approvals where approval_id = '%s')""".formatted(approval, approval)) == 1);
        }
        String shape = """
                select a.status, a.resolution, a.resolved_by, a.resolution_notes, a.approved_by::text,
                       (select string_agg(action || ':' || actor, ',' order by audit_id) from human_approval_audit u
                         where u.approval_id = a.approval_id),
                       (select string_agg(e.event_type, ',' order by e.transaction_seq, e.global_position) from events e
                         where e.correlation_id = a.correlation_id and e.global_position > (
                               select g.global_position from events g where g.aggregate_id = a.approval_id::text
                                  and g.event_type = 'HUMAN_APPROVAL_GRANTED'))
                  from human_approvals a where a.approval_id = '%s'""";
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> row(shape.formatted(viaGraphql)).equals(row(shape.formatted(viaRest))));
        assertThat(row(shape.formatted(viaGraphql)))
                .startsWith(
                        "approved",
                        "approved",
                        "decider@example.com",
                        "go",
                        "{decider@example.com}",
                        "requested:OversightAgent,approved:decider@example.com");
    }

    // A lead too thin to qualify on its own: the intake agent's qualification waits for a person.
    private static String thinLeadApproval(String name) throws Exception {
        var lead = access.post(
                "/api/v1/leads",
                access.serviceKey,
                "{\"name\": \"" + name + "\", \"email\": \""
                        + name.toLowerCase().replace(' ', '.')
                        + "@example.com\", \"message\": \"Hello, can you help us?\"}");
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        String correlation = lead.json().get("correlation_id").asText();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() ->
                        count("select count(*) from human_approvals where status = 'pending' and correlation_id = '"
                                        + correlation + "'")
                                == 1);
        return row("select approval_id from human_approvals where correlation_id = '" + correlation + "'")
                .getFirst();
    }

    private static List<String> row(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            var cells = new ArrayList<String>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                cells.add(rs.getString(i));
            }
            return cells;
        }
    }

    @Test
    void errorsRollBackAndNameTheProblem() throws Exception {
        long before = count("select count(*) from events");
        JsonNode conflict = query(
                access.serviceKey,
                "mutation { a: appendEvent(input: {eventType: \"OK\", aggregateType: \"FLOW\", "
                        + "aggregateId: \"g3\", payload: \"{}\"}) { eventId } b: appendEvent(input: {eventType: \"X\", aggregateType: \"FLOW\", "
                        + "aggregateId: \"g1\", payload: \"{}\", expectedVersion: 0}) { eventId } }",
                Map.of());
        assertThat(conflict.get("errors").toString()).contains("wrong expected version");
        assertThat(count("select count(*) from events"))
                .as("the whole request rolled back")
                .isEqualTo(before);
        assertThat(query(access.serviceKey, "{ events(first: 0) { edges { cursor } } }", Map.of())
                        .get("errors")
                        .toString())
                .contains("first must be between 1 and 1000");
        assertThat(query(access.serviceKey, "{ events(after: \"bogus\") { edges { cursor } } }", Map.of())
                        .get("errors")
                        .toString())
                .contains("not a cursor");
        assertThat(query(access.serviceKey, "{ nope }", Map.of()).get("errors")).isNotEmpty();
        assertThat(access.post("/graphql/v1", access.serviceKey, "{\"nope\": 1}")
                        .status())
                .isEqualTo(400);
        JsonNode anon = query(
                access.anonKey, "{ pendingApprovals { approvalId } events(first: 5) { edges { cursor } } }", Map.of());
        assertThat(anon.get("errors").toString()).contains("permission denied");
    }

    private static String insertApproval() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "insert into human_approvals (agent_id, decision_context, recommended_action, confidence) "
                                + "values ('finance', '{}', 'send invoice', 0.6) returning approval_id")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static JsonNode query(String key, String query, Map<String, Object> variables) throws Exception {
        String body = AccessTesting.JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        var response = access.post("/graphql/v1", key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode data(JsonNode result) {
        assertThat(result.has("errors")).as(result.toString()).isFalse();
        return result.get("data");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
