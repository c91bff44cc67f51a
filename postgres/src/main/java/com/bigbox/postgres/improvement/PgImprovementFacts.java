package com.bigbox.postgres.improvement;

import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The loops' facts from the log and the projections, by the queries in {@code improvement/*.sql}. */
public final class PgImprovementFacts implements ImprovementFacts {
    private static final String APPROVAL_OUTCOMES = SqlResource.load(PgImprovementFacts.class, "approval_outcomes");
    private static final String MANUAL_TASKS = SqlResource.load(PgImprovementFacts.class, "manual_tasks");
    private static final String EXECUTED_DECISIONS = SqlResource.load(PgImprovementFacts.class, "executed_decisions");
    private static final String COMPLETED_RUNS = SqlResource.load(PgImprovementFacts.class, "completed_runs");
    private static final String MEETINGS = SqlResource.load(PgImprovementFacts.class, "meetings");
    private static final String CONFIDENCES = SqlResource.load(PgImprovementFacts.class, "confidences");
    private static final String CEO_INTERRUPTS = SqlResource.load(PgImprovementFacts.class, "ceo_interrupts");
    private static final String UNRECORDED_WORK = SqlResource.load(PgImprovementFacts.class, "unrecorded_work");
    private static final String STEP_RECORDS = SqlResource.load(PgImprovementFacts.class, "step_records");
    private static final String RAISED_SIGNALS = SqlResource.load(PgImprovementFacts.class, "raised_signals");
    private static final String PENDING_PROPOSALS = SqlResource.load(PgImprovementFacts.class, "pending_proposals");
    private static final String REVIEWED_WEEKS = SqlResource.load(PgImprovementFacts.class, "reviewed_weeks");
    private static final String FIRST_EVENT = SqlResource.load(PgImprovementFacts.class, "first_event");

    static Array texts(UnitOfWork work, List<String> values) throws SQLException {
        return Jdbc.connection(work).createArrayOf("text", values.toArray());
    }

    @Override
    public List<ApprovalOutcome> approvalOutcomes(UnitOfWork work, List<String> agents, Instant since) {
        return Jdbc.list(
                work,
                APPROVAL_OUTCOMES,
                s -> {
                    s.setArray(1, texts(work, agents));
                    s.setTimestamp(2, Jdbc.timestamp(since));
                },
                rs -> new ApprovalOutcome(
                        rs.getObject("approval_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("agent_id"),
                        rs.getString("decision_type"),
                        rs.getDouble("confidence"),
                        rs.getString("resolution"),
                        rs.getString("resolved_by"),
                        Jdbc.instant(rs, "resolved_at")));
    }

    @Override
    public List<ExecutedDecision> executedDecisions(UnitOfWork work, List<String> agents, Instant since) {
        return Jdbc.list(
                work,
                EXECUTED_DECISIONS,
                s -> {
                    s.setArray(1, texts(work, agents));
                    s.setTimestamp(2, Jdbc.timestamp(since));
                },
                rs -> new ExecutedDecision(
                        UUID.fromString(rs.getString("decision_event_id")),
                        rs.getString("agent_id"),
                        rs.getString("decision_type"),
                        rs.getDouble("confidence"),
                        Jdbc.instant(rs, "at"),
                        rs.getBoolean("overridden"),
                        rs.getString("overridden_by")));
    }

    @Override
    public List<ManualTask> manualTasks(UnitOfWork work, List<String> agents, Instant since) {
        return Jdbc.list(
                work,
                MANUAL_TASKS,
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(since));
                    s.setArray(2, texts(work, agents));
                },
                rs -> new ManualTask(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("task_id"),
                        rs.getString("kind"),
                        rs.getString("emitted_by"),
                        Jdbc.instant(rs, "at"),
                        rs.getObject("minutes") == null ? null : rs.getDouble("minutes"),
                        rs.getString("justification")));
    }

    @Override
    public List<SopRun> completedRuns(UnitOfWork work, Instant since) {
        return Jdbc.list(
                work,
                COMPLETED_RUNS,
                s -> s.setTimestamp(1, Jdbc.timestamp(since)),
                rs -> new SopRun(
                        rs.getObject("execution_id", UUID.class),
                        rs.getString("sop_id"),
                        rs.getInt("sop_version"),
                        Jdbc.instant(rs, "completed_at"),
                        rs.getDouble("cycle_time_hours"),
                        rs.getDouble("automation_rate"),
                        rs.getBigDecimal("estimated_cost")));
    }

    @Override
    public List<MeetingAttendance> meetings(UnitOfWork work, Instant since) {
        return Jdbc.list(
                work,
                MEETINGS,
                s -> s.setTimestamp(1, Jdbc.timestamp(since)),
                rs -> new MeetingAttendance(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("client_id"),
                        rs.getBoolean("attended"),
                        Jdbc.instant(rs, "at")));
    }

    @Override
    public List<ConfidenceSample> confidences(UnitOfWork work, List<String> agents, Instant since) {
        return Jdbc.list(
                work,
                CONFIDENCES,
                s -> {
                    s.setArray(1, texts(work, agents));
                    s.setTimestamp(2, Jdbc.timestamp(since));
                },
                rs -> new ConfidenceSample(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("emitted_by"),
                        rs.getDouble("confidence"),
                        Jdbc.instant(rs, "at")));
    }

    @Override
    public List<CeoInterrupt> ceoInterrupts(UnitOfWork work, Instant from, Instant to) {
        return Jdbc.list(
                work,
                CEO_INTERRUPTS,
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(from));
                    s.setTimestamp(2, Jdbc.timestamp(to));
                },
                rs -> new CeoInterrupt(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("approval_id", UUID.class),
                        Arrays.asList((String[]) rs.getArray("reasons").getArray()),
                        Jdbc.instant(rs, "at")));
    }

    @Override
    public List<UnrecordedWork> unrecordedWork(UnitOfWork work, Instant since) {
        return Jdbc.list(
                work,
                UNRECORDED_WORK,
                s -> s.setTimestamp(1, Jdbc.timestamp(since)),
                rs -> new UnrecordedWork(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("task_id"),
                        rs.getString("emitted_by"),
                        Jdbc.instant(rs, "at"),
                        rs.getString("justification")));
    }

    @Override
    public List<StepRecord> stepRecords(UnitOfWork work, Instant since) {
        return Jdbc.list(
                work,
                STEP_RECORDS,
                s -> s.setTimestamp(1, Jdbc.timestamp(since)),
                rs -> new StepRecord(
                        rs.getString("sop_id"),
                        rs.getInt("sop_version"),
                        rs.getString("step_id"),
                        rs.getString("automation_level"),
                        rs.getInt("performed"),
                        rs.getInt("by_person"),
                        rs.getInt("agreed"),
                        rs.getDouble("human_minutes"),
                        Arrays.asList((UUID[]) rs.getArray("evidence").getArray())));
    }

    @Override
    public List<RaisedSignal> raisedSignals(UnitOfWork work) {
        return Jdbc.list(
                work,
                RAISED_SIGNALS,
                s -> {},
                rs -> new RaisedSignal(
                        rs.getString("event_type"),
                        rs.getString("subject"),
                        Jdbc.instant(rs, "last_raised_at"),
                        rs.getBoolean("open")));
    }

    @Override
    public List<String> sopsWithPendingProposals(UnitOfWork work) {
        return Jdbc.list(work, PENDING_PROPOSALS, s -> {}, rs -> rs.getString(1));
    }

    @Override
    public List<String> reviewedWeeks(UnitOfWork work) {
        return Jdbc.list(work, REVIEWED_WEEKS, s -> {}, rs -> rs.getString(1));
    }

    @Override
    public Optional<Instant> firstEventAt(UnitOfWork work) {
        // min() of an empty log is a row holding null.
        return Jdbc.list(work, FIRST_EVENT, s -> {}, rs -> Jdbc.instant(rs, "min")).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
