package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a notification says: enough to decide without opening anything (the agent, the recommended
 * action, its confidence, the amount, the deadline, the reasons) and the link to the approval.
 *
 * @param fields the same as data, for Slack's and webhooks' JSON
 */
public record NotificationMessage(String subject, String text, Map<String, Object> fields) {
    public static NotificationMessage of(
            Approval approval, Trigger trigger, String urgency, String link, boolean decidable) {
        JsonNode context = EventCodec.tree(approval.decisionContext() == null ? "{}" : approval.decisionContext());
        String amount = context.hasNonNull("amount") ? context.get("amount").asText() : null;
        List<String> reasons = new ArrayList<>();
        for (String field : List.of("agent_reasons", "oversight_reasons")) {
            context.path(field).forEach(r -> reasons.add(r.asText()));
        }
        var fields = new LinkedHashMap<String, Object>();
        fields.put("trigger", trigger.wireName());
        fields.put("urgency", urgency);
        fields.put("approval_id", approval.approvalId().toString());
        fields.put("agent", approval.agentId());
        fields.put("recommended_action", approval.recommendedAction());
        fields.put("confidence", approval.confidence());
        fields.put("amount", amount);
        fields.put(
                "deadline",
                approval.timeoutAt() == null ? null : approval.timeoutAt().toString());
        fields.put("assigned_role", approval.assignedRole());
        fields.put("priority", approval.priority());
        fields.put("reasons", reasons);
        fields.put("link", link);
        fields.put("decidable_from_link", decidable);
        String subject = "[" + urgency.toUpperCase(Locale.ROOT) + "] " + approval.agentId() + ": "
                + approval.recommendedAction() + " " + trigger.headline();
        var text = new StringBuilder();
        text.append(subject).append("\n\n");
        line(text, "Agent", approval.agentId());
        line(text, "Recommended action", approval.recommendedAction());
        line(text, "Confidence", String.format(Locale.ROOT, "%.2f", approval.confidence()));
        line(text, "Amount", amount);
        line(text, "Deadline", deadline(approval.timeoutAt()));
        line(text, "Role", approval.assignedRole());
        if (!reasons.isEmpty()) {
            text.append("Reasons:\n");
            reasons.forEach(r -> text.append("  - ").append(r).append('\n'));
        }
        text.append('\n')
                .append(
                        decidable
                                ? "Approve or reject here (the link works once and expires): "
                                : "Open it in the dashboard (sign-in required; the link works once and expires): ")
                .append(link)
                .append('\n');
        return new NotificationMessage(subject, text.toString(), fields);
    }

    private static void line(StringBuilder text, String label, @Nullable String value) {
        if (value != null) {
            text.append(label).append(": ").append(value).append('\n');
        }
    }

    private static @Nullable String deadline(@Nullable Instant at) {
        return at == null ? null : at + " (UTC)";
    }
}
