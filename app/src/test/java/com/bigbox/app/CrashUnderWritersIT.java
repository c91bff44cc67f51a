package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.bigbox.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What held in the attack of issue 10 and must keep holding: with 8 writers appending through two
 * instances, one instance killed with SIGKILL ({@code kill -9}) and then every database connection of the
 * survivor terminated lose nothing. Writers retry an unacknowledged append with the same event id on the
 * other instance, as a client should; in the end every event is stored exactly once and every stream is
 * numbered without a gap.
 */
class CrashUnderWritersIT {
    private static final int WRITERS = 8;
    private static final int EVENTS_PER_WRITER = 40;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path work;

    @Test
    void aKilledInstanceAndTerminatedConnectionsUnderEightWritersLoseNothing() throws Exception {
        Map<String, String> env = Map.of(
                "DATABASE_URL",
                db.databaseUrl(),
                "BIGBOX_JWT_SECRET",
                AccessTesting.SECRET,
                "BIGBOX_RATE_LIMIT_PER_IP",
                "0",
                "BIGBOX_RATE_LIMIT_PER_KEY",
                "0",
                "BIGBOX_AGENTS",
                "off");
        String key = JWT.create()
                .withIssuer("bigbox")
                .withClaim("role", "service_role")
                .withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign(Algorithm.HMAC256(AccessTesting.SECRET));
        try (EngineProcess a = EngineProcess.start(work, env, "up", "--port", "0", "--instance", "crash-a");
                EngineProcess b = EngineProcess.start(work, env, "up", "--port", "0", "--instance", "crash-b");
                HttpClient http = HttpClient.newHttpClient();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<String> urls =
                    List.of("http://127.0.0.1:" + a.awaitListening(), "http://127.0.0.1:" + b.awaitListening());
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger written = new AtomicInteger();
            List<Future<List<UUID>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(http, urls, key, writer, acknowledged, written)));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> written.get() >= WRITERS * 5);
            a.kill();
            await().atMost(Duration.ofMinutes(2)).until(() -> written.get() >= WRITERS * 15);
            try (Connection killer = db.connect();
                    var s = killer.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid()");
            }
            var sent = new ArrayList<UUID>();
            for (var writer : writers) {
                sent.addAll(writer.get());
            }
            assertThat(sent).hasSize(WRITERS * EVENTS_PER_WRITER);
            assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(sent);
            Map<UUID, Integer> stored = stored();
            assertThat(stored.keySet())
                    .as("every acknowledged append is stored")
                    .containsAll(sent);
            assertThat(stored.values()).as("and stored once").containsOnly(1);
            try (Connection c = db.connect();
                    var s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                    select aggregate_id, count(*), max(sequence_number) from events where aggregate_type = 'CRASH'
                     group by aggregate_id""")) {
                int streams = 0;
                while (rs.next()) {
                    streams++;
                    assertThat(rs.getLong(3))
                            .as("stream " + rs.getString(1) + " numbered without a gap")
                            .isEqualTo(rs.getLong(2));
                    assertThat(rs.getLong(2)).isEqualTo(EVENTS_PER_WRITER);
                }
                assertThat(streams).isEqualTo(WRITERS);
            }
        }
    }

    // One writer's appends to its own stream, each retried with the same id on the other instance until acknowledged.
    private static List<UUID> write(
            HttpClient http, List<String> urls, String key, int writer, Set<UUID> acknowledged, AtomicInteger written)
            throws InterruptedException {
        var ids = new ArrayList<UUID>();
        int target = writer % 2;
        for (int i = 0; i < EVENTS_PER_WRITER; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String body = "{\"event_id\":\"" + id
                    + "\",\"event_type\":\"CRASH_PROBE\",\"aggregate_type\":\"CRASH\",\"aggregate_id\":\"w" + writer
                    + "\",\"payload\":{\"i\":" + i + "}}";
            for (int attempt = 0; ; attempt++) {
                try {
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create(urls.get(target) + "/api/v1/events"))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("apikey", key)
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 || response.statusCode() == 201) {
                        acknowledged.add(id);
                        written.incrementAndGet();
                        break;
                    }
                    if (response.statusCode() != 503 && response.statusCode() != 500) {
                        throw new AssertionError("append " + i + " of writer " + writer + ": " + response.statusCode()
                                + " " + response.body());
                    }
                } catch (java.io.IOException e) {
                    // the instance is gone or the connection broke: try the other one
                }
                if (attempt > 200) {
                    throw new AssertionError("append " + i + " of writer " + writer + " was never acknowledged");
                }
                target = 1 - target;
                Thread.sleep(50);
            }
        }
        return ids;
    }

    private static Map<UUID, Integer> stored() throws Exception {
        var stored = new HashMap<UUID, Integer>();
        try (Connection c = db.connect();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select event_id, count(*) from events where aggregate_type = 'CRASH' group by event_id")) {
            while (rs.next()) {
                stored.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
        }
        return stored;
    }
}
