package com.bigbox.autonomic.meetings.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs an extractor over AMI meetings and scores it. The extractor gets only each act's speaker, role, times and
 * text ({@link AmiMeeting#turns()}); the gold labels stay here.
 */
public final class MeetingEvalRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    // AMI meetings carry no date; relative dates need some day to resolve from and do not affect the scores.
    private static final LocalDate NO_DATE = LocalDate.of(2005, 1, 3);

    /** The scores and each meeting's predictions as the JSON line {@code --predictions} writes. */
    public record Result(
            int meetings,
            @Nullable String extractor,
            MeetingEvaluation.Figures actionItems,
            MeetingEvaluation.Figures entities,
            int annotatedMeetings,
            MeetingEvaluation.Figures entitiesAnnotated,
            List<String> predictionLines) {}

    private MeetingEvalRun() {}

    public static Result run(List<AmiMeeting> meetings, MeetingExtractor extractor) {
        var scored = new ArrayList<MeetingEvaluation.Scored>();
        var lines = new ArrayList<String>();
        String name = null;
        for (AmiMeeting m : meetings) {
            MeetingAnalysis a = extractor.analyse(m.turns(), NO_DATE);
            name = a.extractor() + " " + a.version();
            List<String> ids = a.actionItems().stream()
                    .map(MeetingAnalysis.ActionItem::turnId)
                    .distinct()
                    .toList();
            List<AmiMeeting.Entity> entities = a.entities().stream()
                    .filter(e -> MeetingEvaluation.ENTITY_TYPES.contains(e.type()))
                    .map(e -> new AmiMeeting.Entity(e.type(), e.text()))
                    .toList();
            scored.add(new MeetingEvaluation.Scored(m.id(), m.actionItemIds(), ids, m.entities(), entities));
            lines.add(predictionLine(m.id(), ids, entities));
        }
        // Some AMI meetings carry no entity annotation at all (an empty list, not a key saying "none found"): the
        // figure as specified counts every amount found there as false, so the annotated meetings' figure is shown too.
        List<MeetingEvaluation.Scored> annotated =
                scored.stream().filter(s -> !s.goldEntities().isEmpty()).toList();
        return new Result(
                meetings.size(),
                name,
                MeetingEvaluation.actionItems(scored),
                MeetingEvaluation.entities(scored),
                annotated.size(),
                MeetingEvaluation.entities(annotated),
                lines);
    }

    static String predictionLine(String meeting, List<String> ids, List<AmiMeeting.Entity> entities) {
        ObjectNode line = JSON.createObjectNode();
        line.put("meeting", meeting);
        ArrayNode a = line.putArray("action_item_ids");
        ids.forEach(a::add);
        ArrayNode e = line.putArray("entities");
        for (AmiMeeting.Entity x : entities) {
            e.addObject().put("type", x.type()).put("text", x.text());
        }
        return line.toString();
    }

    /** The figures as JSON, for {@code --json}. */
    public static String json(Result r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("meetings", r.meetings());
        root.put("extractor", r.extractor());
        root.put("bootstrap_samples", MeetingEvaluation.BOOTSTRAP_SAMPLES);
        figures(root.putObject("action_items"), r.actionItems());
        figures(root.putObject("entities"), r.entities());
        ObjectNode annotated = root.putObject("entities_annotated_meetings_only");
        annotated.put("meetings", r.annotatedMeetings());
        figures(annotated, r.entitiesAnnotated());
        return root.toPrettyString();
    }

    private static void figures(ObjectNode n, MeetingEvaluation.Figures f) {
        n.put("tp", f.counts().tp())
                .put("fp", f.counts().fp())
                .put("fn", f.counts().fn());
        interval(n, "precision", f.precision());
        interval(n, "recall", f.recall());
        interval(n, "f1", f.f1());
    }

    private static void interval(ObjectNode n, String name, MeetingEvaluation.Interval i) {
        n.put(name, i.value());
        n.putArray(name + "_ci95").add(i.low()).add(i.high());
    }

    /** The figures as a short table, for people. */
    public static String text(Result r) {
        return String.format(
                java.util.Locale.ROOT,
                "%d meetings, extractor %s%n%s%n%s%n%s%n",
                r.meetings(),
                r.extractor(),
                row("action items", r.actionItems()),
                row("entities", r.entities()),
                row(
                        "  over the " + r.annotatedMeetings()
                                + " meetings with entity annotations (not the specified figure)",
                        r.entitiesAnnotated()));
    }

    private static String row(String name, MeetingEvaluation.Figures f) {
        return String.format(
                java.util.Locale.ROOT,
                "%-13s P %.3f [%.3f, %.3f]  R %.3f [%.3f, %.3f]  F1 %.3f [%.3f, %.3f]  (tp %d, fp %d, fn %d)",
                name,
                f.precision().value(),
                f.precision().low(),
                f.precision().high(),
                f.recall().value(),
                f.recall().low(),
                f.recall().high(),
                f.f1().value(),
                f.f1().low(),
                f.f1().high(),
                f.counts().tp(),
                f.counts().fp(),
                f.counts().fn());
    }
}
