package com.bigbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result table: each measurement with its baseline from the same run and the target. */
final class Report {
    record Row(String measurement, String ours, String baseline, String ratio, String target) {}

    private final List<Row> rows = new ArrayList<>();
    private final String environment;

    Report(String environment) {
        this.environment = environment;
    }

    void add(String measurement, String ours, String baseline, String ratio, String target) {
        rows.add(new Row(measurement, ours, baseline, ratio, target));
    }

    /** A throughput row: ours / baseline. */
    void ratio(String measurement, double ours, String baselineName, double baseline, String unit, String target) {
        add(measurement, rate(ours, unit), baselineName + ": " + rate(baseline, unit),
                String.format(Locale.ROOT, "%.2fx", ours / baseline), target);
    }

    static String rate(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", value, unit);
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("\n").append(environment).append("\n\n");
        out.append("| measurement | ours | baseline (same run) | ratio | target |\n");
        out.append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.measurement()).append(" | ").append(r.ours()).append(" | ").append(r.baseline())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" |\n");
        }
        return out.toString();
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }
}
