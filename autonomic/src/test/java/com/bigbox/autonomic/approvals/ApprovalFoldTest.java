package com.bigbox.autonomic.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.ApprovalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An approval row is the fold of its events: given these events, this row (what live and replay both write). */
class ApprovalFoldTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID ID = UUID.randomUUID();
    static final UUID DECISION = UUID.randomUUID();
    static final UUID FLOW = UUID.randomUUID();

    static Approval requested(int requiredApprovals, boolean silence) {
        var requested = new ApprovalEvent.Requested(
                "client-a",
                ID,
                DECISION,
                "QUOTE_GENERATED",
                "StrategyAgent",
                "Send the quote",
                "contract",
                0.62,
                List.of("below threshold"),
                "manager",
                "high",
                T0.plus(Duration.ofHours(48)),
                requiredApprovals,
                Map.of("client_id", "client-a", "amount", 5000),
                List.of(DECISION),
                silence,
                T0.plus(Duration.ofHours(24)));
        return Approval.requested(requested, FLOW, T0);
    }

    @Test
    void aRequestOpensAPendingRowWithEverythingTheQueueShows() {
        Approval a = requested(1, false);
        assertThat(a.pending()).isTrue();
        assertThat(a.correlationId()).isEqualTo(FLOW);
        assertThat(a.createdAt()).isEqualTo(T0).isEqualTo(a.updatedAt());
        assertThat(a.decisionContext()).contains("\"amount\":5000");
        assertThat(a.evidence()).containsExactly(DECISION);
        assertThat(a.assignedRole()).isEqualTo("manager");
    }

    @Test
    void aChainRecordsEachApproverAndResolvesModifiedWhenAnyoneChangedIt() {
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        Approval a = requested(2, false)
                .apply(
                        new ApprovalEvent.StepApproved(
                                "client-a", ID, "jordan", 1, 2, "checked", Map.of("amount", 4500)),
                        t1);
        assertThat(a.pending()).isTrue();
        assertThat(a.approvedBy()).containsExactly("jordan");
        assertThat(a.modificationsMap()).containsEntry("amount", 4500);
        assertThat(a.resolutionNotes()).isEqualTo("checked");

        Approval done = a.apply(
                new ApprovalEvent.Overridden(
                        "client-a",
                        ID,
                        DECISION,
                        "QUOTE_GENERATED",
                        "StrategyAgent",
                        "ceo",
                        "checked",
                        Map.of("amount", 4500)),
                t2);
        assertThat(done.status()).isEqualTo("approved");
        assertThat(done.resolution()).isEqualTo("modified");
        assertThat(done.approvedBy()).containsExactly("jordan", "ceo");
        assertThat(done.resolvedBy()).isEqualTo("ceo");
        assertThat(done.resolvedAt()).isEqualTo(t2).isEqualTo(done.updatedAt());
    }

    @Test
    void expiryEscalatesRaisingPriorityThenSilenceOrNobodyEndsIt() {
        Instant t1 = T0.plus(Duration.ofHours(48));
        Approval escalated = requested(1, false)
                .apply(
                        new ApprovalEvent.Escalated(
                                "client-a",
                                ID,
                                "manager",
                                "ceo",
                                1,
                                t1.plus(Duration.ofHours(48)),
                                "critical",
                                t1.plus(Duration.ofHours(24))),
                        t1);
        assertThat(escalated.assignedRole()).isEqualTo("ceo");
        assertThat(escalated.escalationLevel()).isEqualTo(1);
        assertThat(escalated.priority()).isEqualTo("critical");
        assertThat(escalated.timeoutAt()).isEqualTo(t1.plus(Duration.ofHours(48)));

        Approval expired = escalated.apply(
                new ApprovalEvent.Expired("client-a", ID, DECISION, "ceo"), t1.plus(Duration.ofHours(48)));
        assertThat(expired.status()).isEqualTo("timeout");
        assertThat(expired.resolution()).isEqualTo("expired");
        assertThat(expired.resolutionNotes()).isEqualTo("no answer from ceo, nobody left to escalate to");

        Approval silent = requested(1, true)
                .apply(
                        new ApprovalEvent.ApprovedBySilence(
                                "client-a",
                                ID,
                                DECISION,
                                "QUOTE_GENERATED",
                                "StrategyAgent",
                                T0.plus(Duration.ofHours(48)).plusNanos(123_456)),
                        t1);
        assertThat(silent.resolution()).isEqualTo("approved_by_silence");
        assertThat(silent.resolvedBy()).isEqualTo("system:silence");
        assertThat(silent.resolutionNotes())
                .isEqualTo("no answer by 2026-03-04T09:00:00Z; the action class lets silence approve");
    }

    @Test
    void workOnThePendingRowChangesOnlyWhatItSays() {
        Instant t1 = T0.plusSeconds(30);
        Approval a = requested(1, false)
                .apply(new ApprovalEvent.Assigned("client-a", ID, "finance", "pat", "jordan"), t1)
                .apply(new ApprovalEvent.InfoRequested("client-a", ID, "pat", "Which budget?", UUID.randomUUID()), t1)
                .apply(new ApprovalEvent.ReminderSent("client-a", ID, "finance", "pat", "jordan"), t1);
        assertThat(a.assignedRole()).isEqualTo("finance");
        assertThat(a.assignedTo()).isEqualTo("pat");
        assertThat(a.infoRequested()).isTrue();
        assertThat(a.remindersSent()).isEqualTo(1);
        assertThat(a.lastRemindedAt()).isEqualTo(t1);
        assertThat(a.pending()).isTrue();
        Approval commented =
                a.apply(new ApprovalEvent.Commented("client-a", ID, UUID.randomUUID(), "sam", "ok"), t1.plusSeconds(5));
        assertThat(commented)
                .as("a comment is its own row; the approval does not change")
                .isSameAs(a);
    }
}
