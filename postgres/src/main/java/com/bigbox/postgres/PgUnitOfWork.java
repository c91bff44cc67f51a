package com.bigbox.postgres;

import com.bigbox.core.AppendResult;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A unit of work on one JDBC connection with auto-commit off. */
final class PgUnitOfWork implements UnitOfWork {
    private final PgEventStore store;
    private final Connection connection;
    private boolean appended;

    PgUnitOfWork(PgEventStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        try {
            AppendResult result = store.append(connection, stream, expected, events);
            appended |= !result.duplicate();
            return result;
        } catch (SQLException e) {
            throw new EventStoreException("append to " + stream + " failed: " + PgErrors.serverMessage(e), e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(connection)) {
            return type.cast(connection);
        }
        throw new IllegalArgumentException("a PostgreSQL unit of work offers a java.sql.Connection, not " + type.getName());
    }

    boolean appended() {
        return appended;
    }
}
