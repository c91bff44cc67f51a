package com.bigbox.autonomic.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.SopEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An SOP run is the fold of its events: given these events, these rows (what live and replay both write). */
class SopExecutionFoldTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID ID = UUID.randomUUID();

    static SopExecution started() {
        return SopExecution.started(
                new SopEvent.ExecutionStarted(
                        "client-a",
                        ID,
                        "lead-intake",
                        2,
                        UUID.randomUUID(),
                        "LEAD_INQUIRY_RECEIVED",
                        2,
                        List.of(
                                new SopEvent.InitialStep("validate", 0, "Validate", "full", StepState.READY, true),
                                new SopEvent.InitialStep("qualify", 1, "Qualify", "assisted", StepState.PENDING, true),
                                new SopEvent.InitialStep("by_hand", 2, "By hand", "manual", StepState.STANDBY, false))),
                UUID.randomUUID(),
                T0);
    }

    @Test
    void stepsBecomeReadyCompleteAndTheRunEndsSkippingWhatItDidNotNeed() {
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(3600);
        SopExecution x = started()
                .apply(
                        new SopEvent.StepCompleted(
                                "client-a",
                                ID,
                                "lead-intake",
                                "validate",
                                true,
                                BigDecimal.ZERO,
                                new BigDecimal("0.50"),
                                UUID.randomUUID(),
                                "LEAD_INQUIRY_RECEIVED",
                                false),
                        T0)
                .apply(
                        new SopEvent.StepReady("client-a", ID, "lead-intake", "qualify", null, t1.plusSeconds(14_400)),
                        t1)
                .apply(
                        new SopEvent.StepCompleted(
                                "client-a",
                                ID,
                                "lead-intake",
                                "qualify",
                                false,
                                new BigDecimal("5"),
                                new BigDecimal("8.33"),
                                UUID.randomUUID(),
                                "LEAD_QUALIFIED",
                                true),
                        t2);
        assertThat(x.steps()).extracting(StepState::status).containsExactly("completed", "completed", "standby");
        assertThat(x.steps().get(1).readyAt()).isEqualTo(t1);
        assertThat(x.corrections()).as("a person changed the qualification").isEqualTo(1);

        SopExecution done = x.apply(
                new SopEvent.ExecutionCompleted(
                        "client-a",
                        ID,
                        "lead-intake",
                        2,
                        T0,
                        t2,
                        new BigDecimal("1.00"),
                        2,
                        1,
                        new BigDecimal("0.50"),
                        new BigDecimal("0.08"),
                        new BigDecimal("8.83"),
                        new BigDecimal("0.75"),
                        "every required step done"),
                t2);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.completedAt()).isEqualTo(t2);
        assertThat(done.steps()).extracting(StepState::status).containsExactly("completed", "completed", "skipped");
        assertThat(done.outcome())
                .contains("\"result\":\"completed\"", "\"how\":\"every required step done\"", "\"corrections\":1");
    }

    @Test
    void aRefusedStepFallsBackOrEscalatesOrFailsTheRun() {
        Instant t1 = T0.plusSeconds(60);
        SopExecution fallback = started()
                .apply(
                        new SopEvent.StepFailed(
                                "client-a", ID, "lead-intake", "qualify", "by_hand", "a person refused LEAD_QUALIFIED"),
                        t1);
        assertThat(fallback.steps())
                .extracting(StepState::status, StepState::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ready", true),
                        org.assertj.core.groups.Tuple.tuple("failed", false),
                        org.assertj.core.groups.Tuple.tuple("ready", true));
        assertThat(fallback.corrections()).isEqualTo(1);

        SopExecution escalated = started()
                .apply(
                        new SopEvent.ExecutionEscalated(
                                "client-a",
                                ID,
                                "lead-intake",
                                "qualify",
                                "a person refused LEAD_QUALIFIED",
                                "TASK-1",
                                true),
                        t1);
        assertThat(escalated.status()).isEqualTo("escalated");
        assertThat(escalated.steps().get(1).taskId()).isEqualTo("TASK-1");
        assertThat(escalated.running()).isTrue();

        SopExecution failed = started()
                .apply(
                        new SopEvent.ExecutionFailed(
                                "client-a",
                                ID,
                                "lead-intake",
                                "qualify",
                                "a person refused LEAD_QUALIFIED at step qualify",
                                new BigDecimal("0.02")),
                        t1);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.completedAt()).isEqualTo(t1);
        assertThat(failed.outcome()).contains("\"result\":\"failed\"");
    }
}
