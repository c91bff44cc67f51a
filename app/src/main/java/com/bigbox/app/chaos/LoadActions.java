package com.bigbox.app.chaos;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The actions that put load on the cluster as its users would: appends ({@link Workload}), leads and payments
 * through the intake API ({@link LeadWorkload}), and people deciding the approvals they hold.
 */
final class LoadActions {
    static final Set<String> FUNCTIONS =
            Set.of("start_workload", "stop_workload", "start_leads", "stop_leads", "decide_approvals");

    private LoadActions() {}

    static Object call(String function, Arguments args, RunContext run) throws Exception {
        return switch (function) {
            case "start_workload" ->
                startWorkload(run, args.whole("writers", 4, 1, 64), args.number("rate_per_second", 100, 1, 5_000));
            case "stop_workload" -> stopWorkload(run);
            case "start_leads" ->
                startLeads(
                        run,
                        args.number("leads_per_second", 2, 0.1, 50),
                        Boolean.parseBoolean(args.text("thin_only", "false")),
                        args.whole("payment_every", 4, 0, 1_000));
            case "stop_leads" -> stopLeads(run);
            case "decide_approvals" ->
                decideApprovals(
                        run,
                        ActionClasses.checkRole("decide_approvals.arguments.role", args.text("role", "employee")),
                        decision(args.text("decision", "approve")),
                        args.text("decided_by", "chaos-operator"),
                        args.text("notes", null));
            default ->
                throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function");
        };
    }

    private static Map<String, Object> startWorkload(RunContext run, int writers, double rate) throws Exception {
        if (run.workload != null) {
            throw new IllegalStateException("the workload runs already");
        }
        run.workload = new Workload(run.cluster, run.runId, run.cluster.instances());
        run.workload.start(writers, rate);
        return Map.of("run", run.runId, "writers", writers, "rate_per_second", rate);
    }

    private static Map<String, Object> stopWorkload(RunContext run) {
        if (run.workload == null) {
            return Map.of("running", false);
        }
        run.workloadSummary = run.workload.stop();
        var s = run.workloadSummary;
        return Builtins.ordered(
                "attempted",
                s.attempted(),
                "acknowledged",
                s.acknowledged(),
                "failed",
                s.failed(),
                "unknown",
                s.unknown());
    }

    private static Map<String, Object> startLeads(RunContext run, double rate, boolean thinOnly, int paymentEvery)
            throws Exception {
        if (run.leads != null) {
            throw new IllegalStateException("the leads are being sent already");
        }
        run.leads = new LeadWorkload(run.cluster, run.runId, run.cluster.instances());
        run.leads.start(rate, thinOnly, paymentEvery);
        return Builtins.ordered("leads_per_second", rate, "thin_only", thinOnly, "payment_every", paymentEvery);
    }

    private static Map<String, Object> stopLeads(RunContext run) {
        if (run.leads == null) {
            return Map.of("running", false);
        }
        run.leadsSummary = run.leads.stop();
        var s = run.leadsSummary;
        return Builtins.ordered("leads", s.leads(), "failed", s.failed(), "payments", s.payments());
    }

    private static String decision(String decision) {
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw new InvalidExperimentException(
                    "decide_approvals.arguments.decision", "must be approve or reject, was '" + decision + "'");
        }
        return decision;
    }

    // People of {@code role} try to decide what they hold: through the instances' API, as they would.
    private static Map<String, Object> decideApprovals(
            RunContext run, String role, String decision, String by, String notes) throws Exception {
        List<UUID> pending = run.cluster.agents().pendingFor(role, run.flows());
        List<Cluster.Instance> instances = run.cluster.instances();
        int decided = 0;
        int refused = 0;
        int failed = 0;
        for (int i = 0; i < pending.size(); i++) {
            var body = new LinkedHashMap<String, Object>();
            body.put("decision", decision);
            body.put("decided_by", by);
            body.put(
                    "notes",
                    notes != null ? notes : decision.equals("reject") ? "refused during a chaos experiment" : null);
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            instances.get(i % instances.size()).url() + "/api/v1/approvals/" + pending.get(i)
                                    + "/decision"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Cluster.JSON.writeValueAsString(body)));
            run.cluster
                    .apiKey()
                    .ifPresent(key ->
                            request.header("Authorization", "Bearer " + key).header("apikey", key));
            int status = run.cluster.send(request.build()).statusCode();
            if (status == 200) {
                decided++;
            } else if (status == 409) {
                refused++;
            } else {
                failed++;
            }
        }
        return Builtins.ordered(
                "role", role, "attempted", pending.size(), "decided", decided, "refused", refused, "failed", failed);
    }
}
