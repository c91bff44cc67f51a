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

    private static void week(PrintWriter out, SimulationRun run) {
        var o = run.options();
        out.printf(Locale.ROOT, "%nSimulation: %d days, seed %d, loops %s, about %d leads a business day (%d leads)%n", o.days(),
                o.seed(), o.loops() ? "on" : "off", o.size().leadsPerDay(), run.leads());
        out.println("week  gated  auto%  wrong%  approvals/day  ceo  human  overrides  manual  sop runs  cycle h  sop cost   agents (threshold/autonomy)");
        for (WeekFigures w : run.weeks()) {
            out.printf(Locale.ROOT, "%4d  %5d  %5.1f  %6.1f  %13.1f  %3d  %5d  %9d  %6d  %8d  %7s  %8s   %s%n", w.week(), w.gated(),
                    100 * w.automationRate(), 100 * w.wrongRate(), w.approvalsPerDay(), w.ceoInterrupts(), w.humanDecisions(),
                    w.overrides(), w.manualTasks(), w.sopRuns(), w.sopCycleHours().toPlainString(), w.sopCost().toPlainString(),
                    agents(w.agents()));
        }
        out.println("decision                    gated  executed  asked  ceo  wrong autonomous");
        for (DecisionTally t : run.decisions()) {
            out.printf(Locale.ROOT, "%-26s  %5d  %8d  %5d  %3d  %5d (%.1f%%)%n", t.decisionType(), t.gated(), t.executed(), t.asked(),
                    t.ceo(), t.wrongAutonomous(), t.executed() == 0 ? 0.0 : 100.0 * t.wrongAutonomous() / t.executed());
        }
    }

    static String agents(Map<String, WeekFigures.AgentState> agents) {
        return agents.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s %.2f/%s%s", e.getKey().replace("Agent", ""), e.getValue().threshold(),
                        e.getValue().autonomy(), types(e.getValue().decisionThresholds())))
                .collect(Collectors.joining(", "));
    }

    /** The types calibrated apart, e.g. " [PROJECT_AT_RISK 0.90]". */
    private static String types(Map<String, Double> thresholds) {
        return thresholds.isEmpty() ? "" : new java.util.TreeMap<>(thresholds).entrySet().stream()
                .map(t -> String.format(Locale.ROOT, "%s %.2f", t.getKey(), t.getValue()))
                .collect(Collectors.joining(", ", " [", "]"));
    }

    private static void summary(PrintWriter out, List<SimulationRun> runs) {
        out.printf(Locale.ROOT, "%nSummary (targets over the last %d weeks: automation >= %.0f%%, wrong autonomous <= %.0f%%; CEO interrupts < %d "
                + "every week)%n", SimulationRun.FINAL_WEEKS, 100 * SimulationRun.AUTOMATION_TARGET, 100 * SimulationRun.WRONG_TARGET,
                SimulationRun.CEO_WEEKLY_LIMIT);
        out.println("loops  seed  days  final auto%  final wrong%  run wrong%  max ceo/week  approvals/day  overrides  targets  wall");
        for (SimulationRun run : runs) {
            double perDay = run.weeks().stream().mapToLong(w -> w.asked() + w.ceoInterrupts()).sum() / (double) run.options().days();
            out.printf(Locale.ROOT, "%-5s  %4d  %4d  %11.1f  %12.1f  %10.1f  %12d  %13.1f  %9d  %-7s  %ds%n", run.options().loops() ? "on" : "off",
                    run.options().seed(), run.options().days(), 100 * run.finalAutomation(), 100 * run.finalWrongRate(), 100 * run.wrongRate(),
                    run.maxCeoInterrupts(), perDay, run.overrides(), run.meetsTargets() ? "met" : "missed", run.wall().toSeconds());
        }
    }
}
