package com.bigbox.app.commands;

import com.bigbox.postgres.backup.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command on standard error: a bar redrawn in place on a terminal, a line every
 * few seconds otherwise (a log file or CI should not fill with carriage returns). Shows the rate in
 * events per second.
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final String verb;
    private final String unit;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long done;
    private long total = -1;
    private boolean drawnInPlace;

    public ProgressBar(PrintWriter out, String verb, boolean interactive) {
        this(out, verb, "events", interactive);
    }

    /** Counts {@code unit} (plural, e.g. "stories") instead of events. */
    public ProgressBar(PrintWriter out, String verb, String unit, boolean interactive) {
        this.out = out;
        this.verb = verb;
        this.unit = unit;
        this.interactive = interactive;
        this.lastDrawn = started;
    }

    /** A bar on this process's standard error, redrawn in place when it is a terminal. */
    public static ProgressBar onStandardError(PrintWriter err, String verb) {
        return new ProgressBar(err, verb, System.console() != null);
    }

    @Override
    public void advanced(long done, long total) {
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        if (now - lastDrawn >= (interactive ? REDRAW_NANOS : LINE_NANOS)) {
            draw(now);
        }
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        draw(System.nanoTime());
        if (drawnInPlace) {
            out.println();
            out.flush();
        }
    }

    public long eventsPerSecond() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        return Math.round(done / seconds);
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void draw(long now) {
        lastDrawn = now;
        String text = line();
        if (interactive) {
            out.print("\r" + text);
            drawnInPlace = true;
        } else {
            out.println(text);
        }
        out.flush();
    }

    String line() {
        String counts;
        String bar = "";
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%% ", done * 100 / total);
            counts = String.format(Locale.ROOT, "%,d/%,d", done, total);
        } else {
            counts = String.format(Locale.ROOT, "%,d", done);
        }
        return String.format(Locale.ROOT, "%s%s %s %s, %s", bar, verb, counts, unit, rate());
    }

    private String rate() {
        return unit.equals("events")
                ? String.format(Locale.ROOT, "%,d events/s", eventsPerSecond())
                : String.format(Locale.ROOT, "%.0f s", seconds());
    }
}
