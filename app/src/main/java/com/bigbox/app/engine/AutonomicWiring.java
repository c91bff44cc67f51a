package com.bigbox.app.engine;

import com.bigbox.autonomic.approvals.Deadlines;
import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.notifications.BusinessDeadlines;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.autonomic.PostgresAdapters;
import com.bigbox.postgres.notifications.PgNotificationDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one engine instance: builds the {@link PostgresAdapters} (storage and job runner), hands them to
 * {@link AutonomicOperations} as its {@link com.bigbox.autonomic.runtime.InfrastructurePorts}, and closes both in order.
 */
public final class AutonomicWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AutonomicWiring.class);

    private final PostgresAdapters adapters;
    private final AutonomicOperations operations;

    private AutonomicWiring(PostgresAdapters adapters, AutonomicOperations operations) {
        this.adapters = adapters;
        this.operations = operations;
    }

    /**
     * Starts every agent, the governor, the projections and the job runner of this instance; with
     * {@code BIGBOX_AGENTS=off} the instance only serves the API (others in the cluster run the agents).
     * {@code BIGBOX_APPROVAL_TIMEOUT_SCALE} (default 1) multiplies every approval timeout: a test or
     * chaos cluster can let approvals expire in seconds. {@code BIGBOX_LOOPS=off} (default on) keeps the
     * self-improvement loops off this instance; {@code BIGBOX_GO_LIVE} dates the doctrine's week 1;
     * {@code BIGBOX_DOCTRINE} names a doctrine file to use instead of the shipped one.
     *
     * @param faults the chaos faults in force, which every agent's handler is exposed to
     */
    public static AutonomicWiring start(PgNode node, Clock clock, Settings settings, ActiveFaults faults) {
        boolean run = agentsOn(settings);
        boolean loops = loopsOn(settings); // a bad value fails at start, whatever BIGBOX_AGENTS says
        var tunables = new AutonomicOperations.Settings(
                AutonomicOperations.Settings.defaults().maxAttempts(),
                AutonomicOperations.Settings.defaults().reminderInterval(),
                timeoutScale(settings),
                deadlines(settings));
        PostgresAdapters adapters = run
                ? PostgresAdapters.start(node, clock, jobPoll(settings), faults)
                : PostgresAdapters.passive(node, clock, jobPoll(settings), faults);
        try {
            var operations = new AutonomicOperations(
                    adapters.ports(),
                    clock,
                    Reasoner.rules(),
                    tunables,
                    MeetingExtractors.agents(settings),
                    goLive(settings),
                    doctrine(settings));
            if (run) {
                operations.start();
                if (loops) {
                    operations.startLoops(node.store());
                } else {
                    log.info("BIGBOX_LOOPS=off: this instance schedules and runs no self-improvement loops");
                }
            } else {
                log.info("BIGBOX_AGENTS=off: this instance runs no agents, governor, projections or jobs");
            }
            return new AutonomicWiring(adapters, operations);
        } catch (RuntimeException e) {
            adapters.close();
            throw e;
        }
    }

    /** {@code BIGBOX_DOCTRINE}: a doctrine file to run by instead of the shipped one. */
    static Doctrine doctrine(Settings settings) {
        return settings.get("BIGBOX_DOCTRINE")
                .map(path -> Doctrine.read(java.nio.file.Path.of(path)))
                .orElseGet(Doctrine::shipped);
    }

    static boolean agentsOn(Settings settings) {
        String value = settings.get("BIGBOX_AGENTS").orElse("on");
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new Settings.SettingException("BIGBOX_AGENTS", "must be on or off, was '" + value + "'");
        };
    }

    /** {@code BIGBOX_LOOPS} (on by default): whether this instance runs the self-improvement loops. */
    public static boolean loopsOn(Settings settings) {
        String value = settings.get("BIGBOX_LOOPS").orElse("on");
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new Settings.SettingException("BIGBOX_LOOPS", "must be on or off, was '" + value + "'");
        };
    }

    /** {@code BIGBOX_GO_LIVE} (YYYY-MM-DD): the doctrine's week 1; by default the date of the first event. */
    public static GoLive goLive(Settings settings) {
        return settings.get("BIGBOX_GO_LIVE")
                .map(v -> {
                    try {
                        return GoLive.on(LocalDate.parse(v));
                    } catch (DateTimeParseException e) {
                        throw new Settings.SettingException(
                                "BIGBOX_GO_LIVE", "must be a date like 2026-01-31, was '" + v + "'");
                    }
                })
                .orElse(GoLive.fromFirstEvent());
    }

    // BIGBOX_JOB_POLL_MS: how often the runner looks for due jobs by itself. The simulation, which runs due jobs
    // itself after each step of its clock, sets it out of the way so no job runs behind its back mid-step.
    static Duration jobPoll(Settings settings) {
        return Duration.ofMillis(settings.integer(
                "BIGBOX_JOB_POLL_MS", (int) PostgresAdapters.DEFAULT_JOB_POLL.toMillis(), 10, 86_400_000));
    }

    /**
     * {@code BIGBOX_BUSINESS_DEADLINES} (on by default): approvals of flows whose SOP keeps to business
     * hours count only open time. A compressed timescale ({@code BIGBOX_APPROVAL_TIMEOUT_SCALE} below 1,
     * deadlines of seconds) has no place on a calendar, so it counts wall-clock time.
     */
    static Deadlines deadlines(Settings settings) {
        String value = settings.get("BIGBOX_BUSINESS_DEADLINES").orElse("on");
        boolean on = switch (value) {
            case "on" -> true;
            case "off" -> false;
            default ->
                throw new Settings.SettingException(
                        "BIGBOX_BUSINESS_DEADLINES", "must be on or off, was '" + value + "'");
        };
        return on && timeoutScale(settings) == 1.0
                ? new BusinessDeadlines(new PgNotificationDirectory(), EngineNotifications.calendar(settings))
                : Deadlines.WALL_CLOCK;
    }

    static double timeoutScale(Settings settings) {
        String value = settings.get("BIGBOX_APPROVAL_TIMEOUT_SCALE").orElse("1");
        try {
            double scale = Double.parseDouble(value);
            if (scale > 0 && scale <= 1) {
                return scale;
            }
        } catch (NumberFormatException ignored) {
            // named below
        }
        throw new Settings.SettingException(
                "BIGBOX_APPROVAL_TIMEOUT_SCALE", "must be a number above 0 and at most 1, was '" + value + "'");
    }

    /** The adapters the autonomic services run on (notifications share the approvals' store and the schedule). */
    public com.bigbox.autonomic.runtime.InfrastructurePorts ports() {
        return adapters.ports();
    }

    public AutonomicOperations operations() {
        return operations;
    }

    /** This instance's job runner (the simulation runs due jobs itself after each step of its clock). */
    public JobRunner jobs() {
        return adapters.jobs();
    }

    @Override
    public void close() {
        operations.close();
        adapters.close();
    }
}
