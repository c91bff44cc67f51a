package com.bigbox.autonomic.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.ImprovementEvent;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    @Test
    void aThresholdChangeStoredBeforeDecisionTypesFoldsAgentWide() {
        // A payload as stored before ThresholdChanged had a decision type.
        String old = "{\"agent_id\":\"ProjectControlAgent\",\"threshold\":0.8,\"reason\":\"r\",\"changed_by\":\"ops\"}";
        AgentEvent.ThresholdChanged c = EventCodec.read(old, AgentEvent.ThresholdChanged.class);
        assertThat(c.decisionType()).isNull();
        AgentSettings s = AgentSettings.defaults(0.75).evolve(c);
        assertThat(s.threshold()).isEqualTo(0.8);
        assertThat(s.decisionThresholds()).isEmpty();
        assertThat(s.thresholdFor("PROJECT_AT_RISK")).isEqualTo(0.8);
    }

    @Test
    void aTypesOwnThresholdSurvivesAgentWideChangesAndRoundTrips() {
        var typed =
                new AgentEvent.ThresholdChanged("ProjectControlAgent", 0.9, "r", "loop:threshold", "PROJECT_AT_RISK");
        String json = EventCodec.write(typed);
        assertThat(json).contains("\"decision_type\":\"PROJECT_AT_RISK\"");
        assertThat(EventCodec.read(json, AgentEvent.ThresholdChanged.class)).isEqualTo(typed);
        AgentSettings s = AgentSettings.defaults(0.75)
                .evolve(typed)
                .evolve(new AgentEvent.ThresholdChanged("ProjectControlAgent", 0.7, "r", "ops"))
                .evolve(new AgentEvent.AutonomyChanged("ProjectControlAgent", "autonomous", "r", "ops"));
        assertThat(s.thresholdFor("PROJECT_AT_RISK")).isEqualTo(0.9);
        assertThat(s.thresholdFor("TASK_ASSIGNED")).isEqualTo(0.7);
        assertThat(s.thresholdFor(null)).isEqualTo(0.7);
    }

    @Test
    void aProposalStoredBeforeDecisionTypesIsForTheAgentAsAWhole() {
        String old = "{\"agent_id\":\"FinanceAgent\",\"setting\":\"threshold\",\"before\":\"0.60\",\"after\":\"0.55\","
                + "\"reason\":\"r\",\"loop\":\"threshold\",\"evidence\":[]}";
        assertThat(EventCodec.read(old, ImprovementEvent.AgentChangeProposed.class)
                        .decisionType())
                .isNull();
    }
}
