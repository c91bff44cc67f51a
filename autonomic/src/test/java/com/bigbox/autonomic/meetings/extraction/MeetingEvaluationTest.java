package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingEvaluationTest {
    @Test
    void actionItemsAreScoredPerActMicroAveraged() {
        var a = new MeetingEvaluation.Scored("m1", Set.of("a1", "a2"), List.of("a1", "a3"), List.of(), List.of());
        var b = new MeetingEvaluation.Scored("m2", Set.of("b1"), List.of(), List.of(), List.of());
        var f = MeetingEvaluation.actionItems(List.of(a, b));
        assertThat(f.counts()).isEqualTo(new MeetingEvaluation.Counts(1, 1, 2));
        assertThat(f.precision().value()).isEqualTo(0.5);
        assertThat(f.recall().value()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(f.f1().value()).isEqualTo(0.4);
        assertThat(f.f1().low()).isLessThanOrEqualTo(0.4);
        assertThat(f.f1().high()).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void entitiesAreMultisetsOfTypeAndNormalisedText() {
        var gold = List.of(
                new AmiMeeting.Entity("MONEY", "twenty five Euro"),
                new AmiMeeting.Entity("MONEY", "twenty five Euro"),
                new AmiMeeting.Entity("TIME", "ten o'clock"));
        var predicted = List.of(
                new AmiMeeting.Entity("MONEY", "Twenty  five euro,"),
                new AmiMeeting.Entity("TIME", "ten oclock"),
                new AmiMeeting.Entity("MEASURE", "twenty five Euro"),
                new AmiMeeting.Entity("ORG", "Acme"));
        var f = MeetingEvaluation.entities(
                List.of(new MeetingEvaluation.Scored("m", Set.of(), List.of(), gold, predicted)));
        assertThat(f.counts()).isEqualTo(new MeetingEvaluation.Counts(2, 1, 1));
        assertThat(MeetingEvaluation.normalise(" Ten  O'Clock. ")).isEqualTo("ten oclock");
    }

    @Test
    void theBootstrapIntervalIsReproducibleAndWidensWithFewMeetings() {
        var meetings = List.of(
                new MeetingEvaluation.Scored("m1", Set.of("a"), List.of("a"), List.of(), List.of()),
                new MeetingEvaluation.Scored("m2", Set.of("b"), List.of("c"), List.of(), List.of()));
        var first = MeetingEvaluation.actionItems(meetings);
        assertThat(MeetingEvaluation.actionItems(meetings)).isEqualTo(first);
        assertThat(first.f1().low()).isZero();
        assertThat(first.f1().high()).isEqualTo(1.0);
    }
}
