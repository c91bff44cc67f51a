package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.chaos.ChaosControl;
import com.bigbox.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * simulate_human_absence against the real approvals service: while employees are absent nobody can
 * decide what they hold (refused, nothing written), other roles' approvals are decided as usual, and
 * what the absent role held is not lost: its expiry still fires and silence approves it.
 */
class HumanAbsenceIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(
                db, "absence", clock, ShippedAgents.all(), AutonomicOperations.Settings.defaults(), true);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void anAbsentRoleAnswersNothingAndItsApprovalsAreApprovedBySilenceNotLost() throws Exception {
        new ChaosControl(engine.database().pool())
                .inject(new Fault(
                        UUID.randomUUID(),
                        null,
                        FaultKind.SIMULATE_HUMAN_ABSENCE,
                        Intensity.HIGH,
                        null,
                        Set.of(),
                        "employee",
                        null,
                        0,
                        clock.instant(),
                        Instant.now().plus(Duration.ofMinutes(10))));
        RecordedEvent inquiry = engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Absent Client",
                                "absent@example.com",
                                null,
                                null,
                                null,
                                "Hello, can you help us?",
                                null,
                                "test",
                                null)));
        RecordedEvent qualified =
                engine.awaitEvent("LEAD_QUALIFIED", e -> e.correlationId().equals(inquiry.correlationId()));
        Approval held = engine.awaitPendingApproval(qualified.eventId());
        assertThat(held.assignedRole()).isEqualTo("employee");
        long eventsBefore = engine.flow(inquiry.correlationId()).size();
        // A fault reaches an instance within PgActiveFaults.REFRESH of being declared; a refused decision changes
        // nothing, so it is tried until the fault is seen.
        await().atMost(5, SECONDS)
                .untilAsserted(() -> assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                                .approvals()
                                .decide(w, held.approvalId(), new DecisionCommand.Approve("an-employee", null))))
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("held by the role employee, which answers nothing until"));
        assertThatThrownBy(() -> engine.tx(w -> engine.ops()
                        .approvals()
                        .decide(w, held.approvalId(), new DecisionCommand.Reject("an-employee", "no"))))
                .isInstanceOf(ConflictException.class);
        assertThat(engine.flow(inquiry.correlationId()))
                .as("a refused decision writes nothing")
                .hasSize((int) eventsBefore);
        assertThat(engine.tx(w -> engine.ops().approvals().get(w, held.approvalId()))
                        .pending())
                .isTrue();

        // The absence ends only on the wall clock; a day of business time passes and the expiry fires regardless.
        clock.advance(Duration.ofHours(25));
        await().atMost(20, SECONDS)
                .until(() -> !engine.tx(w -> engine.ops().approvals().get(w, held.approvalId()))
                        .pending());
        assertThat(engine.tx(w -> engine.ops().approvals().get(w, held.approvalId()))
                        .resolution())
                .isEqualTo("approved_by_silence");
        engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(inquiry.correlationId()));
    }
}
