package com.bigbox.postgres.sop;

import com.bigbox.autonomic.sop.SopExecution;
import com.bigbox.autonomic.sop.StepState;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Executions of SOPs in {@code sop_executions}, always read and written together with their steps. */
final class SopExecutionRows {
    private static final String UPSERT_EXECUTION = SqlResource.load(SopExecutionRows.class, "upsert_execution");
    private static final String RUNNING = SqlResource.load(SopExecutionRows.class, "running_executions");
    private static final String ONE_EXECUTION = SqlResource.load(SopExecutionRows.class, "execution");
    private static final String LOCK_EXECUTION = SqlResource.load(SopExecutionRows.class, "lock_execution");
    private static final String EXECUTIONS = SqlResource.load(SopExecutionRows.class, "executions");
    private static final String RESET_EXECUTIONS = SqlResource.load(SopExecutionRows.class, "reset_executions");

    private SopExecutionRows() {}

    static void save(UnitOfWork work, SopExecution x, Instant at) {
        Jdbc.update(work, UPSERT_EXECUTION, s -> {
            s.setObject(1, x.executionId());
            s.setString(2, x.sopId());
            s.setInt(3, x.sopVersion());
            s.setObject(4, x.correlationId());
            s.setString(5, x.clientId());
            s.setObject(6, x.triggerEventId());
            s.setTimestamp(7, Jdbc.timestamp(x.startedAt()));
            s.setTimestamp(8, Jdbc.timestamp(x.completedAt()));
            s.setString(9, x.status());
            s.setBigDecimal(10, x.cycleTimeHours());
            s.setObject(11, x.totalSteps());
            s.setObject(12, x.automatedSteps());
            s.setBigDecimal(13, x.automationRate());
            s.setBigDecimal(14, x.humanHours());
            s.setBigDecimal(15, x.estimatedCost());
            s.setBigDecimal(16, x.qualityScore());
            s.setString(17, x.outcome());
            s.setInt(18, x.corrections());
            s.setTimestamp(19, Jdbc.timestamp(at));
        });
        SopStepRows.save(work, x);
    }

    static List<SopExecution> running(UnitOfWork work, UUID correlationId) {
        return withSteps(work, Jdbc.list(work, RUNNING, s -> s.setObject(1, correlationId), SopExecutionRows::row));
    }

    static Optional<SopExecution> one(UnitOfWork work, UUID executionId) {
        return first(withSteps(
                work, Jdbc.list(work, ONE_EXECUTION, s -> s.setObject(1, executionId), SopExecutionRows::row)));
    }

    static Optional<SopExecution> lock(UnitOfWork work, UUID executionId) {
        return first(withSteps(
                work, Jdbc.list(work, LOCK_EXECUTION, s -> s.setObject(1, executionId), SopExecutionRows::row)));
    }

    static List<SopExecution> list(UnitOfWork work, String sopId, String status, int limit) {
        return withSteps(
                work,
                Jdbc.list(
                        work,
                        EXECUTIONS,
                        s -> {
                            s.setString(1, sopId);
                            s.setString(2, sopId);
                            s.setString(3, status);
                            s.setString(4, status);
                            s.setInt(5, limit);
                        },
                        SopExecutionRows::row));
    }

    static void reset(UnitOfWork work) {
        Jdbc.update(work, RESET_EXECUTIONS, s -> {});
    }

    private static Optional<SopExecution> first(List<SopExecution> executions) {
        return executions.stream().findFirst();
    }

    private static List<SopExecution> withSteps(UnitOfWork work, List<SopExecution> executions) {
        var full = new ArrayList<SopExecution>();
        for (SopExecution x : executions) {
            List<StepState> steps = SopStepRows.of(work, x.executionId());
            full.add(x.withSteps(steps));
        }
        return full;
    }

    // An execution without its steps: withSteps reads them.
    private static SopExecution row(ResultSet rs) throws SQLException {
        return new SopExecution(
                rs.getObject("execution_id", UUID.class),
                rs.getString("sop_id"),
                rs.getInt("sop_version"),
                rs.getObject("correlation_id", UUID.class),
                rs.getString("client_id"),
                rs.getObject("trigger_event_id", UUID.class),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "completed_at"),
                rs.getString("status"),
                rs.getBigDecimal("cycle_time_hours"),
                Jdbc.integer(rs, "total_steps"),
                Jdbc.integer(rs, "automated_steps"),
                rs.getBigDecimal("automation_rate"),
                rs.getBigDecimal("human_hours"),
                rs.getBigDecimal("estimated_cost"),
                rs.getBigDecimal("quality_score"),
                rs.getString("outcome"),
                rs.getInt("corrections"),
                List.of());
    }
}
