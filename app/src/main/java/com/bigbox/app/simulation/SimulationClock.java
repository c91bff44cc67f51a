package com.bigbox.app.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Business time that moves only when the driver moves it: the engine sees the same instants in every run
 * of a seed, whatever the wall does, so the same seed gives the same result.
 */
public final class SimulationClock extends Clock {
    private final AtomicReference<Instant> now;

    public SimulationClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves business time forward to {@code to}; never backwards (events keep their order in time). */
    public void advanceTo(Instant to) {
        now.accumulateAndGet(to, (current, next) -> next.isAfter(current) ? next : current);
    }

    public void advance(Duration by) {
        advanceTo(instant().plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
