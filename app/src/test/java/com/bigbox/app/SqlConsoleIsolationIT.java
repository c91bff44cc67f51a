package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, hole 5: as CEO, {@code select pg_advisory_lock(7089228763434582016)} (the key every append takes)
 * answered 200 and the lock stayed on the pooled connection, so every append hung; {@code /health} said up.
 * Now the console cannot take it, nothing a console query does outlives its request, answers are capped,
 * and {@code /health} reports degraded when appends are blocked.
 */
class SqlConsoleIsolationIT {
    static final long APPEND_GATE = 7089228763434582016L;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static String ceo;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "console-isolation", Map.of());
        ceo = SecurityIT.user(access, "ceo@example.com", "ceo", null);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void theAppendLockCannotBeTakenAndAppendsGoOn() throws Exception {
        for (String query : List.of(
                "select pg_advisory_lock(" + APPEND_GATE + ")",
                "select pg_try_advisory_lock(" + APPEND_GATE + ")",
                "select pg_advisory_lock_shared(" + APPEND_GATE + ")",
                "select pg_advisory_xact_lock(" + APPEND_GATE + ")",
                "select pg_advisory_lock(1, 2)")) {
            var answer = sql(query);
            assertThat(answer.status()).as(query + " -> " + answer).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).contains("permission denied");
        }
        assertThat(
                        count(
                                "select count(*) from pg_locks where locktype = 'advisory' and classid = 1650589696 and objid = 0 and mode = 'ExclusiveLock'"))
                .isZero();
        assertThat(access.post("/api/v1/events", access.serviceKey, event("after-console"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void nothingAConsoleQueryDoesOutlivesItsRequest() throws Exception {
        assertThat(
                        sql("select set_config('statement_timeout', '1', false), set_config('bigbox.left_behind', 'yes', false)")
                                .status())
                .isEqualTo(200);
        // every console query has a session of its own, ended with the request
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from pg_stat_activity where application_name = 'bigbox-sql-console'")
                                == 0);
        assertThat(sql("select current_setting('bigbox.left_behind', true) as left_behind")
                        .json()
                        .at("/rows/0/0")
                        .isNull())
                .isTrue();
        assertThat(sql("select current_user").json().at("/rows/0/0").asText()).isEqualTo("bigbox_console");
    }

    @Test
    void rowsAndBytesAreCapped() throws Exception {
        var wide = sql("select repeat('x', 10000) as x from generate_series(1, 900)");
        assertThat(wide.status()).isEqualTo(200);
        assertThat(wide.json().path("truncated").asBoolean()).isTrue();
        assertThat(wide.body().length()).isLessThan(1_200_000);
        assertThat(wide.json().path("rows").size()).isLessThan(900);
        var huge = sql("select repeat('x', 2000000) as x");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().path("error").asText()).isEqualTo("row_too_large");
        assertThat(sql("select g from generate_series(1, 5000) g")
                        .json()
                        .path("rows")
                        .size())
                .isEqualTo(1000);
    }

    @Test
    void healthReportsDegradedWhileAppendsAreBlockedAndUpAfterwards() throws Exception {
        assertThat(access.get("/health", null).json().path("status").asText()).isEqualTo("up");
        try (Connection holder = db.connect()) {
            try (var s = holder.createStatement()) {
                s.execute("select pg_advisory_lock(" + APPEND_GATE + ")");
            }
            CompletableFuture<AccessTesting.Response> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return access.post("/api/v1/events", access.serviceKey, event("blocked"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        var health = access.get("/health", null);
                        assertThat(health.json().path("status").asText())
                                .as(health.toString())
                                .isEqualTo("degraded");
                        assertThat(health.json().at("/appends/status").asText()).isEqualTo("degraded");
                        assertThat(health.json().at("/appends/blocked").asInt()).isPositive();
                    });
            try (var s = holder.createStatement()) {
                s.execute("select pg_advisory_unlock(" + APPEND_GATE + ")");
            }
            assertThat(blocked.get().status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> access.get("/health", null)
                        .json()
                        .path("status")
                        .asText()
                        .equals("up"));
    }

    private static String event(String id) {
        return "{\"event_type\":\"NOTE_TAKEN\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"" + id
                + "\",\"payload\":{}}";
    }

    private static AccessTesting.Response sql(String query) throws Exception {
        return access.post("/api/v1/dashboard/sql", ceo, AccessTesting.JSON.writeValueAsString(Map.of("sql", query)));
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
