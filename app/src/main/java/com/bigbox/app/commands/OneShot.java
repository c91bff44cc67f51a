package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgEventStore;
import java.io.IOException;

/**
 * The database for a command that does one thing and exits: the engine's database (embedded unless
 * DATABASE_URL is set), migrated, with an event store. Running engines see its events by polling.
 */
final class OneShot implements AutoCloseable {
    private final DatabaseChoice choice;
    private final Database database;
    private final PgEventStore store;

    private OneShot(DatabaseChoice choice, Database database) {
        this.choice = choice;
        this.database = database;
        this.store = new PgEventStore(database.pool(), () -> {});
    }

    static OneShot open(Settings settings, String purpose) throws IOException {
        DatabaseChoice choice = DatabaseChoice.open(settings);
        try {
            var database = new Database(choice.url(), 4, "bigbox-" + purpose);
            Migrations.apply(database.pool());
            return new OneShot(choice, database);
        } catch (RuntimeException e) {
            choice.close();
            throw e;
        }
    }

    Database database() {
        return database;
    }

    PgEventStore store() {
        return store;
    }

    String describe() {
        return choice.describe();
    }

    @Override
    public void close() throws IOException {
        database.close();
        choice.close();
    }
}
