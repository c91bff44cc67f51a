package com.bigbox.app.demo;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.EventStore;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people of the demo's stories as the engine meets them: they wait for what the agents do, decide what
 * they are asked as a person would (or leave it to silence), and record what happened outside (a meeting, a
 * payment) as facts, on the demo's accelerated clock.
 */
final class DemoPeople {
    // The demo logs as one thing, as it did before its story was split out.
    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

    private final AutonomicOperations ops;
    private final EventStore store;
    private final DemoClock clock;

    DemoPeople(AutonomicOperations ops, EventStore store, DemoClock clock) {
        this.ops = ops;
        this.store = store;
        this.clock = clock;
    }

    // Waits for the decision to take effect; if a person must decide, decides as one (or lets silence decide).
    boolean released(RecordedEvent decision, Random random, double rejectRate) {
        for (int i = 0; i < 200; i++) {
            if (releaseOf(decision)) {
                return true;
            }
            Optional<Approval> pending =
                    store
                            .inTransaction(w -> ops.approvals()
                                    .list(w, ApprovalFilter.pending().withLimit(500)))
                            .stream()
                            .filter(a -> a.eventId().equals(decision.eventId()))
                            .findFirst();
            if (pending.isPresent()) {
                sleep(Duration.ofHours(1 + random.nextInt(5)));
                double roll = random.nextDouble();
                Approval a = pending.get();
                if (roll < rejectRate) {
                    decide(a, new DecisionCommand.Reject("demo:jordan", "not a fit for us right now"));
                    return false;
                }
                if (roll < 0.85 || !a.silenceApproves()) {
                    decide(
                            a,
                            new DecisionCommand.Approve(
                                    a.assignedRole().equals("finance") ? "demo:pat" : "demo:sam", "checked"));
                } else {
                    log.debug("Demo: leaving approval {} to silence", a.approvalId());
                    sleep(Duration.ofHours(25));
                }
            } else {
                sleepWall(Duration.ofMillis(200));
            }
        }
        return releaseOf(decision);
    }

    private void decide(Approval approval, DecisionCommand command) {
        try {
            store.inTransaction(w -> ops.approvals().decide(w, approval.approvalId(), command));
        } catch (com.bigbox.autonomic.ConflictException alreadyDecided) {
            // silence or another person got there first: that is the story too
        }
    }

    private boolean releaseOf(RecordedEvent decision) {
        return store.readStream(decision.stream(), 1).stream()
                        .anyMatch(e -> e.type().equals("AUTONOMIC_DECISION_EXECUTED")
                                && decision.eventId().equals(e.causationId()))
                || approvalReleased(decision);
    }

    // A person's (or silence's) release is on the approval's stream; the approval id is derived from the decision.
    private boolean approvalReleased(RecordedEvent decision) {
        UUID approval = UUID.nameUUIDFromBytes(
                ("approval/" + decision.eventId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return store.readStream(StreamId.of("APPROVAL", approval.toString()), 1).stream()
                .anyMatch(e -> Set.of("HUMAN_APPROVAL_GRANTED", "HUMAN_OVERRIDE", "APPROVED_BY_SILENCE")
                        .contains(e.type()));
    }

    /** The first event of {@code type} in {@code flow}, awaited for {@code business} time (at least 20 s of wall time). */
    Optional<RecordedEvent> await(UUID flow, String type, Duration business) {
        long deadline = System.nanoTime()
                + Math.max(
                        clock.wallTime(business).toNanos(),
                        Duration.ofSeconds(20).toNanos());
        while (System.nanoTime() < deadline) {
            Optional<RecordedEvent> found = store.readAll(Position.START, 100_000, Set.of(type)).stream()
                    .filter(e -> e.correlationId().equals(flow))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            sleepWall(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    /** Appends a fact to {@code stream}, in the flow it continues, at the demo clock's time. */
    void post(StreamId stream, String type, Map<String, Object> payload, String by) {
        store.inTransaction(w -> w.append(
                stream,
                ExpectedVersion.any(),
                List.of(Flows.continuing(
                        w,
                        stream,
                        NewEvent.of(type, EventCodec.write(payload))
                                .emittedBy(by)
                                .at(clock.instant())))));
    }

    /** Lets {@code business} time pass on the demo's clock. */
    void sleep(Duration business) {
        sleepWall(clock.wallTime(business));
    }

    static void sleepWall(Duration wall) {
        try {
            Thread.sleep(wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demo was interrupted", e);
        }
    }
}
