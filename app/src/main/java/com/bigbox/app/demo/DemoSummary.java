package com.bigbox.app.demo;

import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.EventStore;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.postgres.autonomic.PgSubscriptionStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** What a newcomer looks at after the demo: agents, approvals, SOP executions, client health. */
public final class DemoSummary {
    private DemoSummary() {}

    public static void print(PrintWriter out, AutonomicOperations ops, EventStore store) {
        var reads = new PgAutonomicReads();
        store.inTransaction(w -> {
            out.println();
            out.println("Agents (subscription, status, lag, decisions last 30 days):");
            var status = new PgSubscriptionStatus().of(w, ops.subscriptionNames());
            var performance =
                    reads.agentPerformance(w, null, ops.clock().instant().minus(Duration.ofDays(30)));
            status.forEach((name, s) -> out.printf(
                    "  %-36s %-8s lag %-5d %s%n",
                    name,
                    s.running() ? "running" : "stopped",
                    s.lag(),
                    performance.stream()
                            .filter(p -> name.equals("agent:" + p.get("agent_id")))
                            .findFirst()
                            .map(DemoSummary::agentLine)
                            .orElse("")));
            var approvals = ops.approvals().stats(w);
            out.println("Approvals by status: " + approvals.byStatus() + ", resolved as: " + approvals.byResolution());
            out.println("SOP executions (completed):");
            for (Map<String, Object> row : reads.sopMetrics(w, null)) {
                out.printf(
                        "  %-34s %3s runs, %6s h cycle, automation %s, %s human h, cost %s%n",
                        row.get("sop_id"),
                        row.get("executions"),
                        row.get("avg_cycle_time_hours"),
                        row.get("avg_automation_rate"),
                        row.get("human_hours"),
                        row.get("total_cost"));
            }
            out.println("Client health:");
            for (Map<String, Object> row : reads.clientHealth(w, null, 100)) {
                out.printf(
                        "  %-34s %-16s trust %s, revenue %s%n",
                        row.get("client_id"), row.get("health_status"), row.get("trust_score"), row.get("revenue_30d"));
            }
            out.flush();
            return null;
        });
    }

    private static String agentLine(Map<String, Object> p) {
        return "emitted " + p.get("events_emitted") + ", escalated " + p.get("human_escalations") + ", automation "
                + p.get("automation_rate");
    }
}
