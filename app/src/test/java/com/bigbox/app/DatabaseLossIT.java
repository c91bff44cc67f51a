package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 11: when the engine's connections were terminated, requests in flight got 500 (and
 * nothing was stored). They get 503 with {@code Retry-After}, so clients retry safely, and the engine
 * serves again once the database is back.
 */
class DatabaseLossIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "db-loss", Map.of());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void requestsInFlightWhenTheConnectionsAreTerminatedGet503WithRetryAfter() throws Exception {
        String event =
                "{\"event_type\":\"NOTE\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"loss\",\"payload\":{}}";
        String row =
                "{\"event_type\":\"NOTE\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"loss-rest\",\"payload\":{}}";
        List<Callable<AccessTesting.Response>> requests = List.of(
                () -> access.post("/api/v1/events", access.serviceKey, event),
                () -> access.post("/rest/v1/events", access.serviceKey, row));
        List<AccessTesting.Response> responses;
        try (Connection locker = db.connect();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Hold the writes inside the database (waiting on a lock that lets the engine's readers go on), then
            // terminate
            // the engine's connections under them.
            locker.setAutoCommit(false);
            try (var s = locker.createStatement()) {
                s.execute("lock table events in exclusive mode");
            }
            List<Future<AccessTesting.Response>> inFlight =
                    requests.stream().map(pool::submit).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() >= requests.size());
            try (Connection killer = db.connect();
                    var s = killer.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and pid <> " + backendPid(locker));
            }
            locker.rollback();
            responses = inFlight.stream().map(DatabaseLossIT::get).toList();
        }
        // A write the engine retried by itself may succeed; none fails with 500, and a refused one stored nothing.
        for (var response : responses) {
            assertThat(response.status()).as(response.toString()).isIn(201, 503);
            if (response.status() == 503) {
                assertThat(response.header("Retry-After")).isNotNull();
            }
        }
        assertThat(responses).extracting(AccessTesting.Response::status).contains(503);
        assertThat(count("select count(*) from events where aggregate_id = 'loss'"))
                .isEqualTo(responses.get(0).status() == 201 ? 1 : 0);
        assertThat(count("select count(*) from events where aggregate_id = 'loss-rest'"))
                .isEqualTo(responses.get(1).status() == 201 ? 1 : 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        access.post("/api/v1/events", access.serviceKey, event).status() == 201);
    }

    private static AccessTesting.Response get(Future<AccessTesting.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long waitingOnLocks() throws SQLException {
        return count(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    }

    private static int backendPid(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
