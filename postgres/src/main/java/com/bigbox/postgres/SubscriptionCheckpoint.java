package com.bigbox.postgres;

import com.bigbox.core.Position;
import com.bigbox.core.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The checkpoint row of one durable subscription ({@code subscription_checkpoints}) as its current owner sees it:
 * taking it over starts a new epoch, and the checkpoint moves only while that epoch is still the row's, so an
 * instance that lost the subscription cannot move it behind its successor's back.
 */
final class SubscriptionCheckpoint {
    private static final String TAKE_OVER = SqlResource.load(SubscriptionCheckpoint.class, "subscription_take_over");
    private static final String ADVANCE = SqlResource.load(SubscriptionCheckpoint.class, "subscription_advance");

    private final String name;
    private final Database database;
    private final String instanceName;
    private long epoch;

    SubscriptionCheckpoint(String name, Database database, String instanceName) {
        this.name = name;
        this.database = database;
        this.instanceName = instanceName;
    }

    /** The epoch of the last take-over. */
    long epoch() {
        return epoch;
    }

    /** Takes the checkpoint over for this instance (created at {@code startAfter} if new); where it stands. */
    Position takeOver(Position startAfter) throws SQLException {
        try (Connection connection = database.pool().getConnection();
                PreparedStatement statement = connection.prepareStatement(TAKE_OVER)) {
            statement.setString(1, name);
            statement.setLong(2, startAfter.transactionSeq());
            statement.setLong(3, startAfter.globalPosition());
            statement.setString(4, instanceName);
            try (var rs = statement.executeQuery()) {
                rs.next();
                Position position = new Position(rs.getLong(1), rs.getLong(2));
                epoch = rs.getLong(3);
                return position;
            }
        }
    }

    /** Moves the checkpoint to {@code to} in {@code work}; false when another instance has taken it over since. */
    boolean advance(UnitOfWork work, Position to) {
        try (PreparedStatement statement = work.unwrap(Connection.class).prepareStatement(ADVANCE)) {
            statement.setLong(1, to.transactionSeq());
            statement.setLong(2, to.globalPosition());
            statement.setString(3, name);
            statement.setLong(4, epoch);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new EventStoreException("advancing the checkpoint of " + name + " failed", e);
        }
    }
}
