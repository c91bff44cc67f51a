package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM extractor against a local server speaking the OpenAI chat completions protocol. */
class LlmMeetingExtractorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate DAY = LocalDate.of(2026, 12, 9);
    static final List<Turn> TURNS = List.of(
            new Turn("t1", "Chloe", "client", 0.0, 4.0, "We need the new logo by Friday, budget twenty thousand Euro."),
            new Turn("t2", "Ben", "account manager", 4.0, 8.0, "I'll send three options by Friday."));
    // What the fallback returns, so a test can tell which extractor answered.
    static final MeetingAnalysis FALLBACK = new MeetingAnalysis(
            "default",
            "test",
            List.of(),
            List.of(),
            null,
            null,
            new ServiceTypes.Wanted("creative_services", null, null, 0, 0.4),
            List.of(),
            null);

    HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String content;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            var reply = JSON.createObjectNode();
            reply.put("id", "chatcmpl-1").put("object", "chat.completion");
            reply.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("finish_reason", "stop")
                    .putObject("message")
                    .put("role", "assistant")
                    .put("content", content);
            byte[] body = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlmMeetingExtractor extractor(String key) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new LlmMeetingExtractor(new LlmConfig(base, "test-model", key), (turns, day) -> FALLBACK);
    }

    static final String VALID = """
            {"action_items": [{"turn_id": "t2", "what": "send three logo options", "owner": "Ben",
                               "due_date": "2026-12-11", "confidence": 0.9}],
             "entities": [{"type": "MONEY", "text": "twenty thousand Euro", "turn_id": "t1"},
                          {"type": "DATE", "text": "Friday", "turn_id": "t2"}],
             "service_type": "brand_identity",
             "budget": {"amount": 20000, "currency": "EUR", "turn_id": "t1"},
             "negative_client_turns": []}""";

    @Test
    void aValidAnswerBecomesTheAnalysisWithItsEvidence() {
        content = VALID;
        MeetingAnalysis a = extractor("secret").analyse(TURNS, DAY);
        assertThat(a.extractor()).isEqualTo("llm:test-model");
        assertThat(a.actionItems()).singleElement().satisfies(i -> {
            assertThat(i.turnId()).isEqualTo("t2");
            assertThat(i.due()).isEqualTo(LocalDate.of(2026, 12, 11));
            assertThat(i.owner().kind()).isEqualTo(Owners.Kind.PERSON);
        });
        assertThat(a.entities())
                .extracting(Mention::type, Mention::begin)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("MONEY", 39),
                        org.assertj.core.api.Assertions.tuple("DATE", 27));
        assertThat(a.budget().value()).isEqualByComparingTo("20000");
        assertThat(a.service().serviceType()).isEqualTo("brand_identity");
    }

    @Test
    void theRequestAsksForTheSchemaWithTheTurnsAndTheKey() {
        content = VALID;
        extractor("secret").analyse(TURNS, DAY);
        JsonNode request = requests.getFirst();
        assertThat(request.path("model").asText()).isEqualTo("test-model");
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.path("response_format")
                        .path("json_schema")
                        .path("schema")
                        .path("required")
                        .toString())
                .contains("action_items");
        assertThat(request.path("messages").path(1).path("content").asText())
                .contains("t1 | Chloe (client) [0]: We need");
        assertThat(request.path("messages").path(0).path("content").asText()).contains("2026-12-09");
        assertThat(authorizations).containsExactly("Bearer secret");
    }

    @Test
    void noKeyNoAuthorizationHeader() {
        content = VALID;
        extractor(null).analyse(TURNS, DAY);
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void anyFailureFallsBackToTheDefaultExtractor() {
        content = "this is not JSON";
        assertThat(extractor(null).analyse(TURNS, DAY)).isSameAs(FALLBACK);
        content = "{\"action_items\": []}";
        assertThat(extractor(null).analyse(TURNS, DAY))
                .as("missing required fields")
                .isSameAs(FALLBACK);
        content = VALID.replace("\"t2\", \"what\"", "\"t9\", \"what\"");
        assertThat(extractor(null).analyse(TURNS, DAY))
                .as("a turn that does not exist")
                .isSameAs(FALLBACK);
        content = VALID.replace("2026-12-11", "next Friday");
        assertThat(extractor(null).analyse(TURNS, DAY))
                .as("a date that is not a date")
                .isSameAs(FALLBACK);
        content = VALID;
        status = 500;
        assertThat(extractor(null).analyse(TURNS, DAY)).as("a server error").isSameAs(FALLBACK);
    }

    @Test
    void anUnreachableServerFallsBack() {
        URI nowhere = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        server.stop(0);
        var extractor = new LlmMeetingExtractor(new LlmConfig(nowhere, "m", null), (turns, day) -> FALLBACK);
        assertThat(extractor.analyse(TURNS, DAY)).isSameAs(FALLBACK);
    }
}
