package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.postgres.projections.PgProjectionStore;
import com.bigbox.postgres.projections.ProjectionRebuild;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Rebuilds the projections (agent_metrics, client_health) from the events. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild the projections (agent_metrics, client_health) from the events, to exactly the rows the live "
                + "projections hold. Running engines may stay up: they continue from the rebuilt checkpoint.")
public final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (OneShot db = OneShot.open(main.settings(), "replay")) {
            var rebuild = new ProjectionRebuild(db.store(), AutonomicOperations.projections(new PgProjectionStore()));
            var out = spec.commandLine().getOut();
            long[] lastPercent = {-1};
            ProjectionRebuild.Result result = rebuild.rebuild((applied, total) -> {
                long percent = total == 0 ? 100 : applied * 100 / total;
                if (percent / 10 != lastPercent[0] / 10) {
                    out.printf("replay: %d of %d events (%d%%)%n", applied, total, percent);
                    lastPercent[0] = percent;
                }
            });
            out.printf("%s: rebuilt agent_metrics and client_health from %d events in %d ms%n", db.describe(), result.events(),
                    result.millis());
        }
        return 0;
    }
}
