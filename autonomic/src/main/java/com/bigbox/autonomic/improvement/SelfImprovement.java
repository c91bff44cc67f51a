package com.bigbox.autonomic.improvement;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.approvals.ApprovalCommands;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.improvement.loops.ControlLoop;
import com.bigbox.autonomic.improvement.loops.CoverageLoop;
import com.bigbox.autonomic.improvement.loops.DoctrineMonitor;
import com.bigbox.autonomic.improvement.loops.DriftMonitor;
import com.bigbox.autonomic.improvement.loops.EconomicController;
import com.bigbox.autonomic.improvement.loops.LoopActions;
import com.bigbox.autonomic.improvement.loops.LoopRun;
import com.bigbox.autonomic.improvement.loops.SopEvolution;
import com.bigbox.autonomic.improvement.loops.SopProposals;
import com.bigbox.autonomic.improvement.loops.ThresholdCalibration;
import com.bigbox.autonomic.improvement.loops.WeeklyReviewLoop;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.EventFilter;
import com.bigbox.core.EventStore;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.Registration;
import com.bigbox.core.Subscriptions;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-improvement on one engine: the control loops under the doctrine, as recurring durable jobs
 * ({@code loop.<name>}: they survive restarts and each due run happens on one instance), the executor
 * of approved proposals, the weekly review, acknowledging signals and reverting SOP versions.
 */
public final class SelfImprovement {
    public static final String JOB_KEY = "schedule";
    private static final Logger log = LoggerFactory.getLogger(SelfImprovement.class);

    private final Doctrine doctrine;
    private final ImprovementPorts ports;
    private final ProjectionLock lock;
    private final Clock clock;
    private final SopProposals proposals;
    private final ImprovementExecutor executor;
    private final WeeklyReviewLoop review;
    private final List<ControlLoop> loops;

    public SelfImprovement(
            Doctrine doctrine,
            ImprovementPorts ports,
            AgentCatalog agents,
            SopStore sops,
            SopLoader loader,
            ApprovalCommands approvals,
            ProjectionLock lock,
            Clock clock,
            GoLive goLive) {
        this.doctrine = doctrine;
        this.ports = ports;
        this.lock = lock;
        this.clock = clock;
        this.proposals = new SopProposals(loader, sops);
        this.executor = new ImprovementExecutor(proposals, agents, clock);
        var actions = new LoopActions(approvals);
        this.review = new WeeklyReviewLoop(doctrine, ports.facts(), ports.reviews(), agents, goLive, actions);
        this.loops = List.of(
                new DriftMonitor(doctrine, ports.facts(), agents, actions),
                new ThresholdCalibration(doctrine, ports.facts(), agents, actions),
                new CoverageLoop(doctrine, ports.facts(), agents, actions),
                new EconomicController(doctrine, ports.facts(), sops, agents, actions),
                new SopEvolution(doctrine, ports.facts(), sops, proposals, actions),
                new DoctrineMonitor(doctrine, ports.facts(), agents, goLive, actions),
                review);
    }

    public Doctrine doctrine() {
        return doctrine;
    }

    public List<ControlLoop> loops() {
        return loops;
    }

    /**
     * Makes this instance run the loops: handles their jobs, schedules each (once; a schedule that exists
     * keeps its next run, so a restart neither skips nor repeats a run) and follows approvals of proposals.
     */
    public List<Registration> start(
            EventStore store, JobScheduler scheduler, JobRunner jobs, Subscriptions subscriptions) {
        for (ControlLoop loop : loops) {
            jobs.handle(loop.jobKind(), (job, work) -> {
                LoopRun run = runLocked(loop, work);
                if (!run.events().isEmpty() || !run.approvals().isEmpty()) {
                    log.info(
                            "Loop {} at {}: {} events {}, {} approvals requested",
                            loop.name(),
                            clock.instant(),
                            run.events().size(),
                            run.types(),
                            run.approvals().size());
                }
            });
        }
        Instant now = clock.instant();
        store.inTransaction(work -> {
            for (ControlLoop loop : loops) {
                scheduler.scheduleIfAbsent(
                        work,
                        JobRequest.recurring(
                                loop.jobKind(), JOB_KEY, firstRun(loop, now), doctrine.schedule(loop.name())));
            }
            return null;
        });
        var registrations = new ArrayList<Registration>();
        registrations.add(subscriptions.subscribe(
                ImprovementExecutor.SUBSCRIPTION,
                EventFilter.types(ImprovementExecutor.RELEASES),
                Position.START,
                executor));
        log.debug(
                "Self-improvement loops scheduled under doctrine {}: {}",
                doctrine.version(),
                loops.stream()
                        .map(l -> l.name() + " every " + doctrine.schedule(l.name()))
                        .toList());
        return registrations;
    }

    /**
     * The weekly review runs early each Monday (UTC), just after the ISO week it reviews ends, so the
     * doctrine (which asks for it a day later) finds it held; every other loop runs at once, then on its period.
     */
    static Instant firstRun(ControlLoop loop, Instant now) {
        if (!loop.name().equals(WeeklyReviewLoop.NAME)) {
            return now;
        }
        return ReviewWeek.of(now).end().plus(java.time.Duration.ofMinutes(5));
    }

    private LoopRun runLocked(ControlLoop loop, UnitOfWork work) {
        lock.shared(work);
        return loop.run(work, clock.instant());
    }

    /** Runs every loop once now, in {@code work} (a test, or a person asking for it). */
    public List<LoopRun> runAll(UnitOfWork work) {
        return loops.stream().map(l -> runLocked(l, work)).toList();
    }

    public LoopRun run(UnitOfWork work, String name) {
        ControlLoop loop = loops.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no loop " + name + "; loops: "
                        + loops.stream().map(ControlLoop::name).toList()));
        return runLocked(loop, work);
    }

    public WeeklyReview weeklyReview(UnitOfWork work, ReviewWeek week) {
        return review.review(work, week, clock.instant());
    }

    /** A person acknowledges a signal (a drift alert, a gap, a leak, a violation): it stops counting as open. */
    public RecordedEvent acknowledge(UnitOfWork work, UUID signalId, String by) {
        if (by == null || by.isBlank()) {
            throw new com.bigbox.autonomic.InvalidInputException("acknowledged_by", "acknowledged_by is required");
        }
        RecordedEvent signal = work.find(signalId).orElseThrow(() -> new NotFoundException("no signal " + signalId));
        if (ImprovementProjection.kindOf(signal.type()) == null) {
            throw new NotFoundException("event " + signalId + " is a " + signal.type() + ", not an improvement signal");
        }
        var ack = work.append(
                signal.stream(),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        LoopActions.idOf("ack", signalId.toString()),
                        EventTypes.DRIFT_ALERT_ACKNOWLEDGED,
                        "{\"alert_id\": \"" + signalId + "\"}",
                        "{}",
                        signal.correlationId(),
                        signal.eventId(),
                        by,
                        null,
                        clock.instant())));
        if (ack.duplicate()) {
            RecordedEvent earlier = ack.events().getFirst();
            throw new ConflictException("signal " + signalId + " was acknowledged by " + earlier.emittedBy() + " at "
                    + earlier.timestamp());
        }
        return ack.events().getFirst();
    }

    public SopVersion revert(UnitOfWork work, String sopId, String by) {
        return proposals.revert(work, sopId, by);
    }

    public ImprovementPorts ports() {
        return ports;
    }
}
