package com.bigbox.app.commands;

import com.bigbox.app.chaos.ChaosRun;
import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.JwtSecretFile;
import com.bigbox.app.engine.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bigbox chaos run FILE} and {@code bigbox chaos clear}. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description =
                "Chaos experiments against the running cluster (see docs/chaos.md and the experiments in chaos/).",
        subcommands = {ChaosCommand.Run.class, ChaosCommand.Clear.class})
public final class ChaosCommand implements Runnable {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Run an experiment: check its steady-state hypothesis, run its method, check again, roll back as its strategy says,",
                "and record the run in chaos_experiments and as events. Exit code 0: the hypothesis held; 1: it deviated or the run was",
                "aborted; 2: the file or the options are wrong."
            })
    static final class Run implements Callable<Integer> {
        @ParentCommand
        ChaosCommand chaos;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The experiment (YAML or JSON, the Chaos Toolkit's shape).")
        Path file;

        @Option(
                names = "--instance",
                paramLabel = "URL",
                description =
                        "An instance to act on (repeatable); default: every instance whose heartbeat is in engine_instances.")
        List<String> instances = new ArrayList<>();

        @Option(
                names = "--rollback-strategy",
                paramLabel = "STRATEGY",
                description =
                        "always, never or deviated; overrides the experiment's (default: the experiment's, else always).")
        String rollbackStrategy;

        @Option(
                names = "--journal",
                paramLabel = "FILE",
                description = "Also write the run's full journal to FILE as JSON.")
        Path journal;

        @Option(
                names = "--var",
                paramLabel = "NAME=VALUE",
                description =
                        "Set a value of the experiment's configuration (repeatable), e.g. --var absence_seconds=90000.")
        Map<String, String> variables = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            return ChaosRun.run(
                    target(chaos.main.settings()),
                    file,
                    variables,
                    instances,
                    rollbackStrategy,
                    journal,
                    spec.commandLine().getOut());
        }
    }

    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description =
                    "End every chaos fault still in force and remove the slow-writes trigger (after an interrupted run).")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        ChaosCommand chaos;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(ChaosRun.clear(target(chaos.main.settings())));
            return 0;
        }
    }

    // The cluster's database from the settings (the embedded one started if that is the choice) and the credentials.
    static ChaosRun.TargetOpener target(Settings settings) {
        return () -> {
            DatabaseChoice choice = DatabaseChoice.open(settings);
            java.util.Optional<String> serviceKey;
            try {
                serviceKey = JwtSecretFile.serviceKey(settings);
            } catch (java.io.IOException | RuntimeException e) {
                choice.close();
                throw e;
            }
            return new ChaosRun.Target() {
                @Override
                public com.bigbox.postgres.DatabaseUrl databaseUrl() {
                    return choice.url();
                }

                @Override
                public java.util.Optional<String> adminToken() {
                    return settings.get("BIGBOX_ADMIN_TOKEN");
                }

                @Override
                public java.util.Optional<String> serviceKey() {
                    return serviceKey;
                }

                @Override
                public void close() throws java.io.IOException {
                    choice.close();
                }
            };
        };
    }
}
