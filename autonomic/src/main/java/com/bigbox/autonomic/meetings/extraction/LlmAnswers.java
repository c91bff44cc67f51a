package com.bigbox.autonomic.meetings.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The prompt for the language model and the mapping of its (schema-valid) answers to a {@link MeetingAnalysis}. */
final class LlmAnswers {
    private LlmAnswers() {}

    static String instructions(LocalDate day) {
        return """
                You analyse a meeting transcript for a creative agency. Each line is one turn: "<turn id> | <speaker> \
                (<role>) [<start seconds>]: <text>". Answer only with JSON matching the schema.
                - action_items: turns where someone commits or is asked to do something after the meeting. turn_id \
                is the turn's id; what is the task in a few words; owner is the person named, the role, "client" or \
                "team" (resolve "you"/"we" by who speaks); due_date is YYYY-MM-DD if the words give a date (the \
                meeting took place on %s), else null; confidence 0..1.
                - entities: every DATE, TIME, DURATION, MONEY, MEASURE or PERCENT expression, text exactly as said.
                - service_type: what the client wants (brand_identity, event_activation, campaign, web, or \
                creative_services if none of these).
                - budget: the client's budget if stated, else null.
                - negative_client_turns: turns where the client is unhappy, worried or critical, with the words.
                """.formatted(day);
    }

    static String transcript(List<Turn> turns) {
        var sb = new StringBuilder();
        for (Turn t : turns) {
            sb.append(t.id()).append(" | ").append(t.speaker() == null ? "?" : t.speaker());
            if (t.role() != null) {
                sb.append(" (").append(t.role()).append(')');
            }
            if (t.start() != null) {
                sb.append(" [").append(Math.round(t.start())).append(']');
            }
            sb.append(": ").append(t.text()).append('\n');
        }
        return sb.toString();
    }

    static MeetingAnalysis toAnalysis(List<JsonNode> answers, List<Turn> turns, String name, String version)
            throws IOException {
        Map<String, Turn> byId = turns.stream().collect(Collectors.toMap(Turn::id, Function.identity(), (a, b) -> a));
        var items = new ArrayList<MeetingAnalysis.ActionItem>();
        var mentions = new ArrayList<Mention>();
        var negative = new ArrayList<Sentiment.Negative>();
        MeetingAnalysis.Amount budget = null;
        String service = "creative_services";
        for (JsonNode a : answers) {
            for (JsonNode i : a.path("action_items")) {
                items.add(actionItem(i, byId));
            }
            for (JsonNode e : a.path("entities")) {
                mentions.add(mention(e, byId));
            }
            for (JsonNode n : a.path("negative_client_turns")) {
                negative.add(new Sentiment.Negative(
                        turn(byId, n.path("turn_id").asText()).id(),
                        List.of(n.path("words").asText()),
                        -0.5));
            }
            JsonNode b = a.path("budget");
            if (b.isObject() && budget == null) {
                budget = budget(b, byId);
            }
            if (!a.path("service_type").asText("creative_services").equals("creative_services")) {
                service = a.path("service_type").asText();
            }
        }
        return new MeetingAnalysis(
                name,
                version,
                items,
                mentions,
                budget,
                DefaultMeetingExtractor.timelineWeeks(mentions.stream()
                        .filter(m -> Objects.equals(m.type(), "DURATION"))
                        .toList()),
                new ServiceTypes.Wanted(service, null, null, 0, 0.7),
                negative,
                null);
    }

    private static MeetingAnalysis.ActionItem actionItem(JsonNode i, Map<String, Turn> byId) throws IOException {
        Turn t = turn(byId, i.path("turn_id").asText());
        String due = i.path("due_date").isTextual() ? i.path("due_date").asText() : null;
        return new MeetingAnalysis.ActionItem(
                t.id(),
                t.speaker(),
                i.path("what").asText(),
                owner(i.path("owner")),
                due == null ? null : LocalDate.parse(due),
                due,
                i.path("confidence").asDouble());
    }

    // The model gives an entity's text; its place is where that text first occurs in the turn (0, 0 when it does not).
    private static Mention mention(JsonNode e, Map<String, Turn> byId) throws IOException {
        Turn t = turn(byId, e.path("turn_id").asText());
        String text = e.path("text").asText();
        int at = t.text().indexOf(text);
        return new Mention(
                e.path("type").asText(), text, null, t.id(), Math.max(0, at), at < 0 ? 0 : at + text.length(), 0.7);
    }

    private static MeetingAnalysis.Amount budget(JsonNode b, Map<String, Turn> byId) throws IOException {
        return new MeetingAnalysis.Amount(
                new BigDecimal(b.path("amount").asText()),
                b.path("currency").isTextual() ? b.path("currency").asText() : null,
                turn(byId, b.path("turn_id").asText()).id(),
                null,
                0.7);
    }

    private static Turn turn(Map<String, Turn> byId, String id) throws IOException {
        Turn t = byId.get(id);
        if (t == null) {
            throw new IOException("the answer names a turn that does not exist: " + id);
        }
        return t;
    }

    private static Owners.@Nullable Owner owner(JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            return null;
        }
        String o = n.asText();
        Owners.Kind kind = switch (o.toLowerCase(java.util.Locale.ROOT)) {
            case "client" -> Owners.Kind.CLIENT;
            case "team" -> Owners.Kind.TEAM;
            default -> Character.isUpperCase(o.charAt(0)) ? Owners.Kind.PERSON : Owners.Kind.ROLE;
        };
        return new Owners.Owner(kind, o, null, o, 0.7);
    }
}
