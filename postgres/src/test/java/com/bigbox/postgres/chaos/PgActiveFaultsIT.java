package com.bigbox.postgres.chaos;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler asks for the faults in force, and reports a hit, inside its transaction, which holds a pool
 * connection. Neither may take a second one: when every connection is held by such handlers, a second
 * acquisition waits for a connection nobody gives back, until the pool's timeout, and every request
 * waiting meanwhile fails (a CI run saw a lead answered 503 so). The pool is watched for who takes a
 * connection; the faults are still seen and the hits still recorded, by the loop's own thread.
 */
class PgActiveFaultsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aHandlersQuestionsAndHitsTakeNoConnectionOfTheCallersThread() throws Exception {
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "faults")) {
            Migrations.apply(database.pool());
            List<Thread> takers = new CopyOnWriteArrayList<>();
            DataSource watched = watching(database.pool(), takers);
            Fault fault = FaultInjectionIT.dropsHalfOfAgentTest();
            try (var faults = PgActiveFaults.start(watched, "faults")) {
                new ChaosControl(database.pool()).inject(fault);
                takers.clear(); // start() read once on this thread, as an engine does before any handler runs
                UUID event = UUID.randomUUID();
                // As a handler would: inside a transaction of its own, long past a refresh.
                try (Connection handlers = database.pool().getConnection()) {
                    await().pollInSameThread()
                            .atMost(10, SECONDS)
                            .until(() -> !faults.current().isEmpty());
                    faults.hit(faults.current().getFirst(), "agent:test", event, "dropped");
                    assertThat(handlers.isValid(1)).isTrue();
                }
                assertThat(takers).as("connections taken by the asking thread").doesNotContain(Thread.currentThread());
                await().atMost(10, SECONDS).until(() -> hits(database, event) == 1);
            }
            assertThat(takers).as("the loop read and wrote on its own thread").isNotEmpty();
        }
    }

    private static long hits(Database database, UUID event) throws Exception {
        try (Connection c = database.pool().getConnection();
                var s = c.prepareStatement("select count(*) from chaos_fault_hits where event_id = ?")) {
            s.setObject(1, event);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static DataSource watching(DataSource pool, List<Thread> takers) {
        return (DataSource) Proxy.newProxyInstance(
                PgActiveFaultsIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        takers.add(Thread.currentThread());
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
