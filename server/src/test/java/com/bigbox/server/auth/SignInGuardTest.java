package com.bigbox.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.postgres.access.SignInAttempts.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy on given states and times: every attempt counts, a growing delay after five failures (an
 * attempt within it is refused unchecked and counted), a fifteen-minute lock at the tenth, lifted by time.
 * The shared store and the administrator's unlock are exercised over HTTP by LoginLockoutIT.
 */
class SignInGuardTest {
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void fiveAttemptsAreCheckedThenTheDelayGrowsAndTheTenthLocks() {
        Optional<State> state = Optional.empty();
        Instant now = T0;
        for (int i = 1; i <= 5; i++) {
            var step = SignInGuard.step(state, now);
            assertThat(step.refuseFor()).as("attempt " + i + " is checked").isNull();
            assertThat(step.next().failures()).isEqualTo(i);
            state = Optional.of(step.next());
        }
        var tooSoon = SignInGuard.step(state, now.plusMillis(500));
        assertThat(tooSoon.refuseFor()).as("refused unchecked, and counted").isEqualTo(Duration.ofSeconds(2));
        assertThat(tooSoon.next().failures()).isEqualTo(6);
        var waited = SignInGuard.step(state, now.plusSeconds(1));
        assertThat(waited.refuseFor()).as("checked after waiting the delay").isNull();
        state = Optional.of(waited.next());
        now = now.plusSeconds(1);
        for (int failures = 7; failures <= 9; failures++) {
            now = now.plus(SignInGuard.backoff(failures - 1));
            var step = SignInGuard.step(state, now);
            assertThat(step.refuseFor()).isNull();
            state = Optional.of(step.next());
        }
        now = now.plusSeconds(16);
        var tenth = SignInGuard.step(state, now);
        assertThat(tenth.locks()).isTrue();
        assertThat(tenth.refuseFor()).isEqualTo(Duration.ofMinutes(15));
        state = Optional.of(tenth.next());

        var during = SignInGuard.step(state, now.plus(Duration.ofMinutes(14)));
        assertThat(during.refuseFor()).as("still locked, whatever is tried").isEqualTo(Duration.ofMinutes(1));
        assertThat(during.locks()).as("a lock is not started twice").isFalse();
        assertThat(during.next()).as("attempts while locked do not extend it").isEqualTo(state.get());
        var after = SignInGuard.step(state, now.plus(Duration.ofMinutes(15)));
        assertThat(after.refuseFor()).as("unlocked by time").isNull();
        assertThat(after.next().failures()).as("the count starts afresh").isEqualTo(1);
    }

    @Test
    void aHundredRapidGuessesLockTheAccountAtTheTenth() {
        Optional<State> state = Optional.empty();
        int checked = 0;
        int locks = 0;
        for (int i = 0; i < 100; i++) {
            var step = SignInGuard.step(state, T0.plusMillis(i));
            checked += step.refuseFor() == null ? 1 : 0;
            locks += step.locks() ? 1 : 0;
            state = Optional.of(step.next());
        }
        assertThat(checked).as("only the first five were checked").isEqualTo(5);
        assertThat(locks).isEqualTo(1);
        assertThat(SignInGuard.step(state, T0.plusSeconds(1)).refuseFor()).isPositive();
    }

    @Test
    void failuresLongAgoAreForgotten() {
        var old = Optional.of(new State(8, T0, null));
        assertThat(SignInGuard.step(old, T0.plus(Duration.ofMinutes(16))).next().failures())
                .isEqualTo(1);
    }
}
