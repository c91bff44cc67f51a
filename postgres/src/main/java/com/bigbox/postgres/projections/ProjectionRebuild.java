package com.bigbox.postgres.projections;

import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.EventRows;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections from the log (the core of {@code bigbox replay}), in one transaction: it takes the
 * projection lock alone (live writers in flight finish first, the next ones wait), empties the chosen
 * projections and those that depend on them, applies every committed event in commit order through each
 * projection's own {@code apply}, and gives the subscribed projections the checkpoint they reached (a
 * new epoch, so a live owner resumes from there). The result is exactly the rows the live system holds.
 * Engines may keep running.
 */
public final class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final int BATCH = 1_000;

    private static final String COMMITTED = SqlResource.load(ProjectionRebuild.class, "replay_committed_events");
    private static final String COUNT = SqlResource.load(ProjectionRebuild.class, "replay_event_count");
    private static final String TAKE_OVER = SqlResource.load(ProjectionRebuild.class, "replay_take_over");
    private static final String CHECKPOINT = SqlResource.load(ProjectionRebuild.class, "replay_checkpoint");

    private final EventStore store;
    private final ProjectionRegistry registry;
    private final PgProjectionLock lock = new PgProjectionLock();

    /** Told how far the rebuild is: events read so far, of about {@code total}. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long applied, long total);
    }

    /**
     * @param projections the names rebuilt (those asked for and their dependents)
     * @param position the checkpoint every rebuilt subscribed projection now holds
     */
    public record Result(List<String> projections, long events, Position position, long millis) {}

    public ProjectionRebuild(EventStore store, ProjectionRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Rebuilds every projection. */
    public Result rebuild(ProgressListener listener) {
        return rebuild(List.of(), listener);
    }

    /**
     * Rebuilds the projections named and those depending on them (all when none is named).
     *
     * @throws com.bigbox.autonomic.InvalidInputException naming a projection that does not exist, before anything changes
     */
    public Result rebuild(List<String> names, ProgressListener listener) {
        List<Projection> selected = registry.withDependents(names);
        long started = System.nanoTime();
        Result result = store.inTransaction(work -> run(work, selected, listener, started));
        log.info(
                "Rebuilt {} from {} events in {} ms (subscriptions continue after {})",
                result.projections(),
                result.events(),
                result.millis(),
                result.position());
        return result;
    }

    private Result run(UnitOfWork work, List<Projection> selected, ProgressListener listener, long started) {
        lock.exclusive(work);
        for (Projection p : selected.reversed()) {
            p.reset(work);
        }
        for (Projection p : selected) {
            if (p.mode() == Projection.Mode.SUBSCRIPTION) {
                Jdbc.update(work, TAKE_OVER, s -> s.setString(1, p.subscriptionName()));
            }
        }
        // A subscribed projection stops where its live subscription can go on without skipping a late commit.
        Position horizon = work.head();
        long total = Jdbc.one(work, COUNT, s -> {}, rs -> rs.getLong(1)).orElse(0L);
        listener.progress(0, total);
        Position position = Position.START;
        long read = 0;
        while (true) {
            Position after = position;
            List<RecordedEvent> batch = Jdbc.list(
                    work,
                    COMMITTED,
                    s -> {
                        s.setLong(1, after.transactionSeq());
                        s.setLong(2, after.globalPosition());
                        s.setInt(3, BATCH);
                    },
                    EventRows::map);
            for (RecordedEvent event : batch) {
                boolean settled = !event.position().isAfter(horizon);
                for (Projection p : selected) {
                    if (settled || p.mode() == Projection.Mode.INLINE) {
                        p.apply(event, work);
                    }
                }
                position = event.position();
                read++;
            }
            listener.progress(read, Math.max(total, read));
            if (batch.size() < BATCH) {
                break;
            }
        }
        for (Projection p : selected) {
            if (p.mode() == Projection.Mode.SUBSCRIPTION) {
                Jdbc.update(work, CHECKPOINT, s -> {
                    s.setLong(1, horizon.transactionSeq());
                    s.setLong(2, horizon.globalPosition());
                    s.setString(3, p.subscriptionName());
                });
            }
        }
        return new Result(
                selected.stream().map(Projection::name).toList(),
                read,
                horizon,
                (System.nanoTime() - started) / 1_000_000);
    }
}
