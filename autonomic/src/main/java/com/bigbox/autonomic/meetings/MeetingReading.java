package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.meetings.extraction.Owners;
import com.bigbox.autonomic.meetings.extraction.Sentiment;
import com.bigbox.autonomic.meetings.extraction.Transcript;
import com.bigbox.autonomic.meetings.extraction.Turn;
import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the meeting agent decides from an analysis: one task per action item (owner and due date as the words
 * gave them, the classifier's probability as its confidence, so that uncertain ones go to a person), and a
 * relationship risk when the client spoke negatively more than once. Recording the analysis itself is a fact
 * about the text, so it carries a high confidence; the decisions carry their own.
 */
public record MeetingReading(MeetingAnalysis analysis, double confidence, List<String> reasons) implements Judgement {
    static final int TITLE_LIMIT = 200;
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    /** A task to create, with why. */
    public record Task(
            String title,
            @Nullable String role,
            @Nullable Instant dueAt,
            @Nullable String owner,
            double confidence,
            List<String> reasons)
            implements Judgement {}

    public static MeetingReading of(MeetingAnalysis a) {
        return new MeetingReading(
                a,
                0.95,
                List.of(
                        "extractor " + a.extractor() + " " + a.version()
                                + " read the meeting; each task, intent and risk below carries its own confidence",
                        a.actionItems().size() + " action item(s), "
                                + a.entities().size() + " amount(s) or date(s)"));
    }

    /** The turns of a transcript, or of free-form notes split into sentences. */
    public static List<Turn> turns(List<Turn> transcript, @Nullable String notes) {
        return transcript.isEmpty() ? Transcript.parse(notes) : transcript;
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "Meeting read (%s): %d action item(s), %d amount(s), service %s",
                analysis.extractor(),
                analysis.actionItems().size(),
                analysis.entities().size(),
                analysis.service().serviceType());
    }

    public List<Task> tasks(LocalDate meetingDay) {
        var out = new ArrayList<Task>();
        for (MeetingAnalysis.ActionItem item : analysis.actionItems()) {
            String title =
                    item.what().length() > TITLE_LIMIT ? item.what().substring(0, TITLE_LIMIT - 1) + "…" : item.what();
            var why = new ArrayList<String>();
            why.add(String.format(
                    Locale.ROOT,
                    "action item said in turn %s%s (probability %.2f)",
                    item.turnId(),
                    item.speaker() == null ? "" : " by " + item.speaker(),
                    item.confidence()));
            Owners.Owner owner = item.owner();
            String role = null;
            if (owner != null) {
                role = owner.kind() == Owners.Kind.CLIENT ? "account_manager" : owner.role();
                why.add("owner " + owner.kind().name().toLowerCase(Locale.ROOT) + " " + owner.name() + " from '"
                        + owner.words() + "'"
                        + (owner.kind() == Owners.Kind.CLIENT ? ": the account manager follows it up" : ""));
            } else {
                why.add("no owner in the words: the role follows from the task's wording");
            }
            Instant due = null;
            if (item.due() != null && !item.due().isBefore(meetingDay)) {
                due = item.due().atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
                why.add("due " + item.due() + " from '" + item.dueWords() + "'");
            }
            out.add(new Task(
                    title,
                    role,
                    due,
                    owner == null ? null : owner.kind() + ":" + owner.name(),
                    item.confidence(),
                    why));
        }
        return out;
    }

    /** A relationship risk when the client spoke negatively in two or more turns, or very negatively in one. */
    public Optional<MeetingInsight.RiskFinding> risk() {
        List<Sentiment.Negative> negative = analysis.negativeClientTurns();
        boolean strong = negative.stream().anyMatch(n -> n.score() <= -0.66);
        if (negative.size() < 2 && !strong) {
            return Optional.empty();
        }
        String severity = negative.size() >= 4 ? "high" : "medium";
        var why = new ArrayList<String>();
        for (Sentiment.Negative n : negative.subList(0, Math.min(5, negative.size()))) {
            why.add("turn " + n.turnId() + ": " + String.join(", ", n.words()));
        }
        why.add("negative-turn lexicon, not measured on labelled meetings: a person reads it");
        return Optional.of(new MeetingInsight.RiskFinding(
                "relationship", severity, negative.size() + " negative client turn(s) in the meeting", 0.6, why));
    }

    /** The meeting as the reasoner knows it, with what the text said where the payload said nothing. */
    public static MeetingEvent.Completed asCompleted(MeetingEvent.Completed m, MeetingAnalysis a) {
        String service = m.serviceType() != null
                ? m.serviceType()
                : a.service() != null && a.service().mentions() > 0
                        ? a.service().serviceType()
                        : null;
        BigDecimal budget = m.budget() != null
                ? m.budget()
                : a.budget() == null ? null : a.budget().value();
        Integer weeks = m.timelineWeeks() != null ? m.timelineWeeks() : a.timelineWeeks();
        return new MeetingEvent.Completed(
                m.clientId(),
                m.meetingId(),
                null,
                m.attended(),
                List.of(),
                m.goals(),
                service,
                budget,
                weeks,
                m.notes());
    }
}
