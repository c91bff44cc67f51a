package com.bigbox.autonomic.meetings.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything an extractor found in a meeting, each finding with its evidence (the turn and the words), its
 * confidence and the extractor that found it. It is recorded as it is, so replaying the meeting never runs a
 * model again.
 *
 * @param extractor the extractor's name ({@code default} or {@code llm:<model>})
 * @param version the extractor's version, including a digest of its model files
 */
public record MeetingAnalysis(
        String extractor,
        String version,
        List<ActionItem> actionItems,
        List<Mention> entities,
        @Nullable Amount budget,
        @Nullable Integer timelineWeeks,
        ServiceTypes.Wanted service,
        List<Sentiment.Negative> negativeClientTurns,
        @Nullable Double sentiment) {
    public MeetingAnalysis {
        actionItems = List.copyOf(actionItems);
        entities = List.copyOf(entities);
        negativeClientTurns = List.copyOf(negativeClientTurns);
    }

    /**
     * An action item: what is to be done, by whom and when.
     *
     * @param turnId the turn that says it
     * @param what the turn's words without fillers
     * @param due the date the words allow, else null
     * @param dueWords the words that gave the date
     */
    public record ActionItem(
            @Nullable String turnId,
            @Nullable String speaker,
            String what,
            Owners.@Nullable Owner owner,
            @Nullable LocalDate due,
            @Nullable String dueWords,
            double confidence) {}

    /** An amount of money with the turn and words it came from. */
    public record Amount(
            BigDecimal value,
            @Nullable String currency,
            @Nullable String turnId,
            @Nullable String words,
            double confidence) {}
}
