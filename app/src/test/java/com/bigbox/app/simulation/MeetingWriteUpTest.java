package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.meetings.extraction.Transcript;
import com.bigbox.autonomic.meetings.extraction.Turn;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingWriteUpTest {
    private static final List<LeadCase> LEADS = new Agency(1, new AgencySize(5)).leads(Simulation.START, 30);
    private static final DecisionTruth TRUTH = new DecisionTruth(new Staff(1));

    @Test
    void everyRequestedItemIsCarriedByALineAndNoLineCarriesAnythingElse() {
        for (LeadCase lead : LEADS) {
            MeetingWriteUp w = MeetingWriteUp.of(lead);
            var carried = new HashSet<String>();
            for (MeetingWriteUp.Line l : w.lines()) {
                if (l.carries() != null) {
                    carried.add(l.carries());
                }
            }
            assertThat(carried)
                    .as(lead.leadId())
                    .containsExactlyInAnyOrderElementsOf(lead.truth().requestedItems());
            assertThat(w.transcript()).isEqualTo(lead.meeting().attended());
        }
    }

    // The item the world's notes carry unasked is said (offered by the account manager) but carries no request.
    @Test
    void theItemNobodyAskedForIsOfferedNotRequested() {
        int offered = 0;
        for (LeadCase lead : LEADS) {
            for (String item : lead.meeting().actionItems()) {
                if (!lead.truth().requestedItems().contains(item)) {
                    String words = MeetingTalk.OFFERED.get(item);
                    assertThat(MeetingWriteUp.of(lead).lines())
                            .anyMatch(l -> l.text().contains(words) && l.carries() == null);
                    offered++;
                }
            }
        }
        assertThat(offered).isPositive();
    }

    @Test
    void theLeadAloneGivesTheWriteUpAndNoTwoLinesShareTheirWords() {
        for (LeadCase lead : LEADS) {
            MeetingWriteUp w = MeetingWriteUp.of(lead);
            assertThat(MeetingWriteUp.of(lead)).isEqualTo(w);
            assertThat(w.lines().stream()
                            .map(l -> MeetingWriteUp.words(l.text()))
                            .distinct())
                    .hasSameSizeAs(w.lines());
        }
    }

    // What the engine receives parses back into the same lines: a transcript's turns, or notes one sentence a turn.
    @Test
    void theEngineReadsTheLinesThatWereWritten() {
        var json = new ObjectMapper();
        for (LeadCase lead : LEADS) {
            MeetingWriteUp w = MeetingWriteUp.of(lead);
            List<String> written =
                    w.lines().stream().map(MeetingWriteUp.Line::text).toList();
            List<Turn> read = w.transcript()
                    ? w.turns().stream()
                            .map(t -> json.convertValue(t, Turn.class))
                            .toList()
                    : Transcript.parse(w.notesText());
            assertThat(read.stream().map(Turn::text).toList()).isEqualTo(written);
            if (w.transcript()) {
                assertThat(read).allMatch(t -> t.role() != null && t.speaker() != null);
            }
        }
    }

    // The meeting agent titles a task with its turn's words: judged by the line, right exactly when it carried a
    // request; and no line is worded as a listed item, so titles of the older contract are judged as before.
    @Test
    void aTaskTakenFromALineIsRightExactlyWhenTheLineCarriedARequest() {
        int right = 0;
        int wrong = 0;
        for (LeadCase lead : LEADS) {
            for (MeetingWriteUp.Line l : MeetingWriteUp.of(lead).lines()) {
                DecisionTruth.Verdict v = judge(lead, l.text());
                assertThat(v)
                        .as(l.text())
                        .isEqualTo(l.carries() != null ? DecisionTruth.Verdict.RIGHT : DecisionTruth.Verdict.WRONG);
                assertThat(l.text().length()).isLessThan(200);
                assertThat(Vocabulary.ACTION_ITEMS)
                        .noneMatch(item -> MeetingWriteUp.words(item).equals(MeetingWriteUp.words(l.text())));
                right += v == DecisionTruth.Verdict.RIGHT ? 1 : 0;
                wrong += v == DecisionTruth.Verdict.WRONG ? 1 : 0;
            }
        }
        assertThat(right).isPositive();
        assertThat(wrong).isPositive();
    }

    private static DecisionTruth.Verdict judge(LeadCase lead, String title) {
        String payload;
        try {
            payload = new ObjectMapper().writeValueAsString(Map.of("title", title));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return TRUTH.judge(lead, DecisionTruthTest.decision(EventTypes.TASK_CREATED, payload, Simulation.START))
                .verdict();
    }
}
