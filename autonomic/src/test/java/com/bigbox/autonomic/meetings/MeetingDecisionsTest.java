package com.bigbox.autonomic.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.Decided;
import com.bigbox.autonomic.agents.Triggers;
import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A meeting posted with its action items listed (no reading): what the meeting agent decides, in order. */
class MeetingDecisionsTest {
    final Effective trigger = Triggers.fact(
            StreamId.of("MEETING", "m-1"),
            new MeetingEvent.Completed(
                    "client-1",
                    "m-1",
                    -0.8,
                    true,
                    List.of("Send logo options"),
                    List.of("new brand"),
                    "brand_identity",
                    new BigDecimal("30000"),
                    8,
                    null));

    @Test
    void intentThenOneTaskPerActionItemThenTheRiskForAPerson() {
        var decisions = MeetingDecisions.decide(trigger, null, new MeetingRules(), Triggers.AT);
        String taskId = Triggers.derived(trigger, "TASK", "action-item-0");
        assertThat(Decided.all(decisions))
                .containsExactly(
                        new Decided(
                                "INTENT_INFERRED",
                                "MEETING/m-1",
                                "routine",
                                "infer_intent",
                                "Client intent: brand_identity: new brand",
                                false,
                                0.95,
                                List.of(
                                        "service type stated: brand_identity",
                                        "budget stated: 30000",
                                        "timeline stated: 8 weeks",
                                        "1 goal(s) recorded")),
                        new Decided(
                                "TASK_CREATED",
                                "TASK/" + taskId,
                                "routine",
                                "create_task",
                                "Create task: Send logo options",
                                false,
                                0.90,
                                List.of("action item from the meeting", "role designer by its wording")),
                        new Decided(
                                "RISK_DETECTED",
                                "CLIENT/client-1",
                                "relationship_risk",
                                "flag_risk",
                                "Relationship risk: negative sentiment in the meeting (-0.8)",
                                true,
                                0.85,
                                List.of(
                                        "sentiment -0.80 is below -0.30",
                                        "severity critical (below -0.70 critical, below -0.50 high)")));
        assertThat(decisions.get(1).payload())
                .isEqualTo(new TaskEvent.Created(
                        "client-1",
                        taskId,
                        "Send logo options",
                        "designer",
                        Triggers.AT.plus(Duration.ofDays(3)),
                        null,
                        null));
        assertThat(((ClientEvent.RiskDetected) decisions.get(2).payload()).severity())
                .isEqualTo("critical");
    }
}
