package com.bigbox.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Backoff after five failures, a fifteen-minute lock after ten, lifted by time or an administrator; on a test clock. */
class SignInGuardTest {
    private final MovableClock clock = new MovableClock();
    private final SignInGuard guard = new SignInGuard(clock);

    @Test
    void aHundredGuessesCannotBeMadeAndTheRightPasswordWaitsOutTheLock() {
        for (int i = 0; i < 4; i++) {
            guard.failed("ceo@example.com");
        }
        assertThat(guard.wait("ceo@example.com")).as("four failures: no delay yet").isEmpty();
        guard.failed("ceo@example.com");
        assertThat(guard.wait("ceo@example.com")).contains(Duration.ofSeconds(1));
        for (int failures = 6; failures <= 9; failures++) {
            clock.advance(SignInGuard.backoff(failures - 1));
            assertThat(guard.wait("ceo@example.com")).isEmpty();
            guard.failed("ceo@example.com");
            assertThat(guard.wait("ceo@example.com")).as("growing delay").contains(SignInGuard.backoff(failures));
        }
        clock.advance(Duration.ofSeconds(16));
        SignInGuard.Failure tenth = guard.failed("ceo@example.com");
        assertThat(tenth.locked()).isTrue();
        assertThat(guard.wait("ceo@example.com")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14));
        assertThat(guard.wait("ceo@example.com")).as("still locked, whatever is tried").contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.wait("ceo@example.com")).as("unlocked by time").isEmpty();
        assertThat(guard.failed("ceo@example.com").failures()).as("the count starts afresh").isEqualTo(1);
    }

    @Test
    void anAdministratorUnlocksAndASuccessForgetsTheFailures() {
        for (int i = 0; i < 10; i++) {
            guard.failed("employee@example.com");
        }
        assertThat(guard.wait("employee@example.com")).isPresent();
        assertThat(guard.unlock("employee@example.com")).isTrue();
        assertThat(guard.wait("employee@example.com")).isEmpty();
        guard.failed("employee@example.com");
        guard.succeeded("employee@example.com");
        assertThat(guard.failed("employee@example.com").failures()).isEqualTo(1);
    }

    @Test
    void accountsThatDoNotExistAreCountedTheSameWay() {
        for (int i = 0; i < 5; i++) {
            guard.failed("nobody@example.com");
            guard.failed("someone@example.com");
        }
        assertThat(guard.wait("nobody@example.com")).isEqualTo(guard.wait("someone@example.com"));
        assertThat(guard.wait("other@example.com")).as("per account").isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
