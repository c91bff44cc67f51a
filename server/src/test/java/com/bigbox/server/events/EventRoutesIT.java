package com.bigbox.server.events;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import com.bigbox.server.HttpServer;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.health.HealthRoutes;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's event API over real HTTP against real PostgreSQL. */
class EventRoutesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;
    static PgNode node;
    static HttpServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = Json.mapper();

    @BeforeAll
    static void start() {
        database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 6, "events-api");
        Migrations.apply(database.pool());
        node = PgNode.start(database, "api");
        server = HttpServer.start(
                "127.0.0.1",
                0,
                List.of(
                        new HealthRoutes(List.of()),
                        new EventRoutes(RequestTransactions.privileged(node.store()), node.bus())));
    }

    @AfterAll
    static void stop() {
        server.close();
        node.close();
        database.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static long count(String aggregateId) throws Exception {
        try (Connection c = db.connect();
                var s = c.prepareStatement("select count(*) from events where aggregate_id = ?")) {
            s.setString(1, aggregateId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void appendingReturns201WithTheStoredEvent() throws Exception {
        var response = post("/api/v1/events", """
                {"event_type": "LEAD_RECEIVED", "aggregate_type": "LEAD", "aggregate_id": "api-1",
                 "payload": {"name": "Test Client"}, "metadata": {"source": "test"}, "emitted_by": "IntakeAgent", "confidence": 0.95}""");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode stored = json.readTree(response.body());
        assertThat(stored.get("event_type").asText()).isEqualTo("LEAD_RECEIVED");
        assertThat(stored.get("sequence_number").asLong()).isEqualTo(1);
        assertThat(stored.get("payload").get("name").asText()).isEqualTo("Test Client");
        assertThat(stored.get("confidence").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(stored.get("global_position").asLong()).isPositive();
        assertThat(get("/api/v1/events/" + stored.get("event_id").asText()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRetryWithTheSameEventIdIsNotStoredTwice() throws Exception {
        String body = """
                {"event_id": "6f1c1c1e-0000-4000-8000-000000000001", "event_type": "LEAD_RECEIVED",
                 "aggregate_type": "LEAD", "aggregate_id": "api-retry", "payload": {}}""";
        assertThat(post("/api/v1/events", body).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/events", body).statusCode()).isEqualTo(200);
        assertThat(count("api-retry")).isEqualTo(1);
    }

    @Test
    void badInputGets400NamingTheFieldAndStoresNothing() throws Exception {
        record Case(String body, String field) {}
        var cases = List.of(
                new Case("{\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{}}", "event_type"),
                new Case(
                        "{\"event_type\":\"\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{}}",
                        "event_type"),
                new Case("{\"event_type\":\"X\",\"aggregate_id\":\"api-bad\",\"payload\":{}}", "aggregate_type"),
                new Case("{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\"}", "payload"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":[1]}",
                        "payload"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"confidence\":1.5}",
                        "confidence"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"confidence\":-0.1}",
                        "confidence"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"confidence\":\"high\"}",
                        "confidence"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"correlation_id\":\"nope\"}",
                        "correlation_id"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"expected_version\":-1}",
                        "expected_version"),
                new Case(
                        "{\"event_type\":\"X\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-bad\",\"payload\":{},\"colour\":\"red\"}",
                        "colour"),
                new Case("{\"event_type\": \"X\", \"payload\": ", "body"),
                new Case("[]", "body"));
        for (Case c : cases) {
            var response = post("/api/v1/events", c.body());
            assertThat(response.statusCode()).as(c.body()).isEqualTo(400);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("field").asText()).as(c.body()).isEqualTo(c.field());
            assertThat(error.get("message").asText()).as(c.body()).isNotBlank();
        }
        assertThat(count("api-bad")).isZero();
    }

    @Test
    void aStaleExpectedVersionGets409AndStoresNothing() throws Exception {
        String first =
                "{\"event_type\":\"A\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"api-occ\",\"payload\":{},\"expected_version\":0}";
        assertThat(post("/api/v1/events", first).statusCode()).isEqualTo(201);
        var conflict = post("/api/v1/events", first.replace("\"A\"", "\"B\""));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json.readTree(conflict.body()).get("message").asText())
                .contains("expected version 0", "stream is at version 1");
        assertThat(count("api-occ")).isEqualTo(1);
    }

    @Test
    void readsTheGlobalOrderAfterAPositionFilteredByTypeAndOneAggregatesStream() throws Exception {
        var store = node.store();
        var stream = StreamId.of("PROJECT", "api-read");
        long before = store.head().globalPosition();
        store.append(stream, NewEvent.of("PROJECT_STARTED", "{}").emittedBy("test"));
        store.append(stream, NewEvent.of("TASK_CREATED", "{}").emittedBy("test"));
        store.append(stream, NewEvent.of("TASK_CREATED", "{}").emittedBy("test"));

        JsonNode all = json.readTree(
                get("/api/v1/events?after=" + before + "&limit=10").body());
        assertThat(all)
                .extracting(e -> e.get("event_type").asText())
                .containsExactly("PROJECT_STARTED", "TASK_CREATED", "TASK_CREATED");
        JsonNode tasks = json.readTree(get("/api/v1/events?after=" + before + "&type=TASK_CREATED&limit=1")
                .body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("event_type").asText()).isEqualTo("TASK_CREATED");
        JsonNode fromTwo = json.readTree(
                get("/api/v1/aggregates/PROJECT/api-read/events?from=2").body());
        assertThat(fromTwo).extracting(e -> e.get("sequence_number").asLong()).containsExactly(2L, 3L);

        assertThat(get("/api/v1/aggregates/PROJECT/nobody/events").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/events?after=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/events?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/events/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/events/6f1c1c1e-0000-4000-8000-00000000ffff").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theStreamSendsEveryNewEventAndResumesAfterLastEventId() throws Exception {
        var stream = StreamId.of("SSE", "api-sse");
        long start = node.store().head().globalPosition();
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        // No Accept header: a plain client (curl) gets the stream too.
        var request = HttpRequest.newBuilder(uri("/api/v1/events/stream?after=" + start))
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        ids.add(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        types.add(line.substring(7));
                    }
                }
            } catch (Exception ignored) {
                // closed by the test
            }
        });
        for (int i = 0; i < 5; i++) {
            node.store().append(stream, NewEvent.of("SSE_" + i, "{}").emittedBy("test"));
        }
        await().atMost(5, SECONDS).until(() -> ids.size() == 5);
        assertThat(types).containsExactly("SSE_0", "SSE_1", "SSE_2", "SSE_3", "SSE_4");
        reader.interrupt();
        response.body().close();

        // A reconnecting EventSource sends Last-Event-ID: it gets exactly what came after.
        var resumed = http.send(
                HttpRequest.newBuilder(uri("/api/v1/events/stream"))
                        .header("Last-Event-ID", ids.get(2))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> resumedIds = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8))) {
            String line;
            while (resumedIds.size() < 2 && (line = lines.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    resumedIds.add(line.substring(4));
                }
            }
        }
        assertThat(resumedIds).containsExactly(ids.get(3), ids.get(4));
    }
}
