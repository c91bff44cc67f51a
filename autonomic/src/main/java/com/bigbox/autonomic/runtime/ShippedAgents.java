package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.finance.FinanceAgent;
import com.bigbox.autonomic.leads.IntakeAgent;
import com.bigbox.autonomic.meetings.MeetingIntelligenceAgent;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.autonomic.projects.ProjectControlAgent;
import com.bigbox.autonomic.strategy.StrategyAgent;
import java.util.List;

/** The agents the engine ships with: what an instance runs unless a test or the CLI plugs in others. */
public final class ShippedAgents {
    private ShippedAgents() {}

    public static List<Agent> all() {
        return List.of(
                new IntakeAgent(),
                new MeetingIntelligenceAgent(),
                new StrategyAgent(),
                new ProjectControlAgent(),
                new FinanceAgent());
    }

    /** The shipped agents with the meeting agent reading through {@code meetings} (e.g. the configured LLM extractor). */
    public static List<Agent> all(MeetingExtractor meetings) {
        return List.of(
                new IntakeAgent(),
                new MeetingIntelligenceAgent(meetings),
                new StrategyAgent(),
                new ProjectControlAgent(),
                new FinanceAgent());
    }

    /** The shipped agents' definitions, with the governor's. */
    public static AgentCatalog catalog() {
        return catalog(all());
    }

    /** These agents' definitions, with the governor's. */
    static AgentCatalog catalog(List<Agent> agents) {
        return new AgentCatalog(agents.stream().map(Agent::definition).toList(), OversightAgent.DEFINITION);
    }
}
