package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class TranscriptTest {
    @Test
    void speakerLinesBecomeTurnsWithTimesAndRoles() {
        var turns = Transcript.parse("""
                [00:01:05] Chloe (client): We need the new logo by Friday.
                Ben: Sure, I'll send options.
                  And a quote as well.
                """);
        assertThat(turns)
                .extracting(Turn::id, Turn::speaker, Turn::role, Turn::start, Turn::text)
                .containsExactly(
                        tuple("t1", "Chloe", "client", 65.0, "We need the new logo by Friday."),
                        tuple("t2", "Ben", null, null, "Sure, I'll send options. And a quote as well."));
    }

    @Test
    void notesBecomeOneTurnPerSentenceWithNoSpeaker() {
        var turns = Transcript.parse("Client wants a rebrand. Budget around 20k.\n- Ben to send moodboards next week");
        assertThat(turns)
                .extracting(Turn::text)
                .containsExactly("Client wants a rebrand.", "Budget around 20k.", "Ben to send moodboards next week");
        assertThat(turns).allMatch(t -> t.speaker() == null);
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> Transcript.parse("  ")).hasMessageContaining("no text");
    }
}
