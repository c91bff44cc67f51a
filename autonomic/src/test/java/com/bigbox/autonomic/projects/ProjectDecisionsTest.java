package com.bigbox.autonomic.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.Decided;
import com.bigbox.autonomic.agents.Triggers;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Project control's decisions: an assignee for each task; a flag for a plan at risk, nothing for a sound one. */
class ProjectDecisionsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    @Test
    void aCreatedTaskIsAssigned() {
        var trigger = Triggers.fact(
                StreamId.of("TASK", "TASK-1"),
                new TaskEvent.Created("client-1", "TASK-1", "Logo concepts", "designer", null, null, null));
        var decisions = ProjectDecisions.decide(trigger, new ProjectRules(), StaffCalendar.EMPTY, DAY);
        assertThat(Decided.all(decisions))
                .containsExactly(new Decided(
                        "TASK_ASSIGNED",
                        "TASK/TASK-1",
                        "routine",
                        "assign_task",
                        "Assign 'Logo concepts' to lee",
                        false,
                        0.90,
                        List.of("the task names role designer", "lee is on the designer roster")));
        assertThat(decisions.getFirst().payload())
                .isEqualTo(new TaskEvent.Assigned("client-1", "TASK-1", "lee", "designer"));
    }

    @Test
    void theCalendarOfTheDecisionsDaySendsTheTaskToWhoeverIsIn() {
        var trigger = Triggers.fact(
                StreamId.of("TASK", "TASK-1"),
                new TaskEvent.Created("client-1", "TASK-1", "Logo concepts", "designer", null, null, null));
        StaffCalendar leeAwayOnDay =
                (person, day) -> person.equals("lee") && day.equals(DAY) ? Optional.of("sick") : Optional.empty();
        assertThat(ProjectDecisions.decide(trigger, new ProjectRules(), leeAwayOnDay, DAY)
                        .getFirst()
                        .payload())
                .isEqualTo(new TaskEvent.Assigned("client-1", "TASK-1", "dana", "designer"));
        assertThat(ProjectDecisions.decide(trigger, new ProjectRules(), leeAwayOnDay, DAY.plusDays(1))
                        .getFirst()
                        .payload())
                .isEqualTo(new TaskEvent.Assigned("client-1", "TASK-1", "lee", "designer"));
    }

    @Test
    void aProjectAtRiskIsFlaggedAndASoundOneIsNot() {
        var risky = Triggers.fact(
                StreamId.of("PROJECT", "p-1"),
                new ProjectEvent.Started("client-1", "p-1", "q-1", "campaign", new BigDecimal("20000"), 3, 2));
        assertThat(Decided.all(ProjectDecisions.decide(risky, new ProjectRules(), StaffCalendar.EMPTY, DAY)))
                .containsExactly(new Decided(
                        "PROJECT_AT_RISK",
                        "PROJECT/p-1",
                        "delivery_risk",
                        "flag_project_risk",
                        "Project at risk: timeline of 3 weeks is under 4",
                        false,
                        0.65,
                        List.of(
                                "timeline of 3 weeks is under 4: 25% past the line, 0.65 sure",
                                "confidence 1 - product of (1 - each factor's) = 0.65 (at most 0.95)")));
        var sound = Triggers.fact(
                StreamId.of("PROJECT", "p-2"),
                new ProjectEvent.Started("client-1", "p-2", "q-2", "campaign", new BigDecimal("20000"), 8, 3));
        assertThat(ProjectDecisions.decide(sound, new ProjectRules(), StaffCalendar.EMPTY, DAY))
                .isEmpty();
    }
}
