package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.ChaosExperiments;
import com.bigbox.autonomic.chaos.ExperimentRun;
import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.RunRecord;
import com.bigbox.autonomic.chaos.RunRecord.ActivityResult;
import com.bigbox.core.EventStore;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.postgres.chaos.ChaosControl;
import com.bigbox.postgres.chaos.PgChaosExperiments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos functions an instance serves to a runner in another process — the Chaos Toolkit, whose
 * {@code http} providers call {@code POST /admin/v1/chaos/functions/<function>} — with the state a run
 * keeps between its calls: the workload and what it had acknowledged, the leads, the run's faults, the
 * instances it crashed on purpose. The functions are {@link Builtins}, the very ones {@code ./bigbox
 * chaos run} calls in its own process; only where the run's state lives differs.
 *
 * <p>The toolkit names no run, so a <em>session</em> stands for one: the one named by the header
 * {@value #SESSION_HEADER}, or this instance's {@value #DEFAULT} session. A session opens with its first
 * call and is recorded in {@code chaos_experiments} (type {@value #TYPE}; the run's faults belong to
 * it). It ends when it is closed ({@code DELETE /admin/v1/chaos/sessions/<name>}), when it has had no call
 * for {@link #IDLE}, or when a {@code start_workload} arrives after its workload ran already — every
 * shipped method starts with one, so back-to-back toolkit runs get a session each. Ending stops its
 * workload, leads and lock holders and records what it saw (the verdict is the toolkit's, in its journal).
 */
public final class ChaosSessions implements AutoCloseable {
    public static final String SESSION_HEADER = "X-Bigbox-Chaos-Session";
    public static final String DEFAULT = "default";
    static final String TYPE = "chaostoolkit_session";
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(ChaosSessions.class);

    private final DatabaseUrl databaseUrl;
    private final Optional<String> adminToken;
    private final Supplier<Optional<String>> serviceKey;
    private final String instanceName;
    private final Clock clock;
    private final ChaosExperiments experiments = new PgChaosExperiments();
    private final Map<String, ChaosSession> sessions = new LinkedHashMap<>();
    // An abandoned run (the toolkit interrupted after start_workload) must not write on for ever.
    private final java.util.concurrent.ScheduledExecutorService reaper =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("chaos-sessions-reaper").factory());
    private Database database;
    private EventStore journal;

    /**
     * @param databaseUrl the cluster's database; the functions use connections of their own, named like
     *     {@code ./bigbox chaos run}'s, so that {@code terminate_connections} spares them as it spares the runner
     * @param serviceKey the key the workload appends with (the instances' API asks for one)
     */
    public ChaosSessions(
            DatabaseUrl databaseUrl,
            String adminToken,
            Supplier<Optional<String>> serviceKey,
            String instanceName,
            Clock clock) {
        this.databaseUrl = databaseUrl;
        this.adminToken = Optional.of(adminToken);
        this.serviceKey = serviceKey;
        this.instanceName = instanceName;
        this.clock = clock;
        reaper.scheduleWithFixedDelay(
                () -> {
                    synchronized (this) {
                        endIdle();
                    }
                },
                1,
                1,
                java.util.concurrent.TimeUnit.MINUTES);
    }

    /** The name a call's header gives, checked; {@value #DEFAULT} without one. */
    public static String sessionName(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        String name = header.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    SESSION_HEADER + " must be 1 to 64 letters, digits and . _ : -, was '" + name + "'");
        }
        return name;
    }

    /** Whether {@code function} is one of the chaos functions. */
    public static boolean exists(String function) {
        return Builtins.exists(function);
    }

    /**
     * Calls {@code function} in session {@code name} (opened if need be) and returns its value.
     *
     * @throws com.bigbox.autonomic.chaos.InvalidExperimentException an unknown function or a wrong argument
     * @throws IllegalStateException the function cannot do what it is asked here (no such instance, ...)
     */
    public Object call(String name, String function, Map<String, Object> arguments) throws Exception {
        Builtins.validate(function, arguments);
        ChaosSession session;
        synchronized (this) {
            endIdle();
            session = sessions.get(name);
            if (session != null && function.equals("start_workload") && session.context().workload != null) {
                end(session, "its next run started a workload");
                session = null;
            }
            if (session == null) {
                session = open(name);
            }
            session.lastCall()[0] = clock.instant();
        }
        Instant start = clock.instant();
        String type = Builtins.PROBES.contains(function) ? "probe" : "action";
        try {
            Object value = Builtins.call(function, arguments, session.context());
            session.record(new ActivityResult(function, type, start, clock.instant(), value, null));
            return value;
        } catch (Exception e) {
            session.record(new ActivityResult(
                    function,
                    type,
                    start,
                    clock.instant(),
                    null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }

    /** Opens session {@code name}, ending one of that name first; its id and run. */
    public synchronized Map<String, Object> open(String name, boolean replace) throws Exception {
        ChaosSession existing = sessions.get(name);
        if (existing != null) {
            if (!replace) {
                return existing.describe(instanceName);
            }
            end(existing, "it was opened again");
        }
        return open(name).describe(instanceName);
    }

    /** Ends session {@code name}; empty when there is none. */
    public synchronized Optional<Map<String, Object>> close(String name) {
        ChaosSession session = sessions.get(name);
        if (session == null) {
            return Optional.empty();
        }
        RunRecord record = end(session, "it was closed");
        var result = session.describe(instanceName);
        result.put("findings", record.findings());
        result.put("resilience_score", record.score().value());
        return Optional.of(result);
    }

    private ChaosSession open(String name) throws Exception {
        UUID id = UUID.randomUUID();
        var experiment = ChaosSession.experiment(name, instanceName);
        var definition = new LinkedHashMap<String, Object>();
        definition.put("served_by", instanceName);
        definition.put("session", name);
        definition.put("functions", "POST /admin/v1/chaos/functions/<function>, called by a runner in another process");
        var run = new ExperimentRun(
                id,
                experiment,
                "-",
                definition,
                clock.instant(),
                RollbackStrategy.NEVER,
                "session " + name + " on " + instanceName);
        journal().inTransaction(work -> {
            experiments.started(work, run);
            return null;
        });
        var session = new ChaosSession(
                name,
                run,
                new RunContext(
                        new Cluster(database(), adminToken, serviceKey.get(), List.of()), id, experiment, instanceName),
                new ArrayList<>(),
                new Instant[] {clock.instant()});
        sessions.put(name, session);
        log.info("Chaos session '{}' opened on {} as experiment {}", name, instanceName, id);
        return session;
    }

    private RunRecord end(ChaosSession session, String why) {
        sessions.remove(session.name());
        session.context().stopHelpers();
        List<ActivityResult> calls = session.callsSoFar();
        var findings = new ArrayList<String>();
        findings.add("served " + calls.size() + " call(s) from a runner in another process; the session ended because "
                + why + "; the verdict is the runner's (the Chaos Toolkit's journal)");
        RunRecord record = RunConclusion.conclude(
                session.context(),
                List.of(),
                List.of(),
                calls,
                List.of(),
                findings,
                false,
                false,
                null,
                clock.instant());
        try {
            journal().inTransaction(work -> experiments.finished(work, session.run(), record));
        } catch (RuntimeException e) {
            log.warn("Chaos session '{}' could not be recorded as ended: {}", session.name(), e.getMessage());
        }
        log.info(
                "Chaos session '{}' ended ({}): {} call(s), score {}",
                session.name(),
                why,
                calls.size(),
                record.score().value());
        return record;
    }

    private void endIdle() {
        Instant now = clock.instant();
        for (ChaosSession s : List.copyOf(sessions.values())) {
            if (Duration.between(s.lastCall()[0], now).compareTo(IDLE) > 0) {
                end(s, "it had no call for " + IDLE.toMinutes() + " minutes");
            }
        }
    }

    private Database database() {
        if (database == null) {
            database = new Database(databaseUrl, 6, ChaosControl.RUNNER_APPLICATION + "-functions");
            journal = new PgEventStore(database.pool(), () -> {});
        }
        return database;
    }

    private EventStore journal() {
        database();
        return journal;
    }

    @Override
    public synchronized void close() {
        reaper.shutdownNow();
        for (ChaosSession s : List.copyOf(sessions.values())) {
            end(s, "the instance stopped");
        }
        if (database != null) {
            database.close();
        }
    }
}
