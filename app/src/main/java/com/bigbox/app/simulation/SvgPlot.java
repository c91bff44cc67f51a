package com.bigbox.app.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The weekly curves of one or more runs as a hand-written SVG (no plotting library needed): automation rate,
 * wrong autonomous decisions, approvals per day and CEO interrupts, one panel each, a line per run, with the
 * targets drawn as dashed lines.
 */
public final class SvgPlot {
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 220;
    private static final int MARGIN = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private record Panel(String title, ToDoubleFunction<WeekFigures> value, double max, Double target) {}

    private SvgPlot() {}

    public static String render(List<SimulationRun> runs) {
        List<Panel> panels = panels(runs);
        int width = 2 * (PANEL_W + MARGIN) + MARGIN;
        int height = 2 * (PANEL_H + MARGIN + 20) + 60 + 20 * runs.size();
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append("<title>Big Box simulation: weekly figures</title>\n");
        for (int p = 0; p < panels.size(); p++) {
            int x0 = MARGIN + (p % 2) * (PANEL_W + MARGIN);
            int y0 = 40 + (p / 2) * (PANEL_H + MARGIN + 20);
            panel(svg, panels.get(p), runs, x0, y0);
        }
        legend(svg, runs);
        svg.append("</svg>\n");
        return svg.toString();
    }

    // The four panels, each scaled to the largest value any run reached (at least its target's scale).
    private static List<Panel> panels(List<SimulationRun> runs) {
        double approvalsMax = Math.max(
                1,
                runs.stream()
                        .flatMap(r -> r.weeks().stream())
                        .mapToDouble(WeekFigures::approvalsPerDay)
                        .max()
                        .orElse(1));
        double ceoMax = Math.max(
                SimulationRun.CEO_WEEKLY_LIMIT + 1,
                runs.stream()
                        .flatMap(r -> r.weeks().stream())
                        .mapToDouble(WeekFigures::ceoInterrupts)
                        .max()
                        .orElse(1));
        double wrongMax = Math.max(
                5,
                runs.stream()
                        .flatMap(r -> r.weeks().stream())
                        .mapToDouble(w -> 100 * w.wrongRate())
                        .max()
                        .orElse(5));
        return List.of(
                new Panel(
                        "Automation rate (%)",
                        w -> 100 * w.automationRate(), 100, 100 * SimulationRun.AUTOMATION_TARGET),
                new Panel(
                        "Wrong autonomous decisions (%)",
                        w -> 100 * w.wrongRate(), Math.ceil(wrongMax), 100 * SimulationRun.WRONG_TARGET),
                new Panel("Approvals per day", WeekFigures::approvalsPerDay, Math.ceil(approvalsMax * 1.1), null),
                new Panel("CEO interrupts per week", w -> w.ceoInterrupts(), ceoMax, (double)
                        SimulationRun.CEO_WEEKLY_LIMIT));
    }

    // A line of each run's colour with its seed and whether the loops ran.
    private static void legend(StringBuilder svg, List<SimulationRun> runs) {
        int legendY = 2 * (PANEL_H + MARGIN + 20) + 50;
        for (int r = 0; r < runs.size(); r++) {
            var o = runs.get(r).options();
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                            + "<text x=\"%d\" y=\"%d\">seed %d, loops %s</text>%n",
                    MARGIN,
                    legendY + 20 * r,
                    MARGIN + 30,
                    legendY + 20 * r,
                    COLOURS[r % COLOURS.length],
                    MARGIN + 40,
                    legendY + 20 * r + 4,
                    o.seed(),
                    o.loops() ? "on" : "off"));
        }
    }

    private static void panel(StringBuilder svg, Panel panel, List<SimulationRun> runs, int x0, int y0) {
        int weeks = runs.stream().mapToInt(r -> r.weeks().size()).max().orElse(1);
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"panel\"><text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                x0,
                y0 - 8,
                escape(panel.title())));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                x0,
                y0,
                PANEL_W,
                PANEL_H));
        for (int t = 0; t <= 4; t++) {
            double v = panel.max() * t / 4;
            double y = y(v, panel.max(), y0);
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0 - 4, y + 4, trim(v)));
        }
        for (int w = 1; w <= weeks; w++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(w, weeks, x0),
                    y0 + PANEL_H + 14,
                    w));
        }
        if (panel.target() != null) {
            double y = y(panel.target(), panel.max(), y0);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\" "
                            + "stroke-dasharray=\"4 4\"/>%n",
                    x0,
                    y,
                    x0 + PANEL_W,
                    y));
        }
        for (int r = 0; r < runs.size(); r++) {
            var points = new ArrayList<String>();
            for (WeekFigures w : runs.get(r).weeks()) {
                points.add(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f",
                        x(w.week(), weeks, x0),
                        y(panel.value().applyAsDouble(w), panel.max(), y0)));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline class=\"curve\" data-run=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                            + "points=\"%s\"/>%n",
                    r,
                    COLOURS[r % COLOURS.length],
                    String.join(" ", points)));
        }
        svg.append("</g>\n");
    }

    private static double x(int week, int weeks, int x0) {
        return weeks <= 1 ? x0 + PANEL_W / 2.0 : x0 + 10 + (PANEL_W - 20) * (week - 1) / (double) (weeks - 1);
    }

    private static double y(double value, double max, int y0) {
        return y0 + PANEL_H - PANEL_H * Math.min(value, max) / max;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
