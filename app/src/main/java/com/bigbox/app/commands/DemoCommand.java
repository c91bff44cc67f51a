package com.bigbox.app.commands;

import com.bigbox.app.demo.DemoClock;
import com.bigbox.app.demo.DemoDatabase;
import com.bigbox.app.demo.DemoFeed;
import com.bigbox.app.demo.DemoSummary;
import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Starts an engine on a scratch database and feeds it a realistic, seeded stream of agency activity. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Start an engine on its own scratch database, load the shipped SOPs and feed a seeded stream of agency "
                        + "activity on a clock that runs SPEED times faster than the wall, so agents, approvals, SOP executions and "
                        + "health scores move while you watch (GET /api/v1/agents, /api/v1/approvals, /api/v1/sop-executions, "
                        + "/api/v1/client-health). It never uses DATABASE_URL: the scratch database is an embedded PostgreSQL under a "
                        + "temporary directory, deleted at the end.")
public final class DemoCommand implements Callable<Integer> {
    /** However the stories go, the demo ends: a story still waiting after this long is stopped and reported. */
    static final Duration LIMIT = Duration.ofMinutes(3);

    @ParentCommand
    Settings.Source main;

    @Option(names = "--leads", defaultValue = "12", description = "Client stories to tell (default: ${DEFAULT-VALUE}).")
    int leads;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "The same seed tells the same story (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--speed",
            defaultValue = "86400",
            description = "Business seconds per wall second (default: ${DEFAULT-VALUE}, a day a second).")
    double speed;

    @Option(
            names = "--port",
            defaultValue = "0",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--keep-running", description = "Keep serving after the stories are told, until Ctrl-C.")
    boolean keepRunning;

    @Option(
            names = "--database-url",
            description = "Run in this database instead of a scratch one. Refused when it holds "
                    + "events, unless --allow-existing-events.")
    String databaseUrl;

    @Option(
            names = "--allow-existing-events",
            description = "Let the demo run in a --database-url that holds events: its fast "
                    + "clock will decide pending approvals there by silence and add future-dated events.")
    boolean allowExistingEvents;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (leads < 1 || leads > 1000) {
            throw new IllegalArgumentException("--leads must be between 1 and 1000, was " + leads);
        }
        var clock = new DemoClock(speed);
        var out = spec.commandLine().getOut();
        Settings settings = main.settings();
        try (DemoDatabase database =
                databaseUrl == null ? DemoDatabase.scratch() : DemoDatabase.given(databaseUrl, allowExistingEvents)) {
            out.println("demo: running on " + database.where());
            if (databaseUrl == null && settings.get("DATABASE_URL").isPresent()) {
                out.println("demo: DATABASE_URL is not used: the demo never writes to your engine's database");
            }
            out.flush();
            Settings demo = settings.with("DATABASE_URL", database.url());
            if (database.temporary() != null) {
                demo = demo.with(
                        "BIGBOX_HOME", database.temporary().resolve("home").toString());
            }
            try (Engine engine = Engine.start(demo, new Engine.Options("127.0.0.1", port, "demo"), clock)) {
                run(engine, clock, leads, seed, spec);
                if (keepRunning) {
                    out.println("demo: still serving on http://127.0.0.1:" + engine.port() + "/ until Ctrl-C");
                    out.flush();
                    awaitShutdown();
                }
            }
        }
        return 0;
    }

    private static void awaitShutdown() throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-shutdown"));
        stopped.await();
    }

    /** Loads the shipped SOPs (from ./sops when present) and tells the stories. */
    private static void run(Engine engine, DemoClock clock, int leads, long seed, CommandSpec spec) throws Exception {
        var out = spec.commandLine().getOut();
        Path sops = Path.of("sops");
        if (Files.isDirectory(sops)) {
            var files = LoadSopsCommand.read(sops);
            var report = engine.node()
                    .store()
                    .inTransaction(w -> engine.autonomic().sopLoader().load(w, files, "demo"));
            out.printf(
                    "demo: SOPs %d loaded, %d updated, %d unchanged%n",
                    report.count("loaded"), report.count("updated"), report.count("unchanged"));
        }
        out.printf(
                "demo: telling %d client stories (seed %d) on http://127.0.0.1:%d, business time at %.0fx%n",
                leads, seed, engine.port(), clock.speed());
        out.flush();
        var progress = new ProgressBar(spec.commandLine().getErr(), "told", "stories", System.console() != null);
        DemoFeed.Outcome outcome =
                new DemoFeed(engine.autonomic(), engine.node().store(), clock, seed).run(leads, progress, LIMIT);
        progress.finish();
        out.printf(
                "demo: %d stories told in %.0f s: %d to the end, %d ended early (a rejection, a declined quote)%s%n",
                leads,
                progress.seconds(),
                outcome.toTheEnd(),
                outcome.endedEarly(),
                outcome.unfinished() == 0
                        ? ""
                        : ", " + outcome.unfinished() + " stopped unfinished after " + LIMIT.toMinutes() + " min");
        DemoSummary.print(out, engine.autonomic(), engine.node().store());
    }
}
