package com.bigbox.app.simulation;

import com.bigbox.autonomic.sop.SopFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs simulations, each on a fresh scratch database of its own, one after the other or several at once: a run
 * shares nothing with another (its engine, database, clock and random streams are its own), so how many run
 * together changes how long they take, never what they measure.
 */
public final class SimulationRunner {
    private final ScratchDatabases server;
    private final Path work;
    private final List<SopFile> sops;
    private final boolean keep;
    private final PrintWriter progress;

    public SimulationRunner(
            ScratchDatabases server, Path work, List<SopFile> sops, boolean keep, PrintWriter progress) {
        this.server = server;
        this.work = work;
        this.sops = List.copyOf(sops);
        this.keep = keep;
        this.progress = progress;
    }

    /** The runs' results, in the order asked. */
    public List<SimulationRun> runAll(List<Simulation.Options> runs, int parallel)
            throws IOException, InterruptedException {
        if (parallel == 1 || runs.size() == 1) {
            var results = new ArrayList<SimulationRun>();
            for (Simulation.Options o : runs) {
                results.add(run(o, runs.size() == 1));
            }
            return results;
        }
        try (var pool = Executors.newFixedThreadPool(parallel)) {
            var futures = new ArrayList<Future<SimulationRun>>();
            for (Simulation.Options o : runs) {
                futures.add(pool.submit(() -> run(o, false)));
            }
            var results = new ArrayList<SimulationRun>();
            for (Future<SimulationRun> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof RuntimeException r
                            ? r
                            : e.getCause() instanceof IOException io
                                    ? new UncheckedIOException(io)
                                    : new IllegalStateException(e.getCause());
                }
            }
            return results;
        }
    }

    // One run's progress: a day counter when it runs alone, a line every tenth day when several share the terminal.
    private SimulationRun run(Simulation.Options o, boolean alone) throws IOException {
        String name = String.format(
                Locale.ROOT,
                "bigbox_sim_%d_%s_%d",
                Math.abs(o.seed()),
                o.loops() ? "on" : "off",
                ProcessHandle.current().pid());
        String label = String.format(Locale.ROOT, "seed %d loops %-3s", o.seed(), o.loops() ? "on" : "off");
        String url = server.create(name);
        try {
            SimulationRun run = Simulation.run(o, url, work.resolve(name), sops, (day, of) -> {
                synchronized (progress) {
                    if (alone) {
                        progress.printf("\r%s day %d/%d", label, day, of);
                    } else if (day % 10 == 0 || day == of) {
                        progress.printf("%s day %d/%d%n", label, day, of);
                    }
                    progress.flush();
                }
            });
            synchronized (progress) {
                if (alone) {
                    progress.println();
                }
                progress.println(SeedRuns.line(run));
                progress.flush();
            }
            return run;
        } finally {
            if (keep) {
                progress.println(
                        "kept scratch database " + server.urlOf(name).replaceAll("password=[^&]*", "password=***"));
            } else {
                server.drop(name);
            }
        }
    }
}
