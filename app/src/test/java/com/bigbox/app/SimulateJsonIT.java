package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bigbox simulate --json} prints exactly one object a seed, {@code {"seed", "days", "loops_off", "loops_on"}},
 * on the server DATABASE_URL names, and {@code --report-md} prints the same table twice for the same command.
 */
class SimulateJsonIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private Settings settings() throws Exception {
        return Settings.of(Map.of("DATABASE_URL", db.databaseUrl()), Files.createTempDirectory("sim-json"));
    }

    @Test
    void jsonIsOneObjectASeedWithBothSides() throws Exception {
        var run = Cli.run(
                settings(),
                "simulate",
                "--days",
                "2",
                "--seed",
                "5",
                "--leads-per-day",
                "1",
                "--loops",
                "both",
                "--json",
                "--sops",
                sops());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode o = new ObjectMapper().readTree(lines.getFirst());
        assertThat(names(o)).containsExactly("seed", "days", "loops_off", "loops_on");
        assertThat(o.get("seed").asLong()).isEqualTo(5);
        assertThat(o.get("days").asInt()).isEqualTo(2);
        for (String side : List.of("loops_off", "loops_on")) {
            JsonNode s = o.get(side);
            assertThat(names(s))
                    .startsWith(
                            "automation_rate",
                            "wrong_rate_judged",
                            "judged_share",
                            "max_ceo_interrupts_per_week",
                            "meets_targets");
            for (String rate : List.of("automation_rate", "wrong_rate_judged", "judged_share")) {
                assertThat(s.get(rate).isNumber()).as(side + "." + rate).isTrue();
                assertThat(s.get(rate).asDouble()).isBetween(0.0, 1.0);
            }
            assertThat(s.get("max_ceo_interrupts_per_week").isIntegralNumber()).isTrue();
            assertThat(s.get("meets_targets").isBoolean()).isTrue();
            assertThat(s.get("wrong").asLong())
                    .isLessThanOrEqualTo(s.get("judged").asLong());
            assertThat(s.get("judged").asLong())
                    .isLessThanOrEqualTo(s.get("unattended").asLong());
            // Per decision type over the whole run: its wrong decisions are at least the last weeks'.
            JsonNode types = s.get("by_decision_type");
            assertThat(types.isObject()).as(side + ".by_decision_type").isTrue();
            long wrong = 0;
            for (JsonNode t : (Iterable<JsonNode>) types::elements) {
                assertThat(t.get("wrong").asLong())
                        .isLessThanOrEqualTo(t.get("judged").asLong());
                wrong += t.get("wrong").asLong();
            }
            assertThat(wrong).isGreaterThanOrEqualTo(s.get("wrong").asLong());
            // Per decision type over the last weeks: exactly the side's own counts, split.
            long finalWrong = 0, finalJudged = 0;
            for (JsonNode t : (Iterable<JsonNode>) s.get("by_decision_type_final_weeks")::elements) {
                finalWrong += t.get("wrong").asLong();
                finalJudged += t.get("judged").asLong();
            }
            assertThat(finalWrong).isEqualTo(s.get("wrong").asLong());
            assertThat(finalJudged).isEqualTo(s.get("judged").asLong());
        }
    }

    @Test
    void theMarkdownReportIsTheSameOnARerun() throws Exception {
        String[] args = {
            "simulate",
            "--days",
            "2",
            "--seeds",
            "6-7",
            "--parallel",
            "2",
            "--leads-per-day",
            "1",
            "--loops",
            "on",
            "--report-md",
            "--sops",
            sops()
        };
        var first = Cli.run(settings(), args);
        var second = Cli.run(settings(), args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains(
                        "| 6 | on |",
                        "| 7 | on |",
                        "./bigbox simulate --days 2 --seeds 6-7 --loops on",
                        "approve_wrong=0.10");
        assertThat(second.out()).isEqualTo(first.out());
    }

    private static List<String> names(JsonNode o) {
        var names = new ArrayList<String>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sops() {
        return (Files.isDirectory(Path.of("../sops")) ? Path.of("../sops") : Path.of("sops")).toString();
    }
}
