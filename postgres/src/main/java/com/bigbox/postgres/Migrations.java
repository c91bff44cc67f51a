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
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
