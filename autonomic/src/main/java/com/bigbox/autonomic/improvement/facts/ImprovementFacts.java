package com.bigbox.autonomic.improvement.facts;

import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The monitor half of the loops (port): the facts each loop analyses, read from the event log and the
 * projections. The adapter keeps the SQL; the loops keep the judgement.
 */
public interface ImprovementFacts {

    /**
     * A person's (or silence's) answer to an agent's decision.
     *
     * @param decisionType the decision's event type (thresholds are calibrated per agent and type); null if unknown
     * @param resolution approved, modified, rejected or approved_by_silence
     */
    record ApprovalOutcome(
            UUID approvalId,
            UUID decisionEventId,
            String agentId,
            String decisionType,
            double confidence,
            String resolution,
            String resolvedBy,
            Instant resolvedAt) {
        public boolean byPerson() {
            return !"approved_by_silence".equals(resolution);
        }

        public boolean agreed() {
            return "approved".equals(resolution) || "approved_by_silence".equals(resolution);
        }

        public boolean overridden() {
            return "modified".equals(resolution) || "rejected".equals(resolution);
        }
    }

    /**
     * A decision (of {@code decisionType}) that took effect with no person ({@code AUTONOMIC_DECISION_EXECUTED}), and whether a person
     * later found it wrong ({@code AUTONOMIC_DECISION_OVERRIDDEN}).
     */
    record ExecutedDecision(
            UUID decisionEventId,
            String agentId,
            String decisionType,
            double confidence,
            Instant at,
            boolean overridden,
            String overriddenBy) {}

    /** A task a person created by hand; {@code kind} is its reason tag (or its title when it has none). */
    record ManualTask(
            UUID eventId,
            String taskId,
            String kind,
            String createdBy,
            Instant at,
            Double minutes,
            String justification) {}

    /** A completed SOP execution's measurements. */
    record SopRun(
            UUID executionId,
            String sopId,
            int sopVersion,
            Instant completedAt,
            double cycleTimeHours,
            double automationRate,
            BigDecimal cost) {}

    /** A completed meeting of a client, attended or not. */
    record MeetingAttendance(UUID eventId, String clientId, boolean attended, Instant at) {}

    /** A decision of an agent with its confidence. */
    record ConfidenceSample(UUID eventId, String agentId, double confidence, Instant at) {}

    /** A CEO interrupt with the reasons Oversight gave. */
    record CeoInterrupt(UUID eventId, UUID approvalId, List<String> reasons, Instant at) {}

    /** Work done that no event created: a completed task with no TASK_CREATED. */
    record UnrecordedWork(UUID eventId, String taskId, String completedBy, Instant at, String justification) {}

    /**
     * How people treated one step of an SOP over its completed executions.
     *
     * @param byPerson completions a person approved (or did)
     * @param agreed of those, approved unchanged (or by silence)
     * @param humanMinutes mean minutes a person spent on it
     */
    record StepRecord(
            String sopId,
            int sopVersion,
            String stepId,
            String automationLevel,
            int performed,
            int byPerson,
            int agreed,
            double humanMinutes,
            List<UUID> evidence) {}

    /**
     * The signals of one type about one subject: when the last was raised, and whether one is still open
     * (unacknowledged). An equal signal is not raised again while one is open, nor too soon after the last.
     */
    record RaisedSignal(String eventType, String subject, Instant lastRaisedAt, boolean open) {
        public String key() {
            return eventType + "|" + subject;
        }
    }

    List<ApprovalOutcome> approvalOutcomes(UnitOfWork work, List<String> agents, Instant since);

    List<ExecutedDecision> executedDecisions(UnitOfWork work, List<String> agents, Instant since);

    List<ManualTask> manualTasks(UnitOfWork work, List<String> agents, Instant since);

    List<SopRun> completedRuns(UnitOfWork work, Instant since);

    List<MeetingAttendance> meetings(UnitOfWork work, Instant since);

    List<ConfidenceSample> confidences(UnitOfWork work, List<String> agents, Instant since);

    List<CeoInterrupt> ceoInterrupts(UnitOfWork work, Instant from, Instant to);

    List<UnrecordedWork> unrecordedWork(UnitOfWork work, Instant since);

    List<StepRecord> stepRecords(UnitOfWork work, Instant since);

    List<RaisedSignal> raisedSignals(UnitOfWork work);

    /** SOPs with a proposal waiting for its approval. */
    List<String> sopsWithPendingProposals(UnitOfWork work);

    /** Weeks (ISO, e.g. 2026-W48) whose automation review was held. */
    List<String> reviewedWeeks(UnitOfWork work);

    /** When the first event was stored: go-live when no date is set. */
    java.util.Optional<Instant> firstEventAt(UnitOfWork work);
}
