package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bigbox eval meetings} on a few development meetings of the AMI data: the figures it prints are the ones
 * a recomputation from its own {@code --predictions} and the gold files gives.
 */
class EvalMeetingsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    // Small development meetings (none of a held-out series), with action items and entities.
    static final List<String> MEETINGS = List.of("ES2003a", "ES2010a", "IS1004a");

    @TempDir
    Path dir;

    static Path amiData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/ami-meetings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "the AMI development meetings (shared/data/ami-meetings) are not beside the project");
    }

    @Test
    void theFiguresEqualARecomputationFromThePredictions() throws IOException {
        Path meetings = Files.createDirectories(dir.resolve("meetings"));
        for (String m : MEETINGS) {
            Files.copy(amiData().resolve(m + ".json"), meetings.resolve(m + ".json"));
        }
        Path predictions = dir.resolve("predictions.jsonl");
        Cli.Run run = Cli.run(
                Settings.of(Map.of(), dir),
                "eval",
                "meetings",
                meetings.toString(),
                "--json",
                "--predictions",
                predictions.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode figures = JSON.readTree(run.out());
        assertThat(figures.path("meetings").asInt()).isEqualTo(3);
        assertThat(figures.path("extractor").asText()).startsWith("default ");

        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(3);
        int[] actions = new int[3];
        int[] entities = new int[3];
        for (String line : lines) {
            JsonNode p = JSON.readTree(line);
            JsonNode gold = JSON.readTree(
                    meetings.resolve(p.path("meeting").asText() + ".json").toFile());
            count(actions, goldActs(gold), strings(p.path("action_item_ids")));
            count(entities, multiset(gold.path("entities")), multiset(p.path("entities")));
        }
        assertFigures(figures.path("action_items"), actions);
        assertFigures(figures.path("entities"), entities);
        // These three meetings all carry entity annotations, so the annotated-only figure is the same one.
        assertThat(figures.path("entities_annotated_meetings_only")
                        .path("meetings")
                        .asInt())
                .isEqualTo(3);
        assertFigures(figures.path("entities_annotated_meetings_only"), entities);
        assertThat(actions[0] + actions[1])
                .as("the classifier predicts something on these meetings")
                .isPositive();
        assertThat(entities[0]).as("some entities are found").isPositive();
    }

    @Test
    void theTextReportNamesBothFiguresWithIntervals() throws IOException {
        Path meetings = Files.createDirectories(dir.resolve("one"));
        Files.copy(amiData().resolve("ES2003a.json"), meetings.resolve("ES2003a.json"));
        Cli.Run run = Cli.run(Settings.of(Map.of(), dir), "eval", "meetings", meetings.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1 meetings")
                .containsPattern("action items +P \\d\\.\\d{3} \\[")
                .containsPattern("entities +P \\d\\.\\d{3} \\[")
                .contains("over the 1 meetings with entity annotations");
        Cli.Run bad = Cli.run(
                Settings.of(Map.of(), dir),
                "eval",
                "meetings",
                dir.resolve("missing").toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("not a folder of meetings");
    }

    private static void assertFigures(JsonNode f, int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        assertThat(List.of(
                        f.path("tp").asInt(), f.path("fp").asInt(), f.path("fn").asInt()))
                .containsExactly(c[0], c[1], c[2]);
        assertThat(f.path("precision").asDouble()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.path("recall").asDouble()).isCloseTo(r, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.path("f1").asDouble()).isCloseTo(f1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.path("f1_ci95").path(0).asDouble()).isLessThanOrEqualTo(f1);
        assertThat(f.path("f1_ci95").path(1).asDouble()).isGreaterThanOrEqualTo(f1);
    }

    private static Set<String> goldActs(JsonNode gold) {
        var ids = new HashSet<String>();
        for (JsonNode act : gold.path("dialogue_acts")) {
            if (act.path("action_item").asBoolean()) {
                ids.add(act.path("id").asText());
            }
        }
        return ids;
    }

    private static Map<String, Integer> strings(JsonNode array) {
        var m = new HashMap<String, Integer>();
        array.forEach(n -> m.merge(n.asText(), 1, Integer::sum));
        return m;
    }

    private static Map<String, Integer> multiset(JsonNode entities) {
        var m = new HashMap<String, Integer>();
        for (JsonNode e : entities) {
            String text = e.path("text")
                    .asText()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[\\p{Punct}’‘“”]", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            m.merge(e.path("type").asText() + "|" + text, 1, Integer::sum);
        }
        return m;
    }

    private static void count(int[] into, Set<String> gold, Map<String, Integer> predicted) {
        var g = new HashMap<String, Integer>();
        gold.forEach(id -> g.put(id, 1));
        count(into, g, predicted);
    }

    private static void count(int[] into, Map<String, Integer> gold, Map<String, Integer> predicted) {
        int tp = 0;
        for (var e : predicted.entrySet()) {
            tp += Math.min(e.getValue(), gold.getOrDefault(e.getKey(), 0));
        }
        into[0] += tp;
        into[1] += predicted.values().stream().mapToInt(Integer::intValue).sum() - tp;
        into[2] += gold.values().stream().mapToInt(Integer::intValue).sum() - tp;
    }
}
