package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Amplification (issue 10, item 6): a small GraphQL query may not ask for a huge answer, an answer may not
 * outgrow its cap, and {@code /rest/v1} answers at most {@code BIGBOX_REST_MAX_ROWS} rows.
 */
class GraphqlCostIT {
    private static final int MAX_RESPONSE_BYTES = 65_536;
    private static final int MAX_ROWS = 20;
    private static final int BIG_EVENTS = 60;
    private static final int SMALL_EVENTS = 5;
    private static final int APPROVALS = 1_200;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(
                db,
                "graphql-cost",
                Map.of(
                        "BIGBOX_AGENTS",
                        "off",
                        "BIGBOX_GRAPHQL_MAX_RESPONSE_BYTES",
                        Integer.toString(MAX_RESPONSE_BYTES),
                        "BIGBOX_REST_MAX_ROWS",
                        Integer.toString(MAX_ROWS)));
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload)
                      select 'BIG', 'FLOW', 'big', jsonb_build_object('n', g, 'text', repeat('x', 2000)) from generate_series(1, %d) g;
                    insert into events (event_type, aggregate_type, aggregate_id, payload)
                      select 'SMALL', 'FLOW', 'small', jsonb_build_object('n', g) from generate_series(1, %d) g;
                    insert into human_approvals (agent_id, decision_context, recommended_action, confidence)
                      select 'load', jsonb_build_object('n', g, 'text', repeat('y', 1000)), 'approve', 0.5 from generate_series(1, %d) g;
                    """.formatted(BIG_EVENTS, SMALL_EVENTS, APPROVALS));
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    // The query of the report: 300 aliases of events(first: 1000) with the payload, about 25 KB.
    private static String attack() {
        var query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" a")
                    .append(i)
                    .append(": events(first: 1000) { edges { cursor node { eventId eventType aggregateType "
                            + "aggregateId sequenceNumber payload } } }");
        }
        return query.append(" }").toString();
    }

    @Test
    void theAmplifyingQueryIsRefusedBeforeItRuns() throws Exception {
        String attack = attack();
        assertThat(attack.length()).isGreaterThan(25_000);
        var response = post(attack);
        assertThat(response.status()).isEqualTo(200);
        assertRefusedForCost(response.body());
    }

    @Test
    void tenAmplifyingQueriesAtOnceAreAllRefused() throws Exception {
        String body = AccessTesting.JSON.writeValueAsString(Map.of("query", attack()));
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 10; i++) {
            HttpRequest request = access.request("/graphql/v1", access.serviceKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answers.add(access.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertRefusedForCost(response.body());
        }
    }

    @Test
    void anAnswerOverTheSizeCapIsRefusedWithoutItsRows() throws Exception {
        // Cheap by cost (60 rows), but 60 payloads of 2 KB outgrow the 64 KiB cap of this test.
        var response = post(
                "{ events(filter: {aggregateId: \"big\"}, first: " + BIG_EVENTS + ") { edges { node { payload } } } }");
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.at("/errors/0/message").asText())
                .contains("the answer would exceed " + MAX_RESPONSE_BYTES + " bytes")
                .contains("BIGBOX_GRAPHQL_MAX_RESPONSE_BYTES");
        assertThat(answer.at("/errors/0/extensions/classification").asText()).isEqualTo("ResponseTooLarge");
        assertThat(answer.has("data")).as("no partial answer").isFalse();
        assertThat(response.body().length()).isLessThan(2_048);

        var fits = post("{ events(filter: {aggregateId: \"big\"}, first: 10) { edges { node { payload } } } }")
                .json();
        assertThat(fits.has("errors")).as(fits.toString()).isFalse();
        assertThat(fits.at("/data/events/edges")).hasSize(10);
    }

    @Test
    void normalQueriesStillWork() throws Exception {
        JsonNode answer =
                post("{ events(filter: {aggregateId: \"small\"}) { edges { cursor node { eventId eventType payload "
                                + "sequenceNumber } } pageInfo { hasNextPage endCursor } } s: aggregateStream(aggregateType: \"FLOW\", aggregateId: \"small\") "
                                + "{ sequenceNumber } pendingApprovals(first: 3) { approvalId } }")
                        .json();
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        assertThat(answer.at("/data/events/edges")).hasSize(SMALL_EVENTS);
        assertThat(answer.at("/data/events/edges/4/node/payload/n").asInt()).isEqualTo(5);
        assertThat(answer.at("/data/s")).hasSize(SMALL_EVENTS);
        // A whole page of 1000 with every field is within the default cost.
        JsonNode page =
                post("{ events(first: 1000) { edges { cursor node { eventId eventType aggregateType aggregateId sequenceNumber "
                                + "globalPosition metadata correlationId causationId emittedBy confidence timestamp createdAt } } "
                                + "pageInfo { hasNextPage } } }")
                        .json();
        assertThat(page.has("errors")).as(page.toString()).isFalse();
        assertThat(page.at("/data/events/edges")).hasSize(BIG_EVENTS + SMALL_EVENTS);
    }

    // Every list field is paged and charged row by row as it is read, not only events: a field that loaded its
    // whole result before counting it would let aliases of it fill the heap under the response cap.
    @Test
    void everyListFieldIsPagedAndCappedWhileItIsRead() throws Exception {
        JsonNode paged = post("{ pendingApprovals(first: 7) { approvalId } s: aggregateStream(aggregateType: \"FLOW\", "
                        + "aggregateId: \"big\", first: 4) { sequenceNumber } sopMetrics(first: 2) { sopId } agentPerformance(first: 2) "
                        + "{ agentId } clientHealth(first: 2) { clientId } }")
                .json();
        assertThat(paged.has("errors")).as(paged.toString()).isFalse();
        assertThat(paged.at("/data/pendingApprovals")).hasSize(7);
        assertThat(paged.at("/data/s")).hasSize(4);
        assertThat(post("{ pendingApprovals(first: 1001) { approvalId } }")
                        .json()
                        .at("/errors/0/message")
                        .asText())
                .contains("first must be between 1 and 1000");

        // 300 aliases of pendingApprovals with the context: refused by cost before anything is read.
        var aliases = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            aliases.append(" p").append(i).append(": pendingApprovals(first: 1000) { approvalId decisionContext }");
        }
        assertRefusedForCost(post(aliases.append(" }").toString()).body());
    }

    @Test
    void tenRequestsOfManyAliasesOfANonEventsFieldAreCutAtTheCapAndTheEngineStaysResponsive() throws Exception {
        // Within the cost limit (40 x 100 x 3), but 40 x 100 contexts of 1 KB are far over the 64 KiB cap.
        var query = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            query.append(" p").append(i).append(": pendingApprovals(first: 100) { approvalId decisionContext }");
        }
        String body = AccessTesting.JSON.writeValueAsString(
                Map.of("query", query.append(" }").toString()));
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 10; i++) {
            HttpRequest request = access.request("/graphql/v1", access.serviceKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answers.add(access.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().length())
                    .as("only the refusal came back")
                    .isLessThan(2_048);
            JsonNode refused = AccessTesting.JSON.readTree(response.body());
            assertThat(refused.at("/errors/0/extensions/classification").asText())
                    .isEqualTo("ResponseTooLarge");
            assertThat(refused.has("data")).isFalse();
        }
        JsonNode after = post("{ pendingApprovals(first: 1) { approvalId } }").json();
        assertThat(after.at("/data/pendingApprovals"))
                .as("the engine still answers: " + after)
                .hasSize(1);
    }

    @Test
    void tooDeepAQueryIsRefused() throws Exception {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(10) + "{ name }" + " }".repeat(10)
                + " } } } }";
        JsonNode answer = post(deep).json();
        assertThat(answer.at("/errors/0/message").asText()).contains("BIGBOX_GRAPHQL_MAX_DEPTH");
        assertThat(answer.has("data") && !answer.get("data").isNull()).isFalse();
    }

    @Test
    void restAnswersAtMostMaxRows() throws Exception {
        var all = access.get("/rest/v1/events?select=global_position&order=global_position", access.serviceKey);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).hasSize(MAX_ROWS);
        assertThat(all.header("Content-Range")).isEqualTo("0-" + (MAX_ROWS - 1) + "/*");

        var larger = access.get("/rest/v1/events?select=global_position&limit=50", access.serviceKey);
        assertThat(larger.json()).hasSize(MAX_ROWS);
        var smaller = access.get("/rest/v1/events?select=global_position&limit=5", access.serviceKey);
        assertThat(smaller.json()).hasSize(5);
        var ranged = access.send(access.request("/rest/v1/events?select=global_position", access.serviceKey)
                .header("Range", "0-49")
                .GET()
                .build());
        assertThat(ranged.json()).hasSize(MAX_ROWS);
        var tail = access.get("/rest/v1/events?select=global_position&offset=60", access.serviceKey);
        assertThat(tail.json()).hasSize(BIG_EVENTS + SMALL_EVENTS - 60);
        assertThat(tail.header("Content-Range")).isEqualTo("60-" + (BIG_EVENTS + SMALL_EVENTS - 1) + "/*");

        var counted = access.send(access.request("/rest/v1/events?select=global_position", access.serviceKey)
                .header("Prefer", "count=exact")
                .GET()
                .build());
        assertThat(counted.status()).isEqualTo(206);
        assertThat(counted.json()).hasSize(MAX_ROWS);
        assertThat(counted.header("Content-Range"))
                .isEqualTo("0-" + (MAX_ROWS - 1) + "/" + (BIG_EVENTS + SMALL_EVENTS));
    }

    // db-max-rows holds on every table and view the API serves, and on set-returning functions.
    @Test
    void restAnswersAtMostMaxRowsFromEveryTableAndFunction() throws Exception {
        JsonNode document = access.get("/rest/v1/", access.serviceKey).json();
        var tables = new ArrayList<String>();
        document.get("paths").fieldNames().forEachRemaining(path -> {
            if (!path.equals("/") && !path.startsWith("/rpc/")) {
                tables.add(path.substring(1));
            }
        });
        assertThat(tables).contains("events", "human_approvals");
        for (String table : tables) {
            var rows = access.get("/rest/v1/" + table + "?limit=100000", access.serviceKey);
            assertThat(rows.status()).as(table + ": " + rows.body()).isEqualTo(200);
            assertThat(rows.json().size()).as(table).isLessThanOrEqualTo(MAX_ROWS);
        }
        assertThat(access.get("/rest/v1/human_approvals?select=approval_id", access.serviceKey)
                        .json())
                .hasSize(MAX_ROWS);
        var stream = access.post(
                "/rest/v1/rpc/get_event_stream",
                access.serviceKey,
                "{\"p_aggregate_type\": \"FLOW\", \"p_aggregate_id\": \"big\"}");
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.json()).hasSize(MAX_ROWS);
    }

    private static void assertRefusedForCost(String body) throws Exception {
        assertThat(body.length()).as("nothing large came back").isLessThan(2_048);
        JsonNode answer = AccessTesting.JSON.readTree(body);
        assertThat(answer.at("/errors/0/message").asText())
                .contains("the query costs")
                .contains("BIGBOX_GRAPHQL_MAX_COST");
        assertThat(answer.has("data") && !answer.get("data").isNull())
                .as("nothing executed")
                .isFalse();
    }

    private static AccessTesting.Response post(String query) throws Exception {
        return access.post(
                "/graphql/v1", access.serviceKey, AccessTesting.JSON.writeValueAsString(Map.of("query", query)));
    }
}
