package com.bigbox.server.notifications;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.postgres.notifications.PgApprovalLinks.Link;
import java.util.Locale;
import java.util.UUID;

/** The small HTML pages of approval links (escaped; no script). */
final class LinkPages {
    private LinkPages() {}

    static String approval(Approval a, Link link, String action) {
        var html = new StringBuilder(page("Approval " + a.approvalId()));
        html.append("<h1>")
                .append(esc(a.agentId()))
                .append(": ")
                .append(esc(a.recommendedAction()))
                .append("</h1><dl>");
        item(html, "Status", a.status());
        item(html, "Confidence", String.format(Locale.ROOT, "%.2f", a.confidence()));
        item(html, "Deadline", a.timeoutAt() == null ? null : a.timeoutAt().toString());
        item(html, "Role", a.assignedRole());
        item(html, "Action class", a.actionClass());
        html.append("</dl>");
        if (link.decidable() && Approval.PENDING.equals(a.status())) {
            html.append("<form method=\"post\" action=\"")
                    .append(esc(action))
                    .append("\">")
                    .append("<label>Notes (required to reject) <input name=\"notes\"></label> ")
                    .append("<button name=\"decision\" value=\"approve\">Approve</button> ")
                    .append("<button name=\"decision\" value=\"reject\">Reject</button></form>")
                    .append("<p>The link works once and expires at ")
                    .append(esc(link.expiresAt().toString()))
                    .append(".</p>");
        } else {
            html.append(dashboard(a.approvalId()));
        }
        return html.append("</body></html>").toString();
    }

    static String message(String title, String text, UUID approvalId) {
        return page(title) + "<h1>" + esc(title) + "</h1><p>" + esc(text) + "</p>"
                + (approvalId == null ? "" : dashboard(approvalId)) + "</body></html>";
    }

    private static String dashboard(UUID approvalId) {
        return "<p><a href=\"/#/approvals/" + approvalId + "\">Sign in and open it in the dashboard</a></p>";
    }

    private static String page(String title) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head><body>";
    }

    private static void item(StringBuilder html, String label, String value) {
        if (value != null) {
            html.append("<dt>")
                    .append(esc(label))
                    .append("</dt><dd>")
                    .append(esc(value))
                    .append("</dd>");
        }
    }

    private static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
