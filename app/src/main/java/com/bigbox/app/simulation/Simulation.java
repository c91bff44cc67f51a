package com.bigbox.app.simulation;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.sop.SopFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run: an engine on its own database with the shipped SOPs, the seeded agency's leads, its people, and
 * a clock the driver moves; afterwards the weekly figures, read from the log.
 */
public final class Simulation {
    /** A Monday: week 1 starts on day 1 of the agency. */
    public static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    /**
     * @param loops whether the engine runs its control loops ({@code BIGBOX_LOOPS})
     * @param habits how the simulated people err
     * @param doctrine a doctrine file for the engine ({@code BIGBOX_DOCTRINE}), or null: the shipped one
     * @param transcripts whether meetings are sent as what was said (a transcript, for the meeting agent's extractor to
     *     read) instead of with their action items listed (the older contract)
     */
    public record Options(
            int days, long seed, boolean loops, AgencySize size, Habits habits, Path doctrine, boolean transcripts) {
        public Options {
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("--days must be between 1 and 365, was " + days);
            }
        }

        public Options(int days, long seed, boolean loops, AgencySize size) {
            this(days, seed, loops, size, Habits.DEFAULTS, null, false);
        }
    }

    /** Where a run reports how far it is. */
    public interface Progress {
        void day(int day, int days);
    }

    private Simulation() {}

    /**
     * @param databaseUrl an empty database of its own (the run fills it)
     * @param home the engine's working files
     */
    public static SimulationRun run(
            Options options, String databaseUrl, Path home, List<SopFile> sops, Progress progress) throws IOException {
        long started = System.nanoTime();
        var clock = new SimulationClock(START);
        Map<String, String> values = engineSettings(options, databaseUrl, home);
        try (Engine engine =
                Engine.start(Settings.of(values, home), new Engine.Options("127.0.0.1", 0, "simulation"), clock)) {
            var store = engine.node().store();
            if (!sops.isEmpty()) {
                store.inTransaction(w -> engine.autonomic().sopLoader().load(w, sops, "simulation"));
            }
            var timeline = new WorldTimeline();
            var facts = new WorldFacts(store, clock, options.seed());
            var clients = new ClientBehaviour(facts, timeline, options.seed(), options.transcripts());
            var staff = new Staff(options.seed());
            var truth = new DecisionTruth(staff);
            var people = new People(
                    store,
                    engine.autonomic().approvals(),
                    engine.autonomic().decisionOverrides(),
                    facts,
                    timeline,
                    truth,
                    options.habits(),
                    options.seed());
            var leads = new Agency(options.seed(), options.size()).leads(START, options.days());
            clients.plan(leads);
            new StaffPosts(facts, timeline, staff, options.seed()).plan(START, options.days());
            new Driver(engine, clock, timeline, clients, people, truth).run(START, options.days(), progress);
            var log = new LogReader(store, engine.autonomic().agents(), clients::lead, truth);
            List<Observation> observations = log.read();
            List<WeekFigures> weeks = WeeklyFigures.of(START, options.days(), observations, log.initialAgents());
            Instant end = START.plus(Duration.ofDays(options.days()));
            return new SimulationRun(
                    options,
                    weeks,
                    DecisionTally.of(observations, START, end),
                    DecisionTally.of(
                            observations,
                            START.plus(Duration.ofDays(SimulationRun.finalWindowStartDay(options.days()))),
                            end),
                    clients.leadsArrived(),
                    people.decided(),
                    people.overridden(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // The engine as the simulation runs it: its own database and home, loops as asked, jobs run by the driver.
    private static Map<String, String> engineSettings(Options options, String databaseUrl, Path home) {
        var values = new HashMap<String, String>(Map.of(
                "DATABASE_URL",
                databaseUrl,
                "BIGBOX_HOME",
                home.toString(),
                "BIGBOX_LOOPS",
                options.loops() ? "on" : "off",
                "BIGBOX_POLL_INTERVAL_MS",
                "1000",
                "BIGBOX_POOL_SIZE",
                "8",
                // Due jobs run when the driver says so (after each step), never on the runner's own timer mid-step.
                "BIGBOX_JOB_POLL_MS",
                "86400000",
                // The doctrine's phases count weeks from go-live: the agency's first day.
                "BIGBOX_GO_LIVE",
                START.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                // The published figures were measured with wall-clock approval deadlines.
                "BIGBOX_BUSINESS_DEADLINES",
                "off"));
        if (options.doctrine() != null) {
            values.put("BIGBOX_DOCTRINE", options.doctrine().toAbsolutePath().toString());
        }
        return values;
    }
}
