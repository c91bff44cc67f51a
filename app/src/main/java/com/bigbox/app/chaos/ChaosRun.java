package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.RunRecord;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.postgres.chaos.ChaosControl;
import com.bigbox.postgres.chaos.PgChaosExperiments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code bigbox chaos} commands' work: open the database, run or clear, print the verdict. */
public final class ChaosRun {
    private static final ObjectMapper JOURNAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ChaosRun() {}

    /**
     * Where a run goes: the cluster's database and the credentials. The {@code bigbox chaos} command
     * opens it from the settings (starting the embedded database if need be) only once the file is valid.
     */
    public interface Target extends AutoCloseable {
        DatabaseUrl databaseUrl();

        /** BIGBOX_ADMIN_TOKEN: the instances' chaos surface asks for it. */
        Optional<String> adminToken();

        /** The key the workload appends with, as the service role (the instances' API asks for one). */
        Optional<String> serviceKey();

        @Override
        void close() throws java.io.IOException;
    }

    /** Opens the target; called once the experiment file has been read and checked. */
    @FunctionalInterface
    public interface TargetOpener {
        Target open() throws Exception;
    }

    /** Runs {@code file}; returns the exit code: 0 the hypothesis held, 1 it did not. */
    public static int run(
            TargetOpener opener,
            Path file,
            Map<String, String> variables,
            List<String> instances,
            String rollbackStrategy,
            Path journal,
            PrintWriter out)
            throws Exception {
        ExperimentFile experiment = ExperimentFile.read(file).withVariables(variables);
        ChaosRunner.validate(experiment.experiment());
        RollbackStrategy strategy = rollbackStrategy == null ? null : RollbackStrategy.parse(rollbackStrategy);
        try (Target target = opener.open();
                Database database =
                        new Database(target.databaseUrl(), 6, ChaosControl.RUNNER_APPLICATION + "-runner")) {
            Migrations.apply(database.pool());
            var cluster = new Cluster(database, target.adminToken(), target.serviceKey(), instances);
            var runner = new ChaosRunner(
                    cluster, new PgEventStore(database.pool(), () -> {}), new PgChaosExperiments(), Clock.systemUTC());
            ChaosRunner.Outcome outcome = runner.run(
                    experiment,
                    strategy,
                    System.getProperty("user.name") + "@"
                            + InetAddress.getLocalHost().getHostName());
            print(outcome, out);
            if (journal != null) {
                JOURNAL.writeValue(
                        journal.toFile(),
                        java.util.Map.of(
                                "experiment_id",
                                outcome.run().id(),
                                "title",
                                experiment.experiment().title(),
                                "journal",
                                outcome.record(),
                                "trend",
                                outcome.trend()));
            }
            return outcome.held() ? 0 : 1;
        }
    }

    public static String clear(TargetOpener opener) throws Exception {
        try (Target target = opener.open();
                Database database = new Database(target.databaseUrl(), 2, ChaosControl.RUNNER_APPLICATION + "-clear")) {
            var control = new ChaosControl(database.pool());
            int ended = control.endAllFaults();
            boolean trigger = control.slowWritesInstalled();
            control.removeSlowWrites();
            return "Ended " + ended + " chaos fault(s) in force" + (trigger ? "; removed the slow-writes trigger" : "");
        }
    }

    private static void print(ChaosRunner.Outcome outcome, PrintWriter out) {
        var run = outcome.run();
        var record = outcome.record();
        var experiment = run.experiment();
        out.printf(
                Locale.ROOT,
                "Experiment: %s (v%s, %s, intensity %s) as %s%n",
                experiment.title(),
                experiment.version(),
                experiment.type(),
                experiment.intensity().label(),
                run.id());
        out.printf(Locale.ROOT, "Steady state before: %s%n", probes(record.hypothesisBefore()));
        out.printf(Locale.ROOT, "Method: %s%n", activities(record.method()));
        out.printf(
                Locale.ROOT,
                "Steady state after: %s%n",
                record.hypothesisAfter().isEmpty() ? "not checked" : probes(record.hypothesisAfter()));
        out.printf(
                Locale.ROOT,
                "Rollbacks (%s): %s%n",
                run.rollbackStrategy().label(),
                record.rollbacks().isEmpty() ? "none run" : activities(record.rollbacks()));
        out.println("Findings:");
        record.findings().forEach(f -> out.println("  - " + f));
        String verdict = record.status() == RunRecord.Status.ABORTED
                ? "ABORTED"
                : record.deviated() ? "DEVIATED: the hypothesis did not hold" : "HELD: the hypothesis held";
        out.printf(
                Locale.ROOT,
                "Result: %s; degradation %.2f, resilience score %.2f%s; trend %s over %s%n",
                verdict,
                record.degradation().rounded(),
                record.score().value(),
                record.score().alert() ? " (ALERT: below 0.7)" : "",
                outcome.trend().direction().name().toLowerCase(Locale.ROOT),
                outcome.trend().scores());
        out.flush();
    }

    private static String probes(List<RunRecord.ProbeResult> probes) {
        long within =
                probes.stream().filter(RunRecord.ProbeResult::withinTolerance).count();
        return within + "/" + probes.size() + " within tolerance"
                + (within == probes.size()
                        ? ""
                        : " — "
                                + probes.stream()
                                        .filter(p -> !p.withinTolerance())
                                        .map(p -> p.name() + " = " + (p.error() != null ? p.error() : p.value()))
                                        .collect(Collectors.joining("; ")));
    }

    private static String activities(List<RunRecord.ActivityResult> activities) {
        return activities.stream()
                .map(a -> a.name() + (a.failed() ? " FAILED (" + a.error() + ")" : " ok"))
                .collect(Collectors.joining(", "));
    }
}
