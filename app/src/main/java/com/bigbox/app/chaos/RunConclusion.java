package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Degradation;
import com.bigbox.autonomic.chaos.ResilienceScore;
import com.bigbox.autonomic.chaos.RunRecord;
import com.bigbox.autonomic.chaos.RunRecord.ActivityResult;
import com.bigbox.autonomic.chaos.RunRecord.ProbeResult;
import com.bigbox.postgres.EventStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run's journal entry: its findings, degradation and resilience score, from its results and what it saw. */
final class RunConclusion {
    private RunConclusion() {}

    /**
     * What a run found, from its results and what its context observed (workload, leads, total check,
     * fault hits): the findings, degradation and score. The engine's chaos sessions, which serve the
     * same functions to the Chaos Toolkit, conclude their runs with it too.
     */
    static RunRecord conclude(
            RunContext context,
            List<ProbeResult> before,
            List<ProbeResult> after,
            List<ActivityResult> method,
            List<ActivityResult> rollbacks,
            List<String> findings,
            boolean aborted,
            boolean deviated,
            Integer recovery,
            Instant endedAt) {
        method.stream()
                .filter(ActivityResult::failed)
                .forEach(a -> findings.add("activity " + a.name() + " failed: " + a.error()));
        rollbacks.stream()
                .filter(ActivityResult::failed)
                .forEach(a -> findings.add("rollback " + a.name() + " failed: " + a.error()));
        Workload.Summary workload = context.workloadSummary;
        if (workload != null) {
            findings.add(String.format(
                    java.util.Locale.ROOT,
                    "workload: %,d appends attempted, %,d acknowledged, %,d failed, %,d unknown",
                    workload.attempted(),
                    workload.acknowledged(),
                    workload.failed(),
                    workload.unknown()));
        }
        LeadWorkload.Summary leads = context.leadsSummary;
        if (leads != null) {
            findings.add(String.format(
                    java.util.Locale.ROOT,
                    "leads: %,d sent through the intake API, %,d refused or lost on the way, " + "%,d payments",
                    leads.leads(),
                    leads.failed(),
                    leads.payments()));
        }
        if (context.lastTotalCheck instanceof Map<?, ?> check) {
            findings.add("total check: lost " + check.get("lost") + ", duplicated " + check.get("duplicated")
                    + ", unexpected "
                    + check.get("unexpected") + " across " + ((Map<?, ?>) check.get("readers")).keySet()
                    + (((List<?>) check.get("unreachable")).isEmpty()
                            ? ""
                            : "; unreachable " + check.get("unreachable")));
        }
        long hits = faultHits(context);
        long attempts = workload == null ? 0 : workload.attempted();
        long failed = workload == null ? 0 : workload.failed() + workload.unknown();
        var degradation = new Degradation(
                after.size(),
                (int) after.stream().filter(p -> !p.withinTolerance()).count(),
                attempts,
                failed,
                workload == null ? 0 : workload.acknowledged(),
                context.anomalies);
        var score = ResilienceScore.of(degradation);
        return new RunRecord(
                aborted ? RunRecord.Status.ABORTED : RunRecord.Status.COMPLETED,
                deviated,
                before,
                after,
                method,
                rollbacks,
                findings,
                degradation,
                score,
                recovery,
                hits + failed,
                endedAt);
    }

    private static long faultHits(RunContext context) {
        try {
            return context.cluster.control().faultHits(context.experimentId);
        } catch (EventStoreException e) {
            return 0;
        }
    }
}
