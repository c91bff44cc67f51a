package com.bigbox.autonomic.projects;

import static com.bigbox.autonomic.events.EventTypes.PROJECT_AT_RISK;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.core.StreamId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Project control: tasks get assignees; a started project's plan is checked for risk factors. The adapter between
 * the runtime and {@link ProjectDecisions}: it answers their reads of the staff calendar from the handler's
 * transaction and emits what they decide.
 */
public final class ProjectControlAgent implements Agent {
    public static final String NAME = "ProjectControlAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "assigns tasks and flags projects whose plan is at risk",
            Set.of(TASK_CREATED, PROJECT_STARTED),
            Set.of(TASK_ASSIGNED, PROJECT_AT_RISK),
            Set.of(),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        LocalDate today = context.now().atZone(ZoneOffset.UTC).toLocalDate();
        ProjectDecisions.decide(trigger, ProjectReasoner.in(context.reasoner()), new LogCalendar(context), today)
                .forEach(context::emit);
    }

    /** The staff calendar as the handler's transaction reads it: each person's posts on {@code STAFF/<person>}. */
    private record LogCalendar(AgentContext context) implements StaffCalendar {
        @Override
        public Optional<String> away(String person, LocalDate day) {
            return StaffCalendar.awayOn(StaffCalendar.posts(context.readStream(StreamId.of("STAFF", person))), day);
        }
    }
}
