package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ConfidenceSample;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.MeetingAttendance;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.RaisedSignal;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.autonomic.improvement.loops.DriftMonitor;
import com.bigbox.autonomic.improvement.loops.DriftMonitor.Alert;
import com.bigbox.autonomic.improvement.loops.DriftMonitor.Observations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    static final Doctrine.DriftBounds BOUNDS = Doctrine.shipped().loops().drift();
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    static List<SopRun> cycleTimes(double first, double second, int each) {
        var runs = new ArrayList<SopRun>();
        for (int i = 0; i < 2 * each; i++) {
            runs.add(new SopRun(
                    UUID.randomUUID(),
                    "proposal-and-quote",
                    1,
                    T0.plusSeconds(i * 3600L),
                    i < each ? first : second,
                    0.8,
                    BigDecimal.ONE));
        }
        return runs;
    }

    static List<ApprovalOutcome> overrides(String person, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new ApprovalOutcome(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "IntakeAgent",
                        "LEAD_QUALIFIED",
                        0.7,
                        i % 2 == 0 ? "modified" : "rejected",
                        person,
                        T0))
                .toList();
    }

    static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");

    static List<Alert> plan(
            List<SopRun> runs,
            List<ApprovalOutcome> overrides,
            List<MeetingAttendance> meetings,
            List<ConfidenceSample> confidences,
            Map<String, RaisedSignal> raised) {
        return DriftMonitor.plan(new Observations(NOW, runs, overrides, meetings, confidences, raised), BOUNDS);
    }

    @Test
    void cycleTimeMovingBeyond20PercentIsProcessDriftAndBeyond30APersonsBusiness() {
        assertThat(plan(cycleTimes(10, 11.9, 5), List.of(), List.of(), List.of(), Map.of()))
                .as("+19%")
                .isEmpty();
        assertThat(plan(cycleTimes(10, 12.5, 5), List.of(), List.of(), List.of(), Map.of()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(EventTypes.PROCESS_DRIFT_DETECTED);
                    assertThat(a.requiresHuman()).isFalse();
                    var d = (ImprovementEvent.ProcessDriftDetected) a.event();
                    assertThat(d.change()).isEqualTo(0.25);
                    assertThat(d.samples()).isEqualTo(10);
                });
        assertThat(plan(cycleTimes(10, 6.5, 5), List.of(), List.of(), List.of(), Map.of()))
                .singleElement()
                .satisfies(a -> assertThat(a.requiresHuman()).as("-35%").isTrue());
        assertThat(plan(cycleTimes(10, 20, 4), List.of(), List.of(), List.of(), Map.of()))
                .as("8 samples are too few")
                .isEmpty();
    }

    @Test
    void moreThanTenOverridesByOnePersonInAWeekIsFatigue() {
        var o = new ArrayList<>(overrides("sam", 10));
        o.addAll(overrides("kim", 11));
        o.addAll(overrides("ceo", 21));
        List<Alert> alerts = plan(List.of(), o, List.of(), List.of(), Map.of());
        assertThat(alerts).extracting(Alert::subject).containsExactly("ceo", "kim");
        assertThat(alerts).extracting(Alert::requiresHuman).containsExactly(true, false);
    }

    @Test
    void clientsMissingMeetingsDecay() {
        var meetings = new ArrayList<MeetingAttendance>();
        for (int i = 0; i < 5; i++) {
            meetings.add(new MeetingAttendance(UUID.randomUUID(), "c-half", i < 3, T0)); // 0.6: fine
            meetings.add(new MeetingAttendance(UUID.randomUUID(), "c-low", i < 2, T0)); // 0.4: decay, not < 0.4
            meetings.add(new MeetingAttendance(UUID.randomUUID(), "c-gone", i < 1, T0)); // 0.2: a person looks
        }
        List<Alert> alerts = plan(List.of(), List.of(), meetings, List.of(), Map.of());
        assertThat(alerts).extracting(Alert::subject).containsExactly("c-gone", "c-low");
        assertThat(alerts).extracting(Alert::requiresHuman).containsExactly(true, false);
    }

    @Test
    void confidencesBunchedAbove09OrBelow07NeedCalibration() {
        var samples = new ArrayList<ConfidenceSample>();
        for (int i = 0; i < 20; i++) {
            samples.add(new ConfidenceSample(UUID.randomUUID(), "FinanceAgent", i < 17 ? 0.95 : 0.8, T0));
            samples.add(
                    new ConfidenceSample(UUID.randomUUID(), "IntakeAgent", i < 16 ? 0.95 : 0.8, T0)); // 80%: not above
        }
        List<Alert> alerts = plan(List.of(), List.of(), List.of(), samples, Map.of());
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("FinanceAgent");
            assertThat(((ImprovementEvent.ConfidenceCalibrationRequired) a.event()).direction())
                    .isEqualTo("overconfident");
        });
    }

    @Test
    void anEqualAlertIsNotRaisedWhileOpenNorWithinAWeekOfTheLast() {
        String key = DriftMonitor.key(EventTypes.PROCESS_DRIFT_DETECTED, "proposal-and-quote");
        var open = new RaisedSignal(
                EventTypes.PROCESS_DRIFT_DETECTED, "proposal-and-quote", NOW.minus(Duration.ofDays(30)), true);
        assertThat(plan(cycleTimes(10, 15, 5), List.of(), List.of(), List.of(), Map.of(key, open)))
                .isEmpty();
        var recent = new RaisedSignal(
                EventTypes.PROCESS_DRIFT_DETECTED, "proposal-and-quote", NOW.minus(Duration.ofDays(6)), false);
        assertThat(plan(cycleTimes(10, 15, 5), List.of(), List.of(), List.of(), Map.of(key, recent)))
                .isEmpty();
        var old = new RaisedSignal(
                EventTypes.PROCESS_DRIFT_DETECTED, "proposal-and-quote", NOW.minus(Duration.ofDays(8)), false);
        assertThat(plan(cycleTimes(10, 15, 5), List.of(), List.of(), List.of(), Map.of(key, old)))
                .hasSize(1);
    }
}
