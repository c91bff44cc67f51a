package com.bigbox.autonomic.meetings.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model behind an OpenAI-compatible endpoint for the analysis, as JSON constrained by a schema,
 * validates the answer (schema, and every turn id must exist), and falls back to the default extractor on any
 * failure: no answer, a bad status, invalid JSON or an answer that does not validate.
 */
public final class LlmMeetingExtractor implements MeetingExtractor {
    public static final String VERSION = "1.0";
    private static final Logger LOG = LoggerFactory.getLogger(LlmMeetingExtractor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_RESOURCE = "/com/bigbox/autonomic/meetings/extraction/llm-answer.schema.json";
    // Long meetings go in pieces so that each request stays well inside a small model's context.
    static final int TURNS_PER_REQUEST = 200;

    private final LlmConfig config;
    private final MeetingExtractor fallback;
    private final HttpClient http;
    private final JsonNode schemaJson;
    private final Schema schema;

    public LlmMeetingExtractor(LlmConfig config, MeetingExtractor fallback) {
        this.config = config;
        this.fallback = fallback;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (InputStream in = LlmMeetingExtractor.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            this.schemaJson = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaJson);
    }

    @Override
    public MeetingAnalysis analyse(List<Turn> turns, LocalDate meetingDay) {
        try {
            var answers = new ArrayList<JsonNode>();
            for (int from = 0; from < turns.size(); from += TURNS_PER_REQUEST) {
                answers.add(ask(turns.subList(from, Math.min(turns.size(), from + TURNS_PER_REQUEST)), meetingDay));
            }
            return LlmAnswers.toAnalysis(answers, turns, "llm:" + config.model(), VERSION);
        } catch (IOException | RuntimeException e) {
            LOG.warn("LLM extractor failed ({}); the default extractor analyses the meeting", e.getMessage());
            return fallback.analyse(turns, meetingDay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.analyse(turns, meetingDay);
        }
    }

    private JsonNode ask(List<Turn> turns, LocalDate day) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config.model());
        body.put("temperature", 0);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", LlmAnswers.instructions(day));
        messages.addObject().put("role", "user").put("content", LlmAnswers.transcript(turns));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode js = format.putObject("json_schema");
        js.put("name", "meeting_analysis");
        js.put("strict", true);
        ObjectNode bare = schemaJson.deepCopy();
        bare.remove("$schema");
        js.set("schema", bare);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.chatCompletions())
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (config.key() != null && !config.key().isBlank()) {
            request.header("Authorization", "Bearer " + config.key());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the model server answered HTTP " + response.statusCode());
        }
        JsonNode content = JSON.readTree(response.body())
                .path("choices")
                .path(0)
                .path("message")
                .path("content");
        if (!content.isTextual()) {
            throw new IOException("the answer has no choices[0].message.content");
        }
        JsonNode answer = JSON.readTree(stripFence(content.asText()));
        List<Error> errors = schema.validate(answer);
        if (!errors.isEmpty()) {
            throw new IOException(
                    "the answer does not match the schema: " + errors.getFirst().getMessage());
        }
        return answer;
    }

    /** Some servers wrap JSON in a Markdown fence even when asked for JSON. */
    private static String stripFence(String s) {
        String t = s.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("```\\s*$", "");
        }
        return t.toLowerCase(Locale.ROOT).startsWith("null") ? "{}" : t;
    }
}
