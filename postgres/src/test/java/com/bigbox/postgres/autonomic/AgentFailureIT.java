package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.projects.TaskAssignment;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An agent that misbehaves is refused and handed to a person; a redelivered event has no second effect. */
class AgentFailureIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now());
    static AutonomicHarness engine;

    /** Mandated to assign tasks, it tries to invoice instead. */
    static final class RogueAgent implements Agent {
        static final AgentDefinition DEFINITION = new AgentDefinition(
                "RogueAgent",
                "assigns tasks (it says)",
                Set.of("TASK_CREATED"),
                Set.of("TASK_ASSIGNED"),
                Set.of(),
                AgentSettings.defaults(0.75));

        @Override
        public AgentDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void react(Effective trigger, AgentContext context) {
            context.emit(Emission.of(
                    StreamId.of("INVOICE", "rogue"),
                    new InvoiceEvent.Issued(trigger.clientId(), "rogue", null, null, "deposit", BigDecimal.TEN, null),
                    new TaskAssignment("x", "x", 0.99, List.of("rogue")),
                    "financial",
                    "rogue"));
        }
    }

    @BeforeAll
    static void start() {
        var agents = new ArrayList<>(ShippedAgents.all());
        agents.add(new RogueAgent());
        // Two attempts, not three: the subscription's retry backoff doubles from one failing event to the next.
        engine = AutonomicHarness.start(
                db, "failures", clock, agents, new AutonomicOperations.Settings(2, java.time.Duration.ofHours(1), 1.0));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void anEmissionOutsideTheMandateIsRefusedAndAfterBoundedRetriesAPersonIsAsked() {
        engine.post(
                StreamId.of("TASK", "T-1"),
                "TASK_CREATED",
                "{\"task_id\": \"T-1\", \"title\": \"Design a logo\", \"client_id\": \"client-rogue\"}",
                "alex",
                clock);
        engine.post(
                StreamId.of("TASK", "T-2"),
                "TASK_CREATED",
                "{\"task_id\": \"T-2\", \"title\": \"Write copy\", \"client_id\": \"client-rogue\"}",
                "alex",
                clock);
        await().atMost(30, SECONDS)
                .until(() -> engine.ofType("RISK_DETECTED").stream()
                                .filter(e -> e.emittedBy().equals("RogueAgent"))
                                .count()
                        == 2);
        RecordedEvent risk = engine.ofType("RISK_DETECTED").stream()
                .filter(e -> e.emittedBy().equals("RogueAgent"))
                .findFirst()
                .orElseThrow();
        assertThat(risk.payload())
                .contains("\"risk_type\": \"agent_failure\"", "\"severity\": \"high\"", "RogueAgent failed 2 times");
        assertThat(risk.metadata()).contains("may not emit INVOICE_ISSUED: it is outside its mandate");
        assertThat(engine.node().store().readStream(StreamId.of("INVOICE", "rogue"), 0))
                .as("nothing outside the mandate was stored")
                .isEmpty();
        assertThat(engine.awaitPendingApproval(risk.eventId()).assignedRole()).isEqualTo("manager");
        // The well-behaved agent handled the same tasks: the rogue one held nobody up.
        engine.awaitEvent("TASK_ASSIGNED", e -> e.stream().id().equals("T-2"));
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        RecordedEvent inquiry = engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Again",
                                "again@example.com",
                                "+1 555 0199",
                                "Again Inc",
                                new BigDecimal("20000"),
                                "y".repeat(120),
                                "high",
                                "test",
                                null)));
        engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(inquiry.correlationId()));
        engine.awaitQuiet();
        List<String> before = engine.rows("select event_id from events order by global_position");
        List<String> approvals = engine.rows("select approval_id from human_approvals order by approval_id");
        // Send every agent and the governor back to the start, as if their checkpoints had been lost.
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.executeUpdate(
                    "update subscription_checkpoints set transaction_seq = 0, global_position = 0, epoch = epoch + 1"
                            + " where subscription_name like 'agent:%'");
        }
        // An idle subscription notices the change at its next event.
        engine.post(StreamId.of("SYSTEM", "nudge"), "NUDGE", "{}", "test", clock);
        await().atMost(30, SECONDS)
                .until(() -> engine.rows("select count(*) from subscription_checkpoints"
                                + " where subscription_name like 'agent:%' and global_position = 0")
                        .equals(List.of("0")));
        engine.awaitQuiet();
        assertThat(engine.rows("select event_id from events where event_type <> 'NUDGE' order by global_position"))
                .isEqualTo(before);
        assertThat(engine.rows("select approval_id from human_approvals order by approval_id"))
                .isEqualTo(approvals);
    }
}
