package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/meetings} on a real engine: bad meetings are refused naming the field, before any meeting's
 * flow runs (so the event count they check is still), then a meeting's text is read by the meeting agent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingsApiIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "meetings-api-it", Map.of());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + access.engine.port() + path))
                .header("apikey", access.anonKey)
                .header("Authorization", "Bearer " + access.serviceKey);
    }

    static AutonomicApiIT.Reply get(String path) throws Exception {
        var response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new AutonomicApiIT.Reply(response.statusCode(), json.readTree(response.body()));
    }

    static AutonomicApiIT.Reply post(String path, Object body) throws Exception {
        var response = http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new AutonomicApiIT.Reply(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    @Order(2)
    void aMeetingPostedAsTextIsReadByTheMeetingAgent() throws Exception {
        AutonomicApiIT.Reply meeting =
                post("/api/v1/meetings", Map.of("client_id", "CLIENT-api", "date", "2026-12-09", "text", """
                Chloe (client): We want a new logo, our budget is twenty thousand Euro.
                Ben (account manager): The designer is gonna work on three options by Friday."""));
        assertThat(meeting.statusCode()).as(meeting.body().toString()).isEqualTo(201);
        assertThat(meeting.body().path("event_type").asText()).isEqualTo("MEETING_COMPLETED");
        String id = meeting.body().path("meeting_id").asText();
        await().atMost(30, SECONDS)
                .until(() -> AutonomicApiIT.types(
                                get("/api/events/entity/MEETING/" + id).body())
                        .containsAll(List.of("MEETING_COMPLETED", "MEETING_NOTES_ANALYZED", "INTENT_INFERRED")));
        JsonNode analyzed =
                AutonomicApiIT.find(get("/api/events/entity/MEETING/" + id).body(), "MEETING_NOTES_ANALYZED");
        assertThat(analyzed.path("emitted_by").asText()).isEqualTo("MeetingIntelligenceAgent");
        assertThat(analyzed.path("payload")
                        .path("analysis")
                        .path("budget")
                        .path("value")
                        .decimalValue())
                .isEqualByComparingTo("20000");
        assertThat(analyzed.path("payload")
                        .path("analysis")
                        .path("service")
                        .path("service_type")
                        .asText())
                .isEqualTo("brand_identity");
    }

    @Test
    @Order(1)
    void malformedMeetingsAreRefusedNamingTheField() throws Exception {
        long before = get("/api/events/stats").body().path("total_events").asLong();
        AutonomicApiIT.assertField(post("/api/v1/meetings", Map.of("text", "Chloe: hello")), 400, "client_id");
        AutonomicApiIT.assertField(post("/api/v1/meetings", Map.of("client_id", "c")), 400, "text");
        AutonomicApiIT.assertField(
                post(
                        "/api/v1/meetings",
                        Map.of("client_id", "c", "text", "notes", "turns", List.of(Map.of("text", "hi")))),
                400,
                "text");
        AutonomicApiIT.assertField(
                post("/api/v1/meetings", Map.of("client_id", "c", "text", "notes", "date", "Friday")), 400, "date");
        AutonomicApiIT.assertField(
                post("/api/v1/meetings", Map.of("client_id", "c", "turns", List.of(Map.of("speaker", "A")))),
                400,
                "turns");
        AutonomicApiIT.assertField(
                post("/api/v1/meetings", Map.of("client_id", "c", "turns", List.of(Map.of("text", "hi", "mood", "x")))),
                400,
                "turns");
        AutonomicApiIT.assertField(
                post("/api/v1/meetings", Map.of("client_id", "c", "text", "notes", "agenda", "x")), 400, "agenda");
        assertThat(get("/api/events/stats").body().path("total_events").asLong())
                .isEqualTo(before);
    }
}
