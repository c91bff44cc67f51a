package com.bigbox.postgres.sop;

import com.bigbox.autonomic.sop.SopExecution;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.autonomic.sop.StepState;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SOP versions in {@code sop_definitions}; executions in {@code sop_executions} with their steps. */
public final class PgSopStore implements SopStore {
    private static final String VERSION_COLUMNS = """
            sop_id, version, definition::text as definition, checksum, created_at, activated_at, deactivated_at,
            previous_version, approval_mechanism, source""";

    private static final String ACTIVE = "select " + VERSION_COLUMNS
            + " from sop_definitions where deactivated_at is null and activated_at is not null order by sop_id";

    private static final String ACTIVE_ONE = "select " + VERSION_COLUMNS
            + " from sop_definitions where sop_id = ? and deactivated_at is null and activated_at is not null";

    private static final String ONE_VERSION =
            "select " + VERSION_COLUMNS + " from sop_definitions where sop_id = ? and version = ?";

    private static final String VERSIONS = "select " + VERSION_COLUMNS
            + " from sop_definitions where (?::text is null or sop_id = ?) order by sop_id, version desc";

    // Two loaders of one SOP take turns, so they never both insert a version (or one the other just loaded).
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('bigbox.sop'), hashtext(?))";

    private static final String NEXT_VERSION =
            "select coalesce(max(version), 0) + 1 from sop_definitions where sop_id = ?";

    private static final String DEACTIVATE =
            "update sop_definitions set deactivated_at = ? where sop_id = ? and deactivated_at is null";

    private static final String INSERT_VERSION = """
            insert into sop_definitions (sop_id, version, definition, created_at, activated_at, previous_version,
                                         approval_mechanism, checksum, source)
            values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""";

    private static final String RESET_VERSIONS = "delete from sop_definitions";

    // Steps go with their executions (on delete cascade).
    private static final String RESET_EXECUTIONS = "delete from sop_executions";

    private static final String EXECUTION_COLUMNS = """
            execution_id, sop_id, sop_version, correlation_id, client_id, trigger_event_id, started_at, completed_at,
            status, cycle_time_hours, total_steps, automated_steps, automation_rate, human_hours, estimated_cost,
            quality_score, outcome::text as outcome, corrections""";

    private static final String UPSERT_EXECUTION = """
            insert into sop_executions (execution_id, sop_id, sop_version, correlation_id, client_id, trigger_event_id,
                started_at, completed_at, status, cycle_time_hours, total_steps, automated_steps, automation_rate,
                human_hours, estimated_cost, quality_score, outcome, corrections, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            on conflict (execution_id) do update set
                completed_at = excluded.completed_at, status = excluded.status, cycle_time_hours = excluded.cycle_time_hours,
                total_steps = excluded.total_steps, automated_steps = excluded.automated_steps,
                automation_rate = excluded.automation_rate, human_hours = excluded.human_hours,
                estimated_cost = excluded.estimated_cost, quality_score = excluded.quality_score,
                outcome = excluded.outcome, corrections = excluded.corrections, updated_at = excluded.updated_at""";

    private static final String UPSERT_STEP = """
            insert into sop_execution_steps (execution_id, step_id, position, name, automation_level, status, required,
                automated, human_minutes, cost, task_id, ready_at, completed_at, completing_event_id, completing_event_type,
                client_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (execution_id, step_id) do update set
                status = excluded.status, required = excluded.required, automated = excluded.automated,
                human_minutes = excluded.human_minutes, cost = excluded.cost, task_id = excluded.task_id,
                ready_at = excluded.ready_at, completed_at = excluded.completed_at,
                completing_event_id = excluded.completing_event_id, completing_event_type = excluded.completing_event_type""";

    private static final String RUNNING = "select " + EXECUTION_COLUMNS
            + " from sop_executions where correlation_id = ? and status in ('in_progress', 'escalated') order by started_at, execution_id"
            + " for update";

    private static final String ONE_EXECUTION =
            "select " + EXECUTION_COLUMNS + " from sop_executions where execution_id = ?";

    private static final String LOCK_EXECUTION = ONE_EXECUTION + " for update";

    private static final String EXECUTIONS = "select " + EXECUTION_COLUMNS + """
             from sop_executions
            where (?::text is null or sop_id = ?) and (?::text is null or status = ?)
            order by started_at desc, execution_id
            limit ?""";

    private static final String STEPS = """
            select step_id, position, name, automation_level, status, required, automated, human_minutes, cost, task_id,
                   ready_at, completed_at, completing_event_id, completing_event_type
              from sop_execution_steps where execution_id = ? order by position""";

    @Override
    public List<SopVersion> activeVersions(UnitOfWork work) {
        return Jdbc.list(work, ACTIVE, s -> {}, PgSopStore::version);
    }

    @Override
    public Optional<SopVersion> activeVersion(UnitOfWork work, String sopId) {
        return Jdbc.one(work, ACTIVE_ONE, s -> s.setString(1, sopId), PgSopStore::version);
    }

    @Override
    public Optional<SopVersion> version(UnitOfWork work, String sopId, int version) {
        return Jdbc.one(
                work,
                ONE_VERSION,
                s -> {
                    s.setString(1, sopId);
                    s.setInt(2, version);
                },
                PgSopStore::version);
    }

    @Override
    public List<SopVersion> versions(UnitOfWork work, String sopId) {
        return Jdbc.list(
                work,
                VERSIONS,
                s -> {
                    s.setString(1, sopId);
                    s.setString(2, sopId);
                },
                PgSopStore::version);
    }

    @Override
    public void lockForChange(UnitOfWork work, String sopId) {
        Jdbc.list(work, LOCK, s -> s.setString(1, sopId), rs -> 1);
    }

    @Override
    public int nextVersion(UnitOfWork work, String sopId) {
        return Jdbc.one(work, NEXT_VERSION, s -> s.setString(1, sopId), rs -> rs.getInt(1))
                .orElseThrow();
    }

    @Override
    public void activate(UnitOfWork work, SopVersion v) {
        Jdbc.update(work, DEACTIVATE, s -> {
            s.setTimestamp(1, Jdbc.timestamp(v.activatedAt()));
            s.setString(2, v.sopId());
        });
        Jdbc.update(work, INSERT_VERSION, s -> {
            s.setString(1, v.sopId());
            s.setInt(2, v.version());
            s.setString(3, v.definition());
            s.setTimestamp(4, Jdbc.timestamp(v.createdAt()));
            s.setTimestamp(5, Jdbc.timestamp(v.activatedAt()));
            if (v.previousVersion() != null) {
                s.setInt(6, v.previousVersion());
            } else {
                s.setNull(6, java.sql.Types.INTEGER);
            }
            s.setString(7, v.approvalMechanism());
            s.setString(8, v.checksum());
            s.setString(9, v.source());
        });
    }

    @Override
    public void resetVersions(UnitOfWork work) {
        Jdbc.update(work, RESET_VERSIONS, s -> {});
    }

    @Override
    public void resetExecutions(UnitOfWork work) {
        Jdbc.update(work, RESET_EXECUTIONS, s -> {});
    }

    @Override
    public void save(UnitOfWork work, SopExecution x, Instant at) {
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
        for (StepState step : x.steps()) {
            Jdbc.update(work, UPSERT_STEP, s -> {
                s.setObject(1, x.executionId());
                s.setString(2, step.stepId());
                s.setInt(3, step.position());
                s.setString(4, step.name());
                s.setString(5, step.automationLevel());
                s.setString(6, step.status());
                s.setBoolean(7, step.required());
                s.setObject(8, step.automated());
                s.setBigDecimal(9, step.humanMinutes());
                s.setBigDecimal(10, step.cost());
                s.setString(11, step.taskId());
                s.setTimestamp(12, Jdbc.timestamp(step.readyAt()));
                s.setTimestamp(13, Jdbc.timestamp(step.completedAt()));
                s.setObject(14, step.completingEventId());
                s.setString(15, step.completingEventType());
                s.setString(16, x.clientId());
            });
        }
    }

    @Override
    public List<SopExecution> running(UnitOfWork work, UUID correlationId) {
        return withSteps(work, Jdbc.list(work, RUNNING, s -> s.setObject(1, correlationId), PgSopStore::execution));
    }

    @Override
    public Optional<SopExecution> execution(UnitOfWork work, UUID executionId) {
        return withSteps(work, Jdbc.list(work, ONE_EXECUTION, s -> s.setObject(1, executionId), PgSopStore::execution))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<SopExecution> lock(UnitOfWork work, UUID executionId) {
        return withSteps(work, Jdbc.list(work, LOCK_EXECUTION, s -> s.setObject(1, executionId), PgSopStore::execution))
                .stream()
                .findFirst();
    }

    @Override
    public List<SopExecution> executions(UnitOfWork work, String sopId, String status, int limit) {
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
                        PgSopStore::execution));
    }

    private static List<SopExecution> withSteps(UnitOfWork work, List<SopExecution> executions) {
        var full = new ArrayList<SopExecution>();
        for (SopExecution x : executions) {
            List<StepState> steps = Jdbc.list(
                    work,
                    STEPS,
                    s -> s.setObject(1, x.executionId()),
                    rs -> new StepState(
                            rs.getString("step_id"),
                            rs.getInt("position"),
                            rs.getString("name"),
                            rs.getString("automation_level"),
                            rs.getString("status"),
                            rs.getBoolean("required"),
                            Jdbc.bool(rs, "automated"),
                            rs.getBigDecimal("human_minutes"),
                            rs.getBigDecimal("cost"),
                            rs.getString("task_id"),
                            Jdbc.instant(rs, "ready_at"),
                            Jdbc.instant(rs, "completed_at"),
                            rs.getObject("completing_event_id", UUID.class),
                            rs.getString("completing_event_type")));
            full.add(new SopExecution(
                    x.executionId(),
                    x.sopId(),
                    x.sopVersion(),
                    x.correlationId(),
                    x.clientId(),
                    x.triggerEventId(),
                    x.startedAt(),
                    x.completedAt(),
                    x.status(),
                    x.cycleTimeHours(),
                    x.totalSteps(),
                    x.automatedSteps(),
                    x.automationRate(),
                    x.humanHours(),
                    x.estimatedCost(),
                    x.qualityScore(),
                    x.outcome(),
                    x.corrections(),
                    steps));
        }
        return full;
    }

    private static SopVersion version(ResultSet rs) throws SQLException {
        return new SopVersion(
                rs.getString("sop_id"),
                rs.getInt("version"),
                rs.getString("definition"),
                rs.getString("checksum"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "activated_at"),
                Jdbc.instant(rs, "deactivated_at"),
                Jdbc.integer(rs, "previous_version"),
                rs.getString("approval_mechanism"),
                rs.getString("source"));
    }

    private static SopExecution execution(ResultSet rs) throws SQLException {
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
