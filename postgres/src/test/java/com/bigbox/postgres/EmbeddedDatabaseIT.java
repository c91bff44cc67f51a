package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.core.StreamId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server is durable and keeps its data across restarts (it also runs as root). */
class EmbeddedDatabaseIT {
    @TempDir
    Path home;

    @Test
    void isDurableAndKeepsEventsAcrossARestart() throws Exception {
        Path data = home.resolve(".bigbox/pgdata");
        StreamId stream = StreamId.of("LEAD", "embedded");
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(data, 0)) {
            try (var c = DriverManager.getConnection(
                            embedded.url().jdbcUrl(), embedded.url().properties());
                    var s = c.createStatement()) {
                List<String> settings = new ArrayList<>();
                try (var rs = s.executeQuery("select name || '=' || setting from pg_settings "
                        + "where name in ('fsync','synchronous_commit','full_page_writes') order by name")) {
                    while (rs.next()) {
                        settings.add(rs.getString(1));
                    }
                }
                assertThat(settings).containsExactly("fsync=on", "full_page_writes=on", "synchronous_commit=on");
            }
            try (var database = new Database(embedded.url(), 5, "embedded")) {
                Migrations.apply(database.pool());
                new PgEventStore(database.pool(), () -> {}).append(stream, PgTesting.event("LEAD_RECEIVED"));
            }
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, 0);
                var database = new Database(again.url(), 5, "embedded")) {
            assertThat(Migrations.apply(database.pool())).as("already migrated").isZero();
            assertThat(new PgEventStore(database.pool(), () -> {}).readStream(stream, 0))
                    .hasSize(1);
        }
    }
}
