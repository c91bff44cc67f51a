package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.postgres.autonomic.PostgresAdapters;
import com.bigbox.postgres.projections.ProjectionRebuild;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Rebuilds the tables derived from events: approvals, SOP definitions and executions, agent metrics, client health. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Rebuild the tables derived from the events (human_approvals with their comments, audit trail and "
                        + "expiry jobs; sop_definitions; sop_executions; agent_metrics; client_health; improvement_signals with sop_proposals) to exactly the rows the live "
                        + "system holds. Running engines may stay up: they wait for it and continue from the rebuilt state.")
public final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--projection",
            paramLabel = "NAME",
            description =
                    "Rebuild only this projection (and those that refer to it); repeatable. One of: "
                            + "human_approvals, sop_definitions, sop_executions, agent_metrics, client_health, improvement_signals. Default: all.")
    List<String> projections = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ProjectionRegistry registry = PostgresAdapters.projections();
        registry.withDependents(projections); // an unknown name is refused before anything opens
        PrintWriter out = spec.commandLine().getOut();
        try (OneShot db = OneShot.open(main.settings(), "replay")) {
            ProgressBar progress =
                    ProgressBar.onStandardError(spec.commandLine().getErr(), "replayed");
            ProjectionRebuild.Result result =
                    new ProjectionRebuild(db.store(), registry).rebuild(projections, progress::advanced);
            progress.finish();
            out.printf(
                    Locale.ROOT,
                    "%s: rebuilt %s from %,d events in %.1f s, %,d events/s%n",
                    db.describe(),
                    String.join(", ", result.projections()),
                    result.events(),
                    progress.seconds(),
                    progress.eventsPerSecond());
        }
        return 0;
    }
}
