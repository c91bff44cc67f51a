package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalComment;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.AuditEntry;
import com.bigbox.autonomic.approvals.BulkResult;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.core.RecordedEvent;
import com.bigbox.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decisions below the bar go to people, and the flow continues from what they (or their silence) decide. */
class HumanApprovalIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "approvals", clock);
        engine.loadShippedSops();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static RecordedEvent bareLead(String name) {
        return engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                name,
                                name.toLowerCase().replace(' ', '.') + "@example.com",
                                null,
                                null,
                                null,
                                "Hello, can you help us?",
                                null,
                                "test",
                                null)));
    }

    static RecordedEvent qualificationOf(RecordedEvent inquiry) {
        return engine.awaitEvent("LEAD_QUALIFIED", e -> e.correlationId().equals(inquiry.correlationId()));
    }

    @Test
    void aLowConfidenceLeadGoesToAPersonAndContinuesAfterApproval() {
        RecordedEvent inquiry = bareLead("Test Client");
        RecordedEvent qualified = qualificationOf(inquiry);
        assertThat(qualified.confidence().value()).isEqualTo(0.50);
        Approval approval = engine.awaitPendingApproval(qualified.eventId());
        assertThat(approval.assignedRole()).isEqualTo("employee");
        assertThat(approval.actionClass()).isEqualTo("routine");
        assertThat(approval.decisionContext()).contains("confidence 0.50 is below IntakeAgent's threshold 0.75");
        assertThat(engine.ofType("HUMAN_APPROVAL_REQUESTED")).anySatisfy(e -> {
            assertThat(e.correlationId()).isEqualTo(inquiry.correlationId());
            assertThat(e.causationId()).isEqualTo(qualified.eventId());
        });
        engine.awaitQuiet();
        assertThat(engine.flow(inquiry.correlationId()))
                .extracting(RecordedEvent::type)
                .doesNotContain("MEETING_SCHEDULED");

        engine.tx(w -> engine.ops()
                .approvals()
                .decide(w, approval.approvalId(), new DecisionCommand.Approve("sam", "looks real")));
        RecordedEvent granted = engine.awaitRelease(qualified.eventId());
        assertThat(granted.type()).isEqualTo("HUMAN_APPROVAL_GRANTED");
        assertThat(granted.emittedBy()).isEqualTo("sam");
        RecordedEvent meeting =
                engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(inquiry.correlationId()));
        assertThat(meeting.causationId()).isEqualTo(granted.eventId());
        assertThat(meeting.confidence().value())
                .as("a person vouched for the lead")
                .isEqualTo(0.90);
        assertThat(meeting.metadata()).contains("a person approved the qualification");
    }

    @Test
    void anUnansweredRoutineApprovalIsApprovedBySilenceWhenItExpires() {
        RecordedEvent inquiry = bareLead("Silent Client");
        RecordedEvent qualified = qualificationOf(inquiry);
        Approval approval = engine.awaitPendingApproval(qualified.eventId());
        assertThat(approval.silenceApproves()).isTrue();
        assertThat(approval.timeoutAt()).isEqualTo(approval.createdAt().plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(25));
        RecordedEvent silence = engine.awaitRelease(qualified.eventId());
        assertThat(silence.type()).isEqualTo("APPROVED_BY_SILENCE");
        engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(inquiry.correlationId()));
        Approval after = engine.tx(w -> engine.ops().approvals().get(w, approval.approvalId()));
        assertThat(after.status()).isEqualTo("approved");
        assertThat(after.resolution()).isEqualTo("approved_by_silence");
        assertThat(after.resolvedBy()).isEqualTo("system:silence");
        assertThat(engine.rows(
                        "select count(*) from scheduled_jobs where job_key = ? and kind = 'approval.expire' and status = 'done'",
                        approval.approvalId().toString()))
                .containsExactly("1");
        assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                        .approvals()
                        .decide(w, approval.approvalId(), new DecisionCommand.Reject("sam", "too late"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("approved by silence");
    }

    @Test
    void anUnansweredFinancialApprovalEscalatesRoleByRoleThenExpires() {
        RecordedEvent quote = strategyDecision(
                "QUOTE_GENERATED", 0.95, "{\"amount\": 30000, \"client_id\": \"client-esc\"}", "financial");
        Approval approval = engine.awaitPendingApproval(quote.eventId());
        assertThat(approval.assignedRole()).isEqualTo("finance");
        assertThat(approval.silenceApproves()).isFalse();

        clock.advance(Duration.ofHours(25));
        await().atMost(10, SECONDS).until(() -> current(approval).escalationLevel() == 1);
        assertThat(current(approval).assignedRole()).isEqualTo("manager");
        assertThat(current(approval).priority()).isEqualTo("critical");
        clock.advance(Duration.ofHours(25));
        await().atMost(10, SECONDS).until(() -> current(approval).escalationLevel() == 2);
        assertThat(current(approval).assignedRole()).isEqualTo("ceo");
        clock.advance(Duration.ofHours(25));
        await().atMost(10, SECONDS).until(() -> !current(approval).pending());
        Approval expired = current(approval);
        assertThat(expired.status()).isEqualTo("timeout");
        assertThat(expired.resolution()).isEqualTo("expired");
        assertThat(engine.ofType("HUMAN_APPROVAL_ESCALATED"))
                .filteredOn(e -> e.stream().id().equals(approval.approvalId().toString()))
                .hasSize(2);
        assertThat(engine.ofType("HUMAN_APPROVAL_EXPIRED"))
                .anySatisfy(e -> assertThat(e.payload()).contains("\"last_role\": \"ceo\""));
        assertThat(audit(approval))
                .extracting(a -> a.action())
                .containsExactly("requested", "reminded", "escalated", "reminded", "escalated", "reminded", "expired");
        engine.awaitQuiet();
        assertThat(engine.flow(quote.correlationId()))
                .extracting(RecordedEvent::type)
                .doesNotContain("AUTONOMIC_DECISION_EXECUTED", "HUMAN_APPROVAL_GRANTED", "APPROVED_BY_SILENCE");
    }

    @Test
    void twoPeopleDecidingAtOnceExactlyOneWinsTheOtherGetsAConflict() throws Exception {
        RecordedEvent qualified = qualificationOf(bareLead("Race Client"));
        Approval approval = engine.awaitPendingApproval(qualified.eventId());
        int people = 8;
        var wins = new AtomicInteger();
        var conflicts = new ArrayList<String>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(people)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String who = "operator-" + i;
                DecisionCommand command =
                        i % 2 == 0 ? new DecisionCommand.Approve(who, null) : new DecisionCommand.Reject(who, "no");
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        engine.tx(w -> engine.ops().approvals().decide(w, approval.approvalId(), command));
                        wins.incrementAndGet();
                    } catch (ConflictException e) {
                        synchronized (conflicts) {
                            conflicts.add(e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(wins).hasValue(1);
        assertThat(conflicts).hasSize(people - 1).allSatisfy(m -> assertThat(m).contains("is no longer pending"));
        String stream = approval.approvalId().toString();
        long decisions = engine.ofType("HUMAN_APPROVAL_GRANTED").stream()
                        .filter(e -> e.stream().id().equals(stream))
                        .count()
                + engine.ofType("HUMAN_APPROVAL_REJECTED").stream()
                        .filter(e -> e.stream().id().equals(stream))
                        .count();
        assertThat(decisions).isEqualTo(1);
        assertThat(audit(approval))
                .filteredOn(a -> a.action().equals("approved") || a.action().equals("rejected"))
                .hasSize(1);
    }

    @Test
    void badDecisionsAreRefusedWithTheFieldNamedAndChangeNothing() {
        RecordedEvent qualified = qualificationOf(bareLead("Careful Client"));
        Approval approval = engine.awaitPendingApproval(qualified.eventId());
        long eventsBefore = engine.ofType("HUMAN_APPROVAL_GRANTED").size()
                + engine.ofType("HUMAN_OVERRIDE").size();
        int auditBefore = audit(approval).size();

        assertThatThrownBy(() -> new DecisionCommand.Approve(" ", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("decided_by"));
        assertThatThrownBy(() -> new DecisionCommand.Reject("sam", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("notes"));
        assertThatThrownBy(() -> DecisionCommand.parse("maybe", "sam", null, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("decision"));
        assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                        .approvals()
                        .decide(
                                w,
                                approval.approvalId(),
                                new DecisionCommand.Modify("sam", "raise the score", Map.of("invented_field", 1)))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("modifications.invented_field"));
        assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                        .approvals()
                        .decide(w, UUID.randomUUID(), new DecisionCommand.Approve("sam", null))))
                .isInstanceOf(NotFoundException.class);

        assertThat(current(approval).pending()).isTrue();
        assertThat(audit(approval)).hasSize(auditBefore);
        assertThat(engine.ofType("HUMAN_APPROVAL_GRANTED").size()
                        + engine.ofType("HUMAN_OVERRIDE").size())
                .isEqualTo(eventsBefore);

        // A valid modification: the flow continues with the decision as the person changed it.
        engine.tx(w -> engine.ops()
                .approvals()
                .decide(
                        w,
                        approval.approvalId(),
                        new DecisionCommand.Modify("sam", "they are a priority account", Map.of("priority", "high"))));
        RecordedEvent override = engine.awaitRelease(qualified.eventId());
        assertThat(override.type()).isEqualTo("HUMAN_OVERRIDE");
        RecordedEvent meeting =
                engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(qualified.correlationId()));
        assertThat(meeting.payload()).contains("\"priority\": \"high\"");
        assertThat(current(approval).resolution()).isEqualTo("modified");
    }

    @Test
    void aProtectedActionNeedsTwoDifferentApprovers() {
        RecordedEvent contract = strategyDecision(
                "QUOTE_GENERATED", 0.99, "{\"amount\": 5000, \"client_id\": \"client-dual\"}", "contract");
        Approval approval = engine.awaitPendingApproval(contract.eventId());
        assertThat(approval.requiredApprovals()).isEqualTo(2);
        Approval first = engine.tx(w ->
                engine.ops().approvals().decide(w, approval.approvalId(), new DecisionCommand.Approve("jordan", null)));
        assertThat(first.pending()).isTrue();
        assertThat(first.approvedBy()).containsExactly("jordan");
        assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                        .approvals()
                        .decide(w, approval.approvalId(), new DecisionCommand.Approve("jordan", null))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("jordan already approved");
        Approval second = engine.tx(w ->
                engine.ops().approvals().decide(w, approval.approvalId(), new DecisionCommand.Approve("ceo", null)));
        assertThat(second.status()).isEqualTo("approved");
        assertThat(second.approvedBy()).containsExactly("jordan", "ceo");
        assertThat(engine.awaitRelease(contract.eventId()).type()).isEqualTo("HUMAN_APPROVAL_GRANTED");
        assertThat(engine.ofType("HUMAN_APPROVAL_STEP_APPROVED"))
                .anySatisfy(e -> assertThat(e.stream().id())
                        .isEqualTo(approval.approvalId().toString()));
    }

    @Test
    void theQueueIsWorkedAssignedQuestionedCommentedRemindedAndDecidedInBulk() {
        RecordedEvent a = qualificationOf(bareLead("Bulk One"));
        RecordedEvent b = qualificationOf(bareLead("Bulk Two"));
        Approval first = engine.awaitPendingApproval(a.eventId());
        Approval second = engine.awaitPendingApproval(b.eventId());
        var approvals = engine.ops().approvals();

        Approval assigned =
                engine.tx(w -> approvals.assign(w, first.approvalId(), "account_manager", "alex", "jordan"));
        assertThat(assigned.assignedRole()).isEqualTo("account_manager");
        assertThat(assigned.assignedTo()).isEqualTo("alex");
        assertThatThrownBy(() -> engine.tx(w -> approvals.assign(w, first.approvalId(), "astronaut", null, "jordan")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        engine.tx(w -> approvals.requestInfo(w, first.approvalId(), "alex", "Which budget did they mention?"));
        engine.tx(w -> approvals.comment(w, first.approvalId(), "sam", "They said around 10k."));
        engine.tx(w -> approvals.remind(w, first.approvalId(), "jordan"));
        assertThatThrownBy(() -> engine.tx(w -> approvals.remind(w, first.approvalId(), "jordan")))
                .isInstanceOf(ThrottledException.class)
                .hasMessageContaining("next reminder can go at");
        assertThat(comments(first)).extracting(c -> c.author()).containsExactly("alex", "sam");
        assertThat(audit(first))
                .extracting(e -> e.action() + ":" + e.actor())
                .containsSubsequence(
                        "requested:OversightAgent",
                        "assigned:jordan",
                        "info_requested:alex",
                        "commented:alex",
                        "commented:sam",
                        "reminded:jordan");

        var filter = new ApprovalFilter(
                "pending", "IntakeAgent", null, null, null, null, null, 0.72, "LEAD_QUALIFIED", 100, 0);
        BulkResult result =
                engine.tx(w -> approvals.bulk(w, filter, new DecisionCommand.Approve("jordan", "bulk approve")));
        assertThat(result.items())
                .extracting(BulkResult.Item::approvalId)
                .contains(first.approvalId(), second.approvalId());
        assertThat(result.conflicts()).isZero();
        assertThat(current(first).status()).isEqualTo("approved");
        assertThat(current(second).status()).isEqualTo("approved");
        assertThatThrownBy(() -> engine.tx(
                        w -> approvals.bulk(w, filter, new DecisionCommand.Modify("jordan", "x", Map.of("score", 1)))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("decision"));
    }

    static List<AuditEntry> audit(Approval approval) {
        return engine.tx(w -> engine.ops().approvals().audit(w, approval.approvalId()));
    }

    static List<ApprovalComment> comments(Approval approval) {
        return engine.tx(w -> engine.ops().approvals().comments(w, approval.approvalId()));
    }

    static Approval current(Approval approval) {
        return engine.tx(w -> engine.ops().approvals().get(w, approval.approvalId()));
    }

    // A decision as the strategy agent would emit it, without running a whole flow first.
    static RecordedEvent strategyDecision(String type, double confidence, String payload, String actionClass) {
        return engine.strategyDecision(type, confidence, payload, actionClass, clock.instant());
    }
}
