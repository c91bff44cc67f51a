package com.bigbox.autonomic.meetings.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One meeting of the AMI corpus as adapted in {@code shared/data/ami-meetings}: its dialogue acts as turns,
 * and apart from them the gold labels, which no extractor sees.
 *
 * @param actionItemIds ids of the dialogue acts annotated as action items
 * @param entities gold (type, text) pairs
 */
public record AmiMeeting(
        String id, List<Turn> turns, Set<String> actionItemIds, List<Entity> entities, List<Located> located) {

    /** A gold entity. */
    public record Entity(String type, String text) {}

    /** A gold entity with who said it and when its first word began: how training finds its turn. */
    public record Located(@Nullable String speaker, String type, String text, double start) {
        boolean within(Turn t) {
            return t.start() != null
                    && t.end() != null
                    && java.util.Objects.equals(speaker, t.speaker())
                    && start >= t.start() - 0.05
                    && start <= t.end() + 0.05;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static AmiMeeting read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!root.path("dialogue_acts").isArray()) {
                throw new IllegalArgumentException(file + " is not an AMI meeting: it has no dialogue_acts array");
            }
            var turns = new ArrayList<Turn>();
            var gold = new java.util.LinkedHashSet<String>();
            for (JsonNode act : root.path("dialogue_acts")) {
                String id = act.path("id").asText();
                turns.add(new Turn(
                        id,
                        text(act, "speaker"),
                        text(act, "role"),
                        number(act, "start"),
                        number(act, "end"),
                        act.path("text").asText("")));
                if (act.path("action_item").asBoolean(false)) {
                    gold.add(id);
                }
            }
            var entities = new ArrayList<Entity>();
            var located = new ArrayList<Located>();
            for (JsonNode e : root.path("entities")) {
                entities.add(new Entity(e.path("type").asText(), e.path("text").asText()));
                located.add(new Located(
                        text(e, "speaker"),
                        e.path("type").asText(),
                        e.path("text").asText(),
                        e.path("start").asDouble(-1)));
            }
            String id =
                    root.path("meeting").asText(file.getFileName().toString().replaceFirst("\\.json$", ""));
            return new AmiMeeting(
                    id, List.copyOf(turns), Set.copyOf(gold), List.copyOf(entities), List.copyOf(located));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meeting " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code *.json} meeting of a folder, in name order. */
    public static List<AmiMeeting> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder of meetings: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(AmiMeeting::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The meeting series ("ES2002" of "ES2002a"): meetings of one series share their four people. */
    public String series() {
        return id.length() > 6 ? id.substring(0, 6) : id;
    }

    private static @Nullable String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static @Nullable Double number(JsonNode n, String field) {
        return n.hasNonNull(field) && n.get(field).isNumber() ? n.get(field).asDouble() : null;
    }
}
