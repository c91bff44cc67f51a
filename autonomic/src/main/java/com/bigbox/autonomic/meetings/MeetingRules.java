package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.meetings.MeetingInsight.RiskFinding;
import com.bigbox.autonomic.meetings.MeetingInsight.TaskToCreate;
import com.bigbox.autonomic.projects.Roster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The original engine's meeting analysis: confidence 0.60, +0.10 each for a stated service type, budget and
 * timeline, +0.05 for goals, at least 0.90 when the client named the service; when it named none, the
 * {@link ServiceInference}'s confidence in the service read from its words (at most 0.85); one task per action item, its role by its wording; a relationship risk on negative
 * sentiment (graded by how negative) or an absent client. Every number an answer depends on is named in its reasons.
 */
public class MeetingRules implements MeetingReasoner {
    static final double STATED = 0.90;

    @Override
    public MeetingInsight analyse(MeetingEvent.Completed meeting) {
        var reasons = new ArrayList<String>();
        double confidence = 0.60;
        String serviceType = lower(meeting.serviceType());
        ServiceInference.Inferred inferred = null;
        if (serviceType != null) {
            confidence += 0.10;
            reasons.add("service type stated: " + serviceType);
        } else {
            inferred = ServiceInference.infer(String.join(". ", meeting.goals()) + ". " + nullToEmpty(meeting.notes()));
            serviceType = inferred.service();
            reasons.add("service type inferred from the goals and notes: " + serviceType);
            reasons.addAll(inferred.reasons());
        }
        if (meeting.budget() != null) {
            confidence += 0.10;
            reasons.add("budget stated: " + meeting.budget().toPlainString());
        }
        if (meeting.timelineWeeks() != null) {
            confidence += 0.10;
            reasons.add("timeline stated: " + meeting.timelineWeeks() + " weeks");
        }
        if (!meeting.goals().isEmpty()) {
            confidence += 0.05;
            reasons.add(meeting.goals().size() + " goal(s) recorded");
        }
        // The service is what the intent's followers (brief, recommendation) stand on: one the client named is
        // surer than any read from its words.
        if (inferred != null) {
            confidence = inferred.confidence();
            reasons.add(String.format(Locale.ROOT, "confidence is the inferred service's, %.2f", confidence));
        } else if (confidence < STATED) {
            confidence = STATED;
            reasons.add(String.format(Locale.ROOT, "the client named the service: confidence at least %.2f", STATED));
        }
        confidence = Math.min(0.95, confidence);
        String intent = serviceType + (meeting.goals().isEmpty() ? "" : ": " + String.join("; ", meeting.goals()));
        return new MeetingInsight(
                intent,
                serviceType,
                meeting.goals(),
                meeting.budget(),
                meeting.timelineWeeks(),
                confidence,
                reasons,
                tasks(meeting),
                risk(meeting));
    }

    private static List<TaskToCreate> tasks(MeetingEvent.Completed meeting) {
        var tasks = new ArrayList<TaskToCreate>();
        for (String item : meeting.actionItems()) {
            String role = Roster.roleByWording(item);
            tasks.add(new TaskToCreate(
                    item, role, 0.90, List.of("action item from the meeting", "role " + role + " by its wording")));
        }
        return tasks;
    }

    private static Optional<RiskFinding> risk(MeetingEvent.Completed meeting) {
        if (meeting.sentiment() != null && meeting.sentiment() < -0.3) {
            double s = meeting.sentiment();
            String severity = s < -0.7 ? "critical" : s < -0.5 ? "high" : "medium";
            return Optional.of(new RiskFinding(
                    "relationship",
                    severity,
                    "negative sentiment in the meeting (" + s + ")",
                    0.85,
                    List.of(
                            String.format(Locale.ROOT, "sentiment %.2f is below -0.30", s),
                            "severity " + severity + " (below -0.70 critical, below -0.50 high)")));
        }
        if (Boolean.FALSE.equals(meeting.attended())) {
            return Optional.of(new RiskFinding(
                    "relationship", "medium", "the client did not attend", 0.80, List.of("attended is false")));
        }
        return Optional.empty();
    }

    private static @Nullable String lower(@Nullable String s) {
        return s != null && !s.isBlank() ? s.strip().toLowerCase(Locale.ROOT) : null;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
