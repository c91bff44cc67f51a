package com.bigbox.app.simulation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints runs as text: a table per run, week by week, then the runs side by side against the targets. */
public final class Report {
    private Report() {}

    public static void print(PrintWriter out, List<SimulationRun> runs) {
        for (SimulationRun run : runs) {
            week(out, run);
        }
        summary(out, runs);
        out.flush();
    }

    /** What every run of a report shares and a reader needs to repeat it: the people's habits and the doctrine. */
    static String setting(Simulation.Options o) {
        return "people: " + o.habits().describe() + "\ndoctrine: "
                + (o.doctrine() == null ? "shipped" : o.doctrine().toString())
                + (o.transcripts() ? "\nmeetings: transcripts (the meeting agent's extractor reads them)" : "");
    }

    private static void week(PrintWriter out, SimulationRun run) {
        var o = run.options();
        out.printf(
                Locale.ROOT,
                "%nSimulation: %d days, seed %d, loops %s, about %d leads a business day (%d leads)%n%s%n",
                o.days(),
                o.seed(),
                o.loops() ? "on" : "off",
                o.size().leadsPerDay(),
                run.leads(),
                setting(o));
        out.println(
                "week  gated  auto%  unattended  judged  wrong  wrong/judged%  approvals/day  ceo  human  overrides  manual  "
                        + "sop runs  cycle h  sop cost   agents (threshold/autonomy)");
        for (WeekFigures w : run.weeks()) {
            WeekFigures.Effect e = w.effect();
            out.printf(
                    Locale.ROOT,
                    "%4d  %5d  %5.1f  %10d  %6d  %5d  %13.1f  %13.1f  %3d  %5d  %9d  %6d  %8d  %7s  %8s   %s%n",
                    w.week(),
                    w.gated(),
                    100 * w.automationRate(),
                    e.unattended(),
                    e.judged(),
                    e.wrong(),
                    100 * e.wrongRateJudged(),
                    w.approvalsPerDay(),
                    w.ceoInterrupts(),
                    w.humanDecisions(),
                    w.overrides(),
                    w.manualTasks(),
                    w.sopRuns(),
                    w.sopCycleHours().toPlainString(),
                    w.sopCost().toPlainString(),
                    agents(w.agents()));
        }
        out.println("decisions over the whole run:");
        decisions(out, run.decisions());
        out.printf(Locale.ROOT, "decisions over the last %d weeks:%n", SimulationRun.FINAL_WEEKS);
        decisions(out, run.finalDecisions());
    }

    private static void decisions(PrintWriter out, List<DecisionTally> tallies) {
        out.println("decision                    gated  executed  asked  ceo  unattended  judged  wrong (of judged)");
        for (DecisionTally t : tallies) {
            WeekFigures.Effect e = t.effect();
            out.printf(
                    Locale.ROOT,
                    "%-26s  %5d  %8d  %5d  %3d  %10d  %6d  %5d (%.1f%%)%n",
                    t.decisionType(),
                    t.gated(),
                    t.executed(),
                    t.asked(),
                    t.ceo(),
                    e.unattended(),
                    e.judged(),
                    e.wrong(),
                    100 * e.wrongRateJudged());
        }
    }

    static String agents(Map<String, WeekFigures.AgentState> agents) {
        return agents.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(
                        Locale.ROOT,
                        "%s %.2f/%s%s",
                        e.getKey().replace("Agent", ""),
                        e.getValue().threshold(),
                        e.getValue().autonomy(),
                        types(e.getValue().decisionThresholds())))
                .collect(Collectors.joining(", "));
    }

    /** The types calibrated apart, e.g. " [PROJECT_AT_RISK 0.90]". */
    private static String types(Map<String, Double> thresholds) {
        return thresholds.isEmpty()
                ? ""
                : new java.util.TreeMap<>(thresholds)
                        .entrySet().stream()
                                .map(t -> String.format(Locale.ROOT, "%s %.2f", t.getKey(), t.getValue()))
                                .collect(Collectors.joining(", ", " [", "]"));
    }

    static String targets() {
        return String.format(
                Locale.ROOT,
                "targets over the last %d weeks: automation >= %.0f%%, wrong <= %.0f%% of judged, judged >= %.0f%% "
                        + "of what took effect with no person; CEO interrupts < %d every week; loops on: fewer wrong than loops off",
                SimulationRun.FINAL_WEEKS,
                100 * SimulationRun.AUTOMATION_TARGET,
                100 * SimulationRun.WRONG_TARGET,
                100 * SimulationRun.JUDGED_TARGET,
                SimulationRun.CEO_WEEKLY_LIMIT);
    }

    private static void summary(PrintWriter out, List<SimulationRun> runs) {
        out.printf(Locale.ROOT, "%nSummary (%s)%n", targets());
        out.println(
                "loops  seed  days  final auto%  final wrong/judged  final judged%  run wrong/judged  max ceo/week  approvals/day  "
                        + "overrides  targets  wall");
        for (SimulationRun run : runs) {
            double perDay = run.weeks().stream()
                            .mapToLong(w -> w.asked() + w.ceoInterrupts())
                            .sum()
                    / (double) run.options().days();
            WeekFigures.Effect last = run.finalEffect();
            WeekFigures.Effect all = run.effect();
            out.printf(
                    Locale.ROOT,
                    "%-5s  %4d  %4d  %11.1f  %11d/%-6d  %13.1f  %10d/%-6d  %12d  %13.1f  %9d  %-7s  %ds%n",
                    run.options().loops() ? "on" : "off",
                    run.options().seed(),
                    run.options().days(),
                    100 * run.finalAutomation(),
                    last.wrong(),
                    last.judged(),
                    100 * last.judgedShare(),
                    all.wrong(),
                    all.judged(),
                    run.maxCeoInterrupts(),
                    perDay,
                    run.overrides(),
                    run.meetsTargets(SeedRuns.offOf(runs, run)) ? "met" : "missed",
                    run.wall().toSeconds());
        }
    }
}
