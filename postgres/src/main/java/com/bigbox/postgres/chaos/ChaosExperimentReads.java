package com.bigbox.postgres.chaos;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Chaos runs as JSON documents for dashboards and the API, read through the caller's unit of work. */
public final class ChaosExperimentReads {
    private static final String LIST = SqlResource.load(ChaosExperimentReads.class, "experiments_document");
    private static final String ONE = SqlResource.load(ChaosExperimentReads.class, "experiment_document");

    public String list(UnitOfWork work, int limit) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(LIST)) {
            s.setInt(1, limit);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading chaos experiments failed: " + e.getMessage(), e);
        }
    }

    public Optional<String> one(UnitOfWork work, UUID id) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(ONE)) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading chaos experiment " + id + " failed: " + e.getMessage(), e);
        }
    }
}
