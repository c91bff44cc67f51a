package com.bigbox.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Business time that runs {@code speed} times faster than the wall, from now: a demo day passes in seconds. */
public final class DemoClock extends Clock {
    private final Instant origin;
    private final long startNanos;
    private final double speed;

    public DemoClock(double speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("--speed must be at least 1, was " + speed);
        }
        this.origin = Instant.now();
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    public double speed() {
        return speed;
    }

    /** How long the wall waits for {@code business} time to pass. */
    public Duration wallTime(Duration business) {
        return Duration.ofNanos((long) (business.toNanos() / speed));
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
