package com.bigbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result: each measurement against its baseline from the same run, the history table, notes; as Markdown and JSON. */
final class Report {
    record Row(
            String measurement, String ours, String baseline, String ratio, String target, Map<String, Object> data) {}

    /** One read at one history size: p50 and p95 in milliseconds over {@code samples} calls. */
    record HistoryRow(long events, String read, double p50, double p95, int samples) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<HistoryRow> history = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> loads = new LinkedHashMap<>();
    private final String environment;

    Report(String environment) {
        this.environment = environment;
    }

    void add(String measurement, String ours, String baseline, String ratio, String target) {
        rows.add(new Row(measurement, ours, baseline, ratio, target, Map.of()));
    }

    void add(String measurement, String ours, String baseline, String ratio, String target, Map<String, Object> data) {
        rows.add(new Row(measurement, ours, baseline, ratio, target, data));
    }

    /** A throughput row: the medians' ratio, each side with its spread over the rounds. */
    void ratio(String measurement, Sample ours, Sample baseline, String unit, String target) {
        add(
                measurement,
                ours.describe(unit),
                baseline.name() + ": " + baseline.describe(unit),
                String.format(Locale.ROOT, "%.2fx", ours.median() / baseline.median()),
                target,
                Map.of(
                        "ours",
                        Map.of("name", ours.name(), "median", ours.median(), "rounds", ours.rateList()),
                        "baseline",
                        Map.of("name", baseline.name(), "median", baseline.median(), "rounds", baseline.rateList()),
                        "ratio",
                        ours.median() / baseline.median(),
                        "unit",
                        unit));
    }

    void history(HistoryRow row) {
        history.add(row);
    }

    void load(long events, double eventsPerSecond) {
        loads.put(Long.toString(events), eventsPerSecond);
    }

    void note(String note) {
        notes.add(note);
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
            out.append("| ")
                    .append(r.measurement())
                    .append(" | ")
                    .append(r.ours())
                    .append(" | ")
                    .append(r.baseline())
                    .append(" | ")
                    .append(r.ratio())
                    .append(" | ")
                    .append(r.target())
                    .append(" |\n");
        }
        if (!history.isEmpty()) {
            out.append("\nReads as the history grows (ms, p50 / p95):\n\n");
            List<Long> sizes =
                    history.stream().map(HistoryRow::events).distinct().toList();
            out.append("| read |");
            sizes.forEach(s -> out.append(String.format(Locale.ROOT, " %,d events |", s)));
            out.append("\n|---|").append("---|".repeat(sizes.size())).append("\n");
            for (String read : history.stream().map(HistoryRow::read).distinct().toList()) {
                out.append("| ").append(read).append(" |");
                for (long size : sizes) {
                    history.stream()
                            .filter(h -> h.events() == size && h.read().equals(read))
                            .findFirst()
                            .ifPresentOrElse(
                                    h -> out.append(String.format(Locale.ROOT, " %.1f / %.1f |", h.p50(), h.p95())),
                                    () -> out.append(" - |"));
                }
                out.append("\n");
            }
            out.append("\nSet-based load (multi-row INSERT ... SELECT through the trigger): ");
            loads.forEach((size, rate) -> out.append(
                    String.format(Locale.ROOT, "to %,d events %,.0f events/s; ", Long.parseLong(size), (Double) rate)));
            out.append("\n");
        }
        notes.forEach(n -> out.append("\n").append(n).append("\n"));
        return out.toString();
    }

    void writeJson(Path file) throws IOException {
        var document = new LinkedHashMap<String, Object>();
        document.put("environment", environment);
        document.put("rows", rows);
        document.put("history", history);
        document.put("history_load_events_per_second", loads);
        document.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<HistoryRow> historyRows() {
        return List.copyOf(history);
    }
}
