package com.bigbox.postgres.sop;

import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The versions of SOPs in {@code sop_definitions}: at most one active per SOP, loaded one loader at a time. */
final class SopVersionRows {
    private static final String ACTIVE = SqlResource.load(SopVersionRows.class, "active_versions");
    private static final String ACTIVE_ONE = SqlResource.load(SopVersionRows.class, "active_version");
    private static final String ONE_VERSION = SqlResource.load(SopVersionRows.class, "version");
    private static final String VERSIONS = SqlResource.load(SopVersionRows.class, "versions");
    private static final String LOCK = SqlResource.load(SopVersionRows.class, "lock_sop");
    private static final String NEXT_VERSION = SqlResource.load(SopVersionRows.class, "next_version");
    private static final String DEACTIVATE = SqlResource.load(SopVersionRows.class, "deactivate");
    private static final String INSERT_VERSION = SqlResource.load(SopVersionRows.class, "insert_version");
    private static final String RESET_VERSIONS = SqlResource.load(SopVersionRows.class, "reset_versions");

    private SopVersionRows() {}

    static List<SopVersion> active(UnitOfWork work) {
        return Jdbc.list(work, ACTIVE, s -> {}, SopVersionRows::version);
    }

    static Optional<SopVersion> active(UnitOfWork work, String sopId) {
        return Jdbc.one(work, ACTIVE_ONE, s -> s.setString(1, sopId), SopVersionRows::version);
    }

    static Optional<SopVersion> version(UnitOfWork work, String sopId, int version) {
        return Jdbc.one(
                work,
                ONE_VERSION,
                s -> {
                    s.setString(1, sopId);
                    s.setInt(2, version);
                },
                SopVersionRows::version);
    }

    static List<SopVersion> versions(UnitOfWork work, String sopId) {
        return Jdbc.list(
                work,
                VERSIONS,
                s -> {
                    s.setString(1, sopId);
                    s.setString(2, sopId);
                },
                SopVersionRows::version);
    }

    static void lockForChange(UnitOfWork work, String sopId) {
        Jdbc.list(work, LOCK, s -> s.setString(1, sopId), rs -> 1);
    }

    static int nextVersion(UnitOfWork work, String sopId) {
        return Jdbc.one(work, NEXT_VERSION, s -> s.setString(1, sopId), rs -> rs.getInt(1))
                .orElseThrow();
    }

    /** Deactivates the SOP's active version and inserts {@code v} as the active one. */
    static void activate(UnitOfWork work, SopVersion v) {
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

    static void reset(UnitOfWork work) {
        Jdbc.update(work, RESET_VERSIONS, s -> {});
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
}
