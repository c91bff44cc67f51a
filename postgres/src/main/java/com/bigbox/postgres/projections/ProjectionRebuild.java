package com.bigbox.postgres.projections;

import com.bigbox.autonomic.projections.Projection;
import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections from the log (the core of {@code bigbox replay}): in one transaction it takes over
 * their subscriptions (a new epoch, so a live owner's next checkpoint write fails and it resumes from
 * here), empties their tables, applies every event in commit order, and sets their checkpoints to the
 * last event. The result is exactly the rows the live projections would hold. Engines may keep running.
 */
public final class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final int BATCH = 1_000;
    private static final Map<String, String> EMPTY = Map.of(
            "agent_metrics", "delete from agent_metrics",
            "client_health", "delete from client_health");

    private static final String TAKE_OVER = """
            insert into subscription_checkpoints as c (subscription_name, transaction_seq, global_position, owner, epoch)
            values (?, 0, 0, 'replay', 1)
            on conflict (subscription_name) do update set owner = 'replay', epoch = c.epoch + 1, updated_at = now()""";

    private static final String CHECKPOINT = """
            update subscription_checkpoints set transaction_seq = ?, global_position = ?, updated_at = now()
             where subscription_name = ?""";

    private final EventStore store;
    private final List<Projection> projections;

    /** Told how far the rebuild is: events applied so far, of about {@code total}. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long applied, long total);
    }

    /** @param position the checkpoint every rebuilt projection now holds */
    public record Result(long events, Position position, long millis) {}

    public ProjectionRebuild(EventStore store, List<Projection> projections) {
        this.store = store;
        this.projections = List.copyOf(projections);
    }

    public Result rebuild(ProgressListener listener) {
        long started = System.nanoTime();
        Result result = store.inTransaction(work -> run(work, listener, started));
        log.info("Rebuilt {} from {} events in {} ms (checkpoint {})",
                projections.stream().map(Projection::name).toList(), result.events(), result.millis(), result.position());
        return result;
    }

    private Result run(UnitOfWork work, ProgressListener listener, long started) {
        Jdbc.list(work, PgProjectionStore.EXCLUSIVE_LOCK, s -> {}, rs -> 1);
        for (Projection p : projections) {
            Jdbc.update(work, TAKE_OVER, s -> s.setString(1, p.name()));
            for (String table : p.tables()) {
                String empty = EMPTY.get(table);
                if (empty == null) {
                    throw new IllegalArgumentException("a rebuild does not know how to empty table " + table);
                }
                Jdbc.update(work, empty, s -> {});
            }
        }
        long total = Jdbc.one(work, "select count(*) from events", s -> {}, rs -> rs.getLong(1)).orElse(0L);
        Position position = Position.START;
        long applied = 0;
        listener.progress(0, total);
        while (true) {
            List<RecordedEvent> batch = work.readAll(position, BATCH);
            for (RecordedEvent event : batch) {
                for (Projection p : projections) {
                    p.apply(event, work);
                }
                position = event.position();
                applied++;
            }
            listener.progress(applied, Math.max(total, applied));
            if (batch.size() < BATCH) {
                break;
            }
        }
        Position last = position;
        for (Projection p : projections) {
            Jdbc.update(work, CHECKPOINT, s -> {
                s.setLong(1, last.transactionSeq());
                s.setLong(2, last.globalPosition());
                s.setString(3, p.name());
            });
        }
        return new Result(applied, last, (System.nanoTime() - started) / 1_000_000);
    }
}
