package com.bigbox.app.simulation;

import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Waits until the engine has nothing left to do for now: every durable subscription's checkpoint has caught
 * up with the head of the log. Only then does the simulation let time pass or people act, so what they see
 * and do never depends on how fast the machine is.
 */
final class Quiescence {
    private static final String CHECKPOINTS = "select subscription_name, transaction_seq, global_position from subscription_checkpoints";

    private final EventStore store;
    private final DataSource pool;
    private final Supplier<List<String>> required;
    private final Duration timeout;

    /** @param required subscriptions that must have a checkpoint (every other one found is awaited as well) */
    Quiescence(EventStore store, DataSource pool, Supplier<List<String>> required, Duration timeout) {
        this.store = store;
        this.pool = pool;
        this.required = required;
        this.timeout = timeout;
    }

    void await() {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (!quiet()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not settle within " + timeout.toSeconds()
                        + " s: a subscription is stuck behind the head of the log " + store.head() + " " + checkpoints());
            }
            sleep(pause);
            pause = Math.min(20, pause * 2);
        }
    }

    // Checkpoints first, then the head: a handler commits its effects with its checkpoint, so whatever it wrote
    // before the checkpoints were read is in the head read after; read the other way round, a handler finishing
    // in between would look done while the events it just wrote wait for everyone else.
    boolean quiet() {
        Map<String, Position> checkpoints = checkpoints();
        Position head = store.head();
        for (String name : required.get()) {
            if (!checkpoints.containsKey(name) && !head.equals(Position.START)) {
                return false;
            }
        }
        return checkpoints.values().stream().noneMatch(head::isAfter);
    }

    private Map<String, Position> checkpoints() {
        var positions = new HashMap<String, Position>();
        try (Connection c = pool.getConnection(); var s = c.prepareStatement(CHECKPOINTS); var rs = s.executeQuery()) {
            while (rs.next()) {
                positions.put(rs.getString(1), new Position(rs.getLong(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the subscriptions' checkpoints failed: " + e.getMessage(), e);
        }
        return positions;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine to settle", e);
        }
    }
}
