package com.bigbox.app.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs of several seeds, each with the loops off and on, as machine-readable JSON (one object a seed) or as a
 * Markdown table for the README. Both are pure functions of the runs' figures — no wall times — so running the same
 * command again prints the same text.
 */
public final class SeedRuns {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private SeedRuns() {}

    /** The loops-off run of {@code run}'s seed among {@code runs}, or null. */
    static SimulationRun offOf(List<SimulationRun> runs, SimulationRun run) {
        return runs.stream()
                .filter(r -> !r.options().loops()
                        && r.options().seed() == run.options().seed())
                .findFirst()
                .orElse(null);
    }

    /** One line per seed: {@code {"seed": N, "days": D, "loops_off": {...}, "loops_on": {...}}} (a side only if it ran). */
    public static void printJson(PrintWriter out, List<SimulationRun> runs) {
        for (Map.Entry<Long, List<SimulationRun>> seed : bySeed(runs).entrySet()) {
            var object = new LinkedHashMap<String, Object>();
            object.put("seed", seed.getKey());
            object.put("days", seed.getValue().getFirst().options().days());
            for (SimulationRun run : seed.getValue()) {
                var side = side(run, offOf(runs, run));
                side.put("by_decision_type", byDecisionType(run.decisions()));
                side.put("by_decision_type_final_weeks", byDecisionType(run.finalDecisions()));
                object.put(run.options().loops() ? "loops_on" : "loops_off", side);
            }
            try {
                out.println(JSON.writeValueAsString(object));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
    }

    /** Over the last four weeks; the CEO's figure over every week. */
    static Map<String, Object> side(SimulationRun run, SimulationRun off) {
        WeekFigures.Effect last = run.finalEffect();
        var side = new LinkedHashMap<String, Object>();
        side.put("automation_rate", round(run.finalAutomation()));
        side.put("wrong_rate_judged", round(last.wrongRateJudged()));
        side.put("judged_share", round(last.judgedShare()));
        side.put("max_ceo_interrupts_per_week", run.maxCeoInterrupts());
        side.put("meets_targets", run.meetsTargets(off));
        side.put("unattended", last.unattended());
        side.put("judged", last.judged());
        side.put("wrong", last.wrong());
        return side;
    }

    /** Where the wrong decisions come from: per decision type, as the text report's tables. */
    static Map<String, Object> byDecisionType(List<DecisionTally> tallies) {
        var types = new LinkedHashMap<String, Object>();
        for (DecisionTally t : tallies) {
            var row = new LinkedHashMap<String, Object>();
            row.put("gated", t.gated());
            row.put("executed", t.executed());
            row.put("asked", t.asked());
            row.put("ceo", t.ceo());
            row.put("unattended", t.effect().unattended());
            row.put("judged", t.effect().judged());
            row.put("wrong", t.effect().wrong());
            types.put(t.decisionType(), row);
        }
        return types;
    }

    /** The README's table: every seed off and on, then the seeds pooled. */
    public static void printMarkdown(PrintWriter out, List<SimulationRun> runs, String command) {
        Simulation.Options o = runs.getFirst().options();
        out.printf(
                Locale.ROOT,
                "Produced by `%s`; %d days, about %d leads a business day.%n%n",
                command,
                o.days(),
                o.size().leadsPerDay());
        out.println(Report.setting(o).lines().map(l -> "- " + l).collect(java.util.stream.Collectors.joining("\n")));
        out.println("- " + Report.targets());
        out.println();
        out.println(
                "| seed | loops | automation | wrong / judged | judged share | max CEO interrupts a week | targets |");
        out.println("|---:|---|---:|---:|---:|---:|---|");
        var pooled = new TreeMap<Boolean, long[]>();
        for (List<SimulationRun> seed : bySeed(runs).values()) {
            for (SimulationRun run : seed) {
                WeekFigures.Effect last = run.finalEffect();
                out.printf(
                        Locale.ROOT,
                        "| %d | %s | %.1f%% | %d / %d = %.2f%% | %.1f%% | %d | %s |%n",
                        run.options().seed(),
                        run.options().loops() ? "on" : "off",
                        100 * run.finalAutomation(),
                        last.wrong(),
                        last.judged(),
                        100 * last.wrongRateJudged(),
                        100 * last.judgedShare(),
                        run.maxCeoInterrupts(),
                        run.meetsTargets(offOf(runs, run)) ? "met" : "missed");
                long[] p = pooled.computeIfAbsent(run.options().loops(), k -> new long[4]);
                p[0] += last.wrong();
                p[1] += last.judged();
                p[2] += run.meetsTargets(offOf(runs, run)) ? 1 : 0;
                p[3]++;
            }
        }
        out.println();
        pooled.forEach((on, p) -> out.printf(
                Locale.ROOT,
                "Loops %s, all seeds: wrong / judged %d / %d = %.2f%%; targets met on %d of %d seeds.%n",
                on ? "on" : "off",
                p[0],
                p[1],
                p[1] == 0 ? 0.0 : 100.0 * p[0] / p[1],
                p[2],
                p[3]));
        out.printf(Locale.ROOT, "%nBy decision type, every seed's whole run:%n");
        byType(out, runs, SimulationRun::decisions);
        out.printf(
                Locale.ROOT,
                "%nBy decision type, the last %d weeks of every seed (the window of the targets):%n",
                SimulationRun.FINAL_WEEKS);
        byType(out, runs, SimulationRun::finalDecisions);
        out.flush();
    }

    // Where the wrong decisions come from, by decision type: over the whole runs or their final weeks.
    private static void byType(
            PrintWriter out,
            List<SimulationRun> runs,
            java.util.function.Function<SimulationRun, List<DecisionTally>> window) {
        out.println();
        out.println(
                "| decision type | loops | gated | executed alone | took effect unattended | judged | wrong | wrong / judged |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        var rows = new TreeMap<String, long[]>();
        for (SimulationRun run : runs) {
            for (DecisionTally t : window.apply(run)) {
                long[] r = rows.computeIfAbsent(
                        t.decisionType() + (run.options().loops() ? " on" : " off"), k -> new long[5]);
                r[0] += t.gated();
                r[1] += t.executed();
                r[2] += t.effect().unattended();
                r[3] += t.effect().judged();
                r[4] += t.effect().wrong();
            }
        }
        rows.forEach((key, r) -> out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %d | %d | %d | %d | %.1f%% |%n",
                key.substring(0, key.lastIndexOf(' ')),
                key.substring(key.lastIndexOf(' ') + 1),
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[3] == 0 ? 0.0 : 100.0 * r[4] / r[3]));
    }

    /** One line of a finished run's figures, for the progress log (a long report's partial results survive an interruption). */
    static String line(SimulationRun run) {
        try {
            return String.format(
                    Locale.ROOT,
                    "seed %d loops %s done: %s",
                    run.options().seed(),
                    run.options().loops() ? "on" : "off",
                    JSON.writeValueAsString(side(run, null)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Long, List<SimulationRun>> bySeed(List<SimulationRun> runs) {
        var bySeed = new TreeMap<Long, List<SimulationRun>>();
        runs.stream()
                .sorted(java.util.Comparator.comparing(
                        (SimulationRun r) -> r.options().loops()))
                .forEach(r -> bySeed.computeIfAbsent(r.options().seed(), k -> new java.util.ArrayList<>())
                        .add(r));
        return bySeed;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
