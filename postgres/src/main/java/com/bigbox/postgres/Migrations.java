package com.bigbox.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned schema in {@code db/migration} (Flyway), then {@code db/after_migrations.sql}: the
 * access rules' grants and policies (migration V50), so that whatever a migration granted, the API roles
 * end with what the rules say.
 */
public final class Migrations {
    static final String AFTER_MIGRATIONS = "db/after_migrations.sql";

    private Migrations() {}

    /** Migrates the database; returns how many migrations were applied. */
    public static int apply(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                // Versions are grouped by area (1 core, 10 autonomic, 20 access, 30 self-improvement, 40 operations),
                // so a new migration of an earlier area can sort below one a database already has: apply it anyway.
                .outOfOrder(true)
                // A database that already holds the user's own tables (a Supabase project, say) gets the whole schema:
                // the history starts below V1. A database set up from supabase/migrations has its history already,
                // written by that file, so only newer migrations apply.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        // Not a Flyway callback: Flyway opens an extra connection for callbacks, which a small pool may not have.
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(afterMigrations());
        } catch (SQLException e) {
            throw new IllegalStateException("applying the access rules failed: " + e.getMessage(), e);
        }
        return result.migrationsExecuted;
    }

    private static String afterMigrations() {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(AFTER_MIGRATIONS)) {
            if (in == null) {
                throw new IllegalStateException(AFTER_MIGRATIONS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
