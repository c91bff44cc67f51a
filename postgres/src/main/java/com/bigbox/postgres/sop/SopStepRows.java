package com.bigbox.postgres.sop;

import com.bigbox.autonomic.sop.SopExecution;
import com.bigbox.autonomic.sop.StepState;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The steps of an SOP execution in {@code sop_execution_steps}, written and read with their execution. */
final class SopStepRows {
    private static final String UPSERT_STEP = SqlResource.load(SopStepRows.class, "upsert_step");
    private static final String STEPS = SqlResource.load(SopStepRows.class, "steps");

    private SopStepRows() {}

    static void save(UnitOfWork work, SopExecution x) {
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

    static List<StepState> of(UnitOfWork work, UUID executionId) {
        return Jdbc.list(work, STEPS, s -> s.setObject(1, executionId), SopStepRows::step);
    }

    private static StepState step(ResultSet rs) throws SQLException {
        return new StepState(
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
                rs.getString("completing_event_type"));
    }
}
