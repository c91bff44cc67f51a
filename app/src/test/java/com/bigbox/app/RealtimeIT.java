package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /realtime/v1/websocket} with a plain WebSocket client: the Phoenix protocol in both
 * serializers, the guarantee that every change committed after SUBSCRIBED arrives (many concurrent
 * writers), batched visibility checks, and two engine instances on one database.
 */
class RealtimeIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting first;
    static AccessTesting second;

    @BeforeAll
    static void start() throws Exception {
        first = AccessTesting.start(db, "realtime-a", Map.of());
        second = AccessTesting.start(db, "realtime-b", Map.of());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void heartbeatsJoinsLeavesAndErrorsInBothSerializers() throws Exception {
        for (String vsn : new String[] {"1.0.0", "2.0.0"}) {
            try (var client = PhoenixTestClient.connect(first.url(), first.serviceKey, vsn)) {
                String ref = client.push("phoenix", "heartbeat", AccessTesting.JSON.createObjectNode());
                assertThat(client.awaitReply(ref).at("/payload/status").asText())
                        .isEqualTo("ok");

                var ok = client.join(
                        "realtime:ok",
                        null,
                        List.of(
                                PhoenixTestClient.binding("INSERT", "events", "aggregate_id=eq.x"),
                                PhoenixTestClient.binding("*", "sop_executions", null)));
                assertThat(ok.at("/payload/status").asText()).as(vsn).isEqualTo("ok");
                JsonNode bindings = ok.at("/payload/response/postgres_changes");
                assertThat(bindings).hasSize(2);
                assertThat(bindings.get(0).get("filter").asText()).isEqualTo("aggregate_id=eq.x");
                assertThat(bindings.get(0).get("id").isInt()).isTrue();

                assertThat(client.join(
                                        "realtime:bad-table",
                                        null,
                                        List.of(PhoenixTestClient.binding("INSERT", "pg_authid", null)))
                                .at("/payload/status")
                                .asText())
                        .isEqualTo("error");
                var badFilter = client.join(
                        "realtime:bad-filter",
                        null,
                        List.of(PhoenixTestClient.binding("INSERT", "events", "nope=eq.1")));
                assertThat(badFilter.at("/payload/response/reason").asText()).contains("nope");
                assertThat(client.join(
                                        "realtime:bad-event",
                                        null,
                                        List.of(PhoenixTestClient.binding("TRUNCATE", "events", null)))
                                .at("/payload/status")
                                .asText())
                        .isEqualTo("error");
                assertThat(client.join("realtime:bad-token", "forged.token.here", List.of())
                                .at("/payload/status")
                                .asText())
                        .isEqualTo("error");
                assertThat(client.join("not-realtime", null, List.of())
                                .at("/payload/status")
                                .asText())
                        .isEqualTo("error");

                String broadcast = client.push("realtime:ok", "broadcast", AccessTesting.JSON.createObjectNode());
                assertThat(client.awaitReply(broadcast).at("/payload/status").asText())
                        .isEqualTo("error");
                String leave = client.push("realtime:ok", "phx_leave", AccessTesting.JSON.createObjectNode());
                assertThat(client.awaitReply(leave).at("/payload/status").asText())
                        .isEqualTo("ok");
            }
        }
        try (var client = PhoenixTestClient.connect(first.url(), first.serviceKey, "9.9.9")) {
            assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1003);
        }
    }

    @Test
    void everyChangeCommittedAfterSubscribedArrivesWhileManyWritersRun() throws Exception {
        String run = "race-" + System.nanoTime();
        var stop = new AtomicBoolean();
        var afterSubscribed = new ConcurrentHashMap<String, Long>();
        var sequence = new AtomicLong();
        var subscribedAt = new AtomicLong(Long.MAX_VALUE);
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 4; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = db.connect();
                        var s = c.prepareStatement(
                                "insert into events (event_type, aggregate_type, aggregate_id, payload) values ('RACE', 'TEST', ?, ?::jsonb)")) {
                    while (!stop.get()) {
                        String n = Long.toString(sequence.incrementAndGet());
                        long begun = System.nanoTime();
                        s.setString(1, run);
                        s.setString(2, "{\"n\": " + n + "}");
                        s.executeUpdate();
                        if (begun > subscribedAt.get()) {
                            afterSubscribed.put(n, begun);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        try (var client = PhoenixTestClient.connect(second.url(), second.serviceKey, "2.0.0")) {
            Thread.sleep(200);
            var reply = client.join(
                    "realtime:race",
                    null,
                    List.of(PhoenixTestClient.binding("INSERT", "events", "aggregate_id=eq." + run)));
            subscribedAt.set(System.nanoTime());
            assertThat(reply.at("/payload/status").asText()).isEqualTo("ok");
            Thread.sleep(1_000);
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            Set<String> expected = Set.copyOf(afterSubscribed.keySet());
            assertThat(expected).hasSizeGreaterThan(20);
            Set<String> received = new HashSet<>();
            List<String> duplicates = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (JsonNode change : client.changes(Duration.ofMillis(200), Integer.MAX_VALUE)) {
                    String n = change.at("/payload/data/record/payload/n").asText();
                    if (!received.add(n)) {
                        duplicates.add(n);
                    }
                }
                return received.containsAll(expected);
            });
            assertThat(duplicates).isEmpty();
        }
    }

    @Test
    void visibilityIsCheckedOncePerBatchPerCallerNotPerSubscriber() throws Exception {
        String run = "batch-" + System.nanoTime();
        var user = first.post(
                "/auth/v1/admin/users",
                first.serviceKey,
                "{\"email\":\"" + run
                        + "@example.com\",\"password\":\"long enough password\",\"app_metadata\":{\"app_role\":\"employee\"}}");
        assertThat(user.status()).isEqualTo(200);
        String token = first.post(
                        "/auth/v1/token?grant_type=password",
                        first.anonKey,
                        "{\"email\":\"" + run + "@example.com\",\"password\":\"long enough password\"}")
                .json()
                .get("access_token")
                .asText();
        var clients = new ArrayList<PhoenixTestClient>();
        try {
            for (int i = 0; i < 20; i++) {
                var client = PhoenixTestClient.connect(first.url(), first.anonKey, i % 2 == 0 ? "1.0.0" : "2.0.0");
                clients.add(client);
                assertThat(client.join(
                                        "realtime:batch-" + i,
                                        token,
                                        List.of(PhoenixTestClient.binding(
                                                "INSERT", "events", "aggregate_id=eq." + run)))
                                .at("/payload/status")
                                .asText())
                        .isEqualTo("ok");
            }
            long before = first.engine.realtime().visibilityQueries();
            try (Connection c = db.connect();
                    var s = c.createStatement()) {
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, payload) "
                        + "select 'BATCH', 'TEST', '" + run
                        + "', jsonb_build_object('n', g) from generate_series(1, 50) g");
            }
            for (PhoenixTestClient client : clients) {
                assertThat(client.changes(Duration.ofSeconds(10), 50)).hasSize(50);
            }
            long queries = first.engine.realtime().visibilityQueries() - before;
            assertThat(queries).as("20 subscribers x 50 events with one caller").isBetween(1L, 3L);
        } finally {
            clients.forEach(PhoenixTestClient::close);
        }
    }

    @Test
    void aChannelWhoseTokenExpiresIsClosedAndReceivesNothingMore() throws Exception {
        String run = "expiry-" + System.nanoTime();
        String shortLived = first.tokens.apiKey(com.bigbox.postgres.access.DbRole.AUTHENTICATED, Duration.ofSeconds(2));
        try (var client = PhoenixTestClient.connect(first.url(), first.anonKey, "1.0.0")) {
            assertThat(client.join(
                                    "realtime:expiry",
                                    shortLived,
                                    List.of(PhoenixTestClient.binding("INSERT", "events", "aggregate_id=eq." + run)))
                            .at("/payload/status")
                            .asText())
                    .isEqualTo("ok");
            await().atMost(Duration.ofSeconds(10)).until(() -> rejected(shortLived));
            try (Connection c = db.connect();
                    var s = c.createStatement()) {
                s.execute(
                        "insert into events (event_type, aggregate_type, aggregate_id, payload) values ('LATE', 'TEST', '"
                                + run + "', '{}')");
            }
            var seen = new ArrayList<JsonNode>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode message = client.received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    seen.add(message);
                }
                return seen.stream().anyMatch(m -> m.path("event").asText().equals("phx_close"));
            });
            assertThat(seen).noneMatch(m -> m.path("event").asText().equals("postgres_changes"));
            assertThat(seen).anyMatch(m -> m.at("/payload/message").asText().contains("JWT expired"));
        }
    }

    @Test
    void aChangeWrittenThroughOneInstanceReachesASubscriberOfTheOther() throws Exception {
        String run = "cluster-" + System.nanoTime();
        try (var client = PhoenixTestClient.connect(second.url(), second.serviceKey, "1.0.0")) {
            assertThat(client.join(
                                    "realtime:cluster",
                                    null,
                                    List.of(
                                            PhoenixTestClient.binding("INSERT", "events", "aggregate_id=eq." + run),
                                            PhoenixTestClient.binding("*", "human_approvals", "agent_id=eq." + run)))
                            .at("/payload/status")
                            .asText())
                    .isEqualTo("ok");
            var appended = first.post(
                    "/api/v1/events",
                    first.serviceKey,
                    "{\"event_type\":\"VIA_A\",\"aggregate_type\":\"TEST\",\"aggregate_id\":\"" + run
                            + "\",\"payload\":{}}");
            assertThat(appended.status()).isEqualTo(201);
            var approval = first.post(
                    "/rest/v1/human_approvals",
                    first.serviceKey,
                    "{\"agent_id\":\"" + run
                            + "\",\"decision_context\":{},\"recommended_action\":\"call\",\"confidence\":0.5}");
            assertThat(approval.status()).isEqualTo(201);
            List<JsonNode> changes = client.changes(Duration.ofSeconds(5), 2);
            assertThat(changes)
                    .extracting(c -> c.at("/payload/data/table").asText())
                    .containsExactlyInAnyOrder("events", "human_approvals");
        }
    }

    private static boolean rejected(String token) {
        try {
            first.tokens.verify(token);
            return false;
        } catch (com.bigbox.server.auth.TokenRejectedException e) {
            return true;
        }
    }
}
