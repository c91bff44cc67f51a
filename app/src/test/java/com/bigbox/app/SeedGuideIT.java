package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import com.bigbox.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed guide's checks, end to end against the real command line: Test 1 (append with the SQL
 * function and read the stream back) and Test 2 (an event inserted by hand while the engine runs is
 * received in real time by every instance and logged).
 */
class SeedGuideIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workingDirectory;

    Map<String, String> env() {
        return Map.of(
                "DATABASE_URL", db.databaseUrl(), "BIGBOX_JWT_SECRET", AccessTesting.SECRET, "BIGBOX_AGENTS", "off");
    }

    // Every request carries a key (the access layer); the seed's clients send the service_role key.
    static final String SERVICE_KEY = new Tokens(
                    JwtSecret.of(AccessTesting.SECRET), Clock.systemUTC(), Duration.ofHours(1))
            .apiKey(DbRole.SERVICE_ROLE, Duration.ofDays(1));

    static HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return request.header("apikey", SERVICE_KEY).header("Authorization", "Bearer " + SERVICE_KEY);
    }

    @Test
    void test1_migrateThenAppendWithTheSqlFunctionAndReadTheStreamBack() throws Exception {
        try (var migrate = EngineProcess.start(workingDirectory, env(), "migrate")) {
            assertThat(migrate.awaitExit(Duration.ofSeconds(60)))
                    .as(migrate.output())
                    .isZero();
            assertThat(migrate.output()).contains("schema is current");
        }
        try (Connection psql = db.connect();
                var s = psql.createStatement()) {
            try (var rs = s.executeQuery("""
                    select append_event('LEAD_INQUIRY_RECEIVED', gen_random_uuid(), null, 'LEAD', 'seed-test-1',
                                        '{"name": "Test Client", "email": "test@example.com"}', '{}', 'IntakeAgent', 0.95)""")) {
                assertThat(rs.next()).isTrue();
            }
            var rows = new ArrayList<String>();
            try (var rs = s.executeQuery(
                    "select event_type, sequence_number, confidence from get_event_stream('LEAD', 'seed-test-1')")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "#" + rs.getLong(2) + "@" + rs.getBigDecimal(3));
                }
            }
            assertThat(rows).containsExactly("LEAD_INQUIRY_RECEIVED#1@0.95");
        }
        try (var again = EngineProcess.start(workingDirectory, env(), "migrate")) {
            assertThat(again.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(again.output()).contains("applied 0 migration(s)");
        }
    }

    @Test
    void test2_aRawInsertTypedIntoPsqlIsReceivedInRealTimeByEveryRunningInstance() throws Exception {
        try (var a = EngineProcess.start(workingDirectory, env(), "up", "--port", "0", "--instance", "seed-a");
                var b = EngineProcess.start(workingDirectory, env(), "up", "--port", "0", "--instance", "seed-b")) {
            int port = a.awaitListening();
            b.awaitListening();
            assertThat(a.output()).contains("using database postgresql://");

            try (Connection psql = db.connect();
                    var s = psql.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                        VALUES ('TEST_EVENT', gen_random_uuid(), 'SYSTEM', 'seed-test-2', '{"test": true}', 'psql')""");
            }
            await().atMost(5, SECONDS)
                    .until(() -> a.printed("Real-time event received: TEST_EVENT")
                            && b.printed("Real-time event received: TEST_EVENT"));

            // An append through one instance's API reaches the other instance too, once.
            var response = HttpClient.newHttpClient()
                    .send(
                            withKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events")))
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"event_type": "LEAD_RECEIVED", "aggregate_type": "LEAD", "aggregate_id": "seed-api", "payload": {}}"""))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            await().atMost(5, SECONDS).until(() -> b.printed("Real-time event received: LEAD_RECEIVED"));
            assertThat(b.count("Real-time event received:")).isEqualTo(2);

            assertThat(a.stop()).as("Ctrl-C stops it cleanly").isIn(0, 130, 143);
            assertThat(a.output()).doesNotContain("ERROR", "Exception");
        }
    }

    @Test
    void aBadDatabaseUrlIsRefusedWithAMessageNamingTheSetting() throws Exception {
        try (var up = EngineProcess.start(workingDirectory, Map.of("DATABASE_URL", "mysql://localhost/x"), "up")) {
            assertThat(up.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(up.output()).contains("DATABASE_URL").doesNotContain("\tat ");
        }
        try (var up = EngineProcess.start(workingDirectory, env(), "up", "--port", "70000")) {
            assertThat(up.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(up.output()).contains("--port");
        }
    }

    @Test
    void withoutDatabaseUrlItRunsAnEmbeddedDurableDatabaseThatKeepsEventsAcrossRestarts() throws Exception {
        var embedded = Map.of("BIGBOX_EMBEDDED_PORT", "0", "BIGBOX_JWT_SECRET", AccessTesting.SECRET);
        long stored;
        try (var up = EngineProcess.start(workingDirectory, embedded, "up", "--port", "0")) {
            int port = up.awaitListening();
            assertThat(up.output()).contains("embedded PostgreSQL, data in " + workingDirectory.resolve(".bigbox"));
            var client = HttpClient.newHttpClient();
            var created = client.send(
                    withKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events")))
                            .POST(HttpRequest.BodyPublishers.ofString("""
                            {"event_type": "LEAD_RECEIVED", "aggregate_type": "LEAD", "aggregate_id": "kept", "payload": {}}"""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            stored = 1;
            up.stop();
        }
        try (var again = EngineProcess.start(workingDirectory, embedded, "up", "--port", "0")) {
            int port = again.awaitListening();
            var events = HttpClient.newHttpClient()
                    .send(
                            withKey(HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/api/v1/aggregates/LEAD/kept/events")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"sequence_number\":" + stored);
            again.stop();
        }
        assertThat(List.of(workingDirectory
                        .resolve(".bigbox/pgdata/PG_VERSION")
                        .toFile()
                        .exists()))
                .containsExactly(true);
    }
}
