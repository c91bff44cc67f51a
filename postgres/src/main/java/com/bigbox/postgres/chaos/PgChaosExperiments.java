package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ChaosEvent;
import com.bigbox.autonomic.chaos.ChaosExperiments;
import com.bigbox.autonomic.chaos.ExperimentRun;
import com.bigbox.autonomic.chaos.ResilienceTrend;
import com.bigbox.autonomic.chaos.RunRecord;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs in {@code chaos_experiments}, with their events on {@code CHAOS_EXPERIMENT/<id>}. */
public final class PgChaosExperiments implements ChaosExperiments {
    private static final String INSERT = SqlResource.load(PgChaosExperiments.class, "experiment_start");
    private static final String FINISH = SqlResource.load(PgChaosExperiments.class, "experiment_finish");
    private static final String RECENT_SCORES = SqlResource.load(PgChaosExperiments.class, "recent_resilience_scores");

    @Override
    public void started(UnitOfWork work, ExperimentRun run) {
        var experiment = run.experiment();
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(INSERT)) {
            s.setObject(1, run.id());
            s.setString(2, experiment.type());
            s.setString(3, experiment.intensity().label());
            s.setTimestamp(4, Timestamp.from(run.startedAt()));
            s.setString(5, ChaosJson.write(experiment.targetFilter()));
            s.setString(6, experiment.title());
            s.setString(7, experiment.version());
            s.setString(8, run.definitionSha256());
            s.setString(9, ChaosJson.write(run.definition()));
            s.setString(10, run.rollbackStrategy().label());
            s.setString(11, run.runBy());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException(
                    "recording the start of chaos experiment " + run.id() + " failed: " + e.getMessage(), e);
        }
        append(
                work,
                run,
                new ChaosEvent.ExperimentStarted(
                        run.id(),
                        experiment.title(),
                        experiment.type(),
                        experiment.intensity(),
                        experiment.version(),
                        run.startedAt()),
                run.startedAt());
    }

    @Override
    public ResilienceTrend finished(UnitOfWork work, ExperimentRun run, RunRecord record) {
        boolean completed = record.status() == RunRecord.Status.COMPLETED;
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(FINISH)) {
            s.setTimestamp(1, Timestamp.from(record.endedAt()));
            s.setTimestamp(2, Timestamp.from(record.endedAt()));
            s.setInt(3, (int) Math.min(Integer.MAX_VALUE, record.eventsAffected()));
            s.setBigDecimal(4, BigDecimal.valueOf(record.degradation().rounded()));
            s.setInt(5, record.failuresDetected());
            s.setObject(6, record.recoverySeconds());
            s.setString(7, completed ? "completed" : "aborted");
            s.setString(8, ChaosJson.write(record.hypothesisBefore()));
            s.setString(9, ChaosJson.write(record.hypothesisAfter()));
            s.setString(10, ChaosJson.write(record.method()));
            s.setString(11, ChaosJson.write(record.rollbacks()));
            s.setString(12, ChaosJson.write(record.findings()));
            s.setBoolean(13, record.deviated());
            s.setBigDecimal(14, completed ? BigDecimal.valueOf(record.score().value()) : null);
            s.setObject(15, run.id());
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("chaos experiment " + run.id() + " is not running");
            }
        } catch (SQLException e) {
            throw new EventStoreException(
                    "recording the end of chaos experiment " + run.id() + " failed: " + e.getMessage(), e);
        }
        append(
                work,
                run,
                new ChaosEvent.ExperimentCompleted(
                        run.id(),
                        record.status(),
                        record.deviated(),
                        record.degradation().rounded(),
                        record.failuresDetected(),
                        record.recoverySeconds(),
                        record.findings(),
                        record.endedAt()),
                record.endedAt());
        ResilienceTrend trend = ResilienceTrend.of(recentScores(work, ResilienceTrend.WINDOW));
        if (completed) {
            append(
                    work,
                    run,
                    new ChaosEvent.ResilienceScored(
                            run.id(), record.score().value(), record.score().alert(), trend),
                    record.endedAt());
        }
        return trend;
    }

    @Override
    public List<Double> recentScores(UnitOfWork work, int n) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(RECENT_SCORES)) {
            s.setInt(1, n);
            var scores = new ArrayList<Double>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    scores.add(rs.getBigDecimal(1).doubleValue());
                }
            }
            Collections.reverse(scores);
            return scores;
        } catch (SQLException e) {
            throw new EventStoreException("reading recent resilience scores failed: " + e.getMessage(), e);
        }
    }

    // The one edge where chaos events become stored events.
    private static void append(UnitOfWork work, ExperimentRun run, ChaosEvent event, Instant at) {
        Map<String, Object> payload = switch (event) {
            case ChaosEvent.ExperimentStarted s -> payload(s);
            case ChaosEvent.ExperimentCompleted c -> payload(c);
            case ChaosEvent.ResilienceScored r -> payload(r);
        };
        work.append(
                StreamId.of(ChaosEvent.AGGREGATE_TYPE, run.id().toString()),
                NewEvent.of(event.type(), ChaosJson.write(payload))
                        .correlatedWith(run.id())
                        .emittedBy("chaos")
                        .at(at));
    }

    private static Map<String, Object> payload(ChaosEvent.ExperimentStarted s) {
        return ordered(
                "experiment_id",
                s.experimentId(),
                "title",
                s.title(),
                "experiment_type",
                s.experimentType(),
                "intensity",
                s.intensity().label(),
                "version",
                s.version(),
                "started_at",
                s.startedAt());
    }

    private static Map<String, Object> payload(ChaosEvent.ExperimentCompleted c) {
        return ordered(
                "experiment_id",
                c.experimentId(),
                "status",
                c.status() == RunRecord.Status.COMPLETED ? "completed" : "aborted",
                "deviated",
                c.deviated(),
                "system_degradation",
                c.degradation(),
                "failures_detected",
                c.failuresDetected(),
                "recovery_time_seconds",
                c.recoverySeconds(),
                "findings",
                c.findings(),
                "ended_at",
                c.endedAt());
    }

    private static Map<String, Object> payload(ChaosEvent.ResilienceScored r) {
        return ordered(
                "experiment_id",
                r.experimentId(),
                "resilience_score",
                r.score(),
                "alert",
                r.alert(),
                "alert_below",
                com.bigbox.autonomic.chaos.ResilienceScore.ALERT_BELOW,
                "trend",
                ordered(
                        "scores",
                        r.trend().scores(),
                        "mean",
                        r.trend().mean(),
                        "slope",
                        r.trend().slope(),
                        "direction",
                        r.trend().direction().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
