package com.bigbox.postgres;

import com.bigbox.core.NewEvent;
import com.bigbox.testkit.TestDatabase;

/** Opens engine pools on a test class's database, migrated. */
final class PgTesting {
    private PgTesting() {}

    static Database migrated(TestDatabase db, String name) {
        var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 10, name);
        Migrations.apply(database.pool());
        return database;
    }

    static Database open(TestDatabase db, String name) {
        return new Database(DatabaseUrl.parse(db.jdbcUrl()), 10, name);
    }

    static NewEvent event(String type) {
        return NewEvent.of(type, "{\"n\":1}").emittedBy("test");
    }
}
