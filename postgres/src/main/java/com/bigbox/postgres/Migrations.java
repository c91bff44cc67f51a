package com.bigbox.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Applies the versioned schema in {@code db/migration} (Flyway). */
public final class Migrations {
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
        return result.migrationsExecuted;
    }
}
