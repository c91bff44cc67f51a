package com.bigbox.postgres;

import static com.bigbox.postgres.PgTesting.event;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.EventFilter;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When PostgreSQL itself restarts, an instance reconnects and delivers everything, none twice. */
class PostgresRestartIT {
    @TempDir
    Path home;

    @Test
    void anInstanceSurvivesAPostgresRestartAndDeliversWhatItMissed() throws Exception {
        Path data = home.resolve("pgdata");
        StreamId stream = StreamId.of("RESTART", "r");
        List<UUID> appended = new ArrayList<>();
        EmbeddedDatabase embedded = EmbeddedDatabase.start(data, 0);
        int port = embedded.port();
        try (var database = new Database(embedded.url(), 5, "restart")) {
            Migrations.apply(database.pool());
            try (PgNode writer = PgNode.start(database, "writer");
                    PgNode reader = PgNode.start(database, "reader")) {
                List<RecordedEvent> received = new CopyOnWriteArrayList<>();
                reader.bus().subscribe(EventFilter.aggregateType("RESTART"), received::add);
                await().atMost(10, SECONDS).until(reader::listening);
                for (int i = 0; i < 10; i++) {
                    appended.add(writer.store()
                            .append(stream, event("BEFORE"))
                            .events()
                            .getFirst()
                            .eventId());
                }
                await().atMost(10, SECONDS).until(() -> received.size() == 10);

                embedded.close();
                embedded = EmbeddedDatabase.start(data, port);

                await().atMost(30, SECONDS).ignoreExceptions().until(() -> {
                    appended.add(writer.store()
                            .append(stream, event("AFTER"))
                            .events()
                            .getFirst()
                            .eventId());
                    return true;
                });
                for (int i = 0; i < 9; i++) {
                    appended.add(writer.store()
                            .append(stream, event("AFTER"))
                            .events()
                            .getFirst()
                            .eventId());
                }
                await().atMost(30, SECONDS).until(() -> received.size() >= 20);
                assertThat(received).extracting(RecordedEvent::eventId).containsExactlyElementsOf(appended);
                await().atMost(30, SECONDS).until(reader::listening);
            }
        } finally {
            embedded.close();
        }
    }
}
