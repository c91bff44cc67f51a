package com.bigbox.app.commands;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.app.demo.DemoClock;
import com.bigbox.app.demo.DemoFeed;
import com.bigbox.app.demo.DemoSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Starts an engine and feeds it a realistic, seeded stream of agency activity. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an engine, load the shipped SOPs and feed a seeded stream of agency activity on a clock that runs "
                + "SPEED times faster than the wall, so agents, approvals, SOP executions and health scores move while you watch "
                + "(GET /api/v1/agents, /api/v1/approvals, /api/v1/sop-executions, /api/v1/client-health).")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Option(names = "--leads", defaultValue = "12", description = "Client stories to tell (default: ${DEFAULT-VALUE}).")
    int leads;

    @Option(names = "--seed", defaultValue = "42", description = "The same seed tells the same story (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "14400", description = "Business seconds per wall second (default: ${DEFAULT-VALUE}, four hours a second).")
    double speed;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--keep-running", description = "Keep serving after the stories are told, until Ctrl-C.")
    boolean keepRunning;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (leads < 1 || leads > 1000) {
            throw new IllegalArgumentException("--leads must be between 1 and 1000, was " + leads);
        }
        var clock = new DemoClock(speed);
        Settings settings = main.settings();
        try (Engine engine = Engine.start(settings, new Engine.Options("127.0.0.1", port, "demo"), clock)) {
            run(engine, clock, leads, seed, spec);
            if (keepRunning) {
                new CountDownLatch(1).await();
            }
        }
        return 0;
    }

    /** Loads the shipped SOPs (from ./sops when present) and tells the stories; shared with {@code up --demo}. */
    static void run(Engine engine, DemoClock clock, int leads, long seed, CommandSpec spec) throws Exception {
        var out = spec.commandLine().getOut();
        Path sops = Path.of("sops");
        if (Files.isDirectory(sops)) {
            var files = LoadSopsCommand.read(sops);
            var report = engine.node().store().inTransaction(w -> engine.autonomic().sopLoader().load(w, files, "demo"));
            out.printf("demo: SOPs %d loaded, %d updated, %d unchanged%n", report.count("loaded"), report.count("updated"),
                    report.count("unchanged"));
        }
        out.printf("demo: telling %d client stories (seed %d) on http://127.0.0.1:%d, business time at %.0fx%n", leads, seed,
                engine.port(), clock.speed());
        out.flush();
        new DemoFeed(engine.autonomic(), engine.node().store(), clock, seed).run(leads, 3);
        DemoSummary.print(out, engine.autonomic(), engine.node().store());
    }
}
