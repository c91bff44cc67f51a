package com.bigbox.autonomic.chaos;

import com.bigbox.core.AppendResult;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Wraps a durable subscription's handler (an agent's, typically) so that the faults in force reach
 * it: the event is handled late, not at all, with an exception, or with its emitted events' confidence
 * lowered. Decisions are the same on every instance and redelivery, protected event types always pass.
 *
 * <pre>{@code subscriptions.subscribe(name, filter, start, FaultInjectingHandler.wrap(name, handler, faults, clock));}</pre>
 */
public final class FaultInjectingHandler implements SubscriptionHandler {
    private final String subscription;
    private final SubscriptionHandler delegate;
    private final ActiveFaults faults;
    private final Clock clock;

    private FaultInjectingHandler(String subscription, SubscriptionHandler delegate, ActiveFaults faults, Clock clock) {
        this.subscription = subscription;
        this.delegate = delegate;
        this.faults = faults;
        this.clock = clock;
    }

    public static SubscriptionHandler wrap(
            String subscription, SubscriptionHandler delegate, ActiveFaults faults, Clock clock) {
        return new FaultInjectingHandler(subscription, delegate, faults, clock);
    }

    @Override
    public void handle(RecordedEvent event, UnitOfWork work) throws Exception {
        FaultDecision decision =
                FaultDecision.decide(faults.current(), subscription, event.type(), event.eventId(), clock.instant());
        switch (decision) {
            case FaultDecision.Pass pass -> delegate.handle(event, work);
            case FaultDecision.Delay delay -> {
                faults.hit(delay.fault(), subscription, event.eventId(), "delayed");
                Thread.sleep(delay.by());
                delegate.handle(event, work);
            }
            case FaultDecision.Drop drop -> faults.hit(drop.fault(), subscription, event.eventId(), "dropped");
            case FaultDecision.Fail fail -> {
                faults.hit(fail.fault(), subscription, event.eventId(), "failed");
                throw new InjectedFailure(
                        subscription, event.eventId(), fail.fault().id());
            }
            case FaultDecision.LowerConfidence lower -> {
                faults.hit(lower.fault(), subscription, event.eventId(), "confidence_lowered");
                delegate.handle(event, new LoweringConfidence(work, lower.by()));
            }
        }
    }

    /** The handler's unit of work, with every emitted event's confidence lowered (never below 0). */
    private record LoweringConfidence(UnitOfWork work, double by) implements UnitOfWork {
        @Override
        public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
            return work.append(
                    stream, expected, events.stream().map(this::lower).toList());
        }

        private NewEvent lower(NewEvent e) {
            return e.confidence() == null
                    ? e
                    : e.withConfidence(Confidence.of(Math.max(0, e.confidence().value() - by)));
        }

        @Override
        public List<RecordedEvent> readStream(StreamId stream, long fromSequence) {
            return work.readStream(stream, fromSequence);
        }

        @Override
        public List<RecordedEvent> readAll(Position after, int limit, Set<String> eventTypes) {
            return work.readAll(after, limit, eventTypes);
        }

        @Override
        public Position head() {
            return work.head();
        }

        @Override
        public Optional<Position> positionOf(long globalPosition) {
            return work.positionOf(globalPosition);
        }

        @Override
        public Optional<RecordedEvent> find(UUID eventId) {
            return work.find(eventId);
        }

        @Override
        public long version(StreamId stream) {
            return work.version(stream);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return work.unwrap(type);
        }
    }
}
