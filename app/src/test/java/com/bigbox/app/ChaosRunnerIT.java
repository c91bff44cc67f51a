package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's verdicts and refusals: a bad file names the key at fault and changes nothing, a
 * hypothesis that does not hold first aborts the run before its method, an unresilient handler
 * deviates with a low score and an alert, the control surface wants its token, and runs can be read
 * back over the API.
 */
class ChaosRunnerIT {
    static final String TOKEN = "runner-test-admin-token-0123456789";
    static final Path FILES = Path.of("src/test/resources/chaos").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Engine engine;
    static Settings settings;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngines.start(db, "runner-a", Map.of("BIGBOX_ADMIN_TOKEN", TOKEN));
        settings = TestEngines.settings(db, Map.of("BIGBOX_ADMIN_TOKEN", TOKEN));
        await().atMost(20, SECONDS).until(() -> count("select count(*) from engine_instances where chaos_admin") == 1);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBadExperimentFileNamesTheKeyAtFaultAndRecordsNothing() throws Exception {
        long before = count("select count(*) from chaos_experiments");
        assertThat(Cli.run(
                                settings,
                                "chaos",
                                "run",
                                FILES.resolve("unknown-function.yaml").toString())
                        .err())
                .contains("bigbox chaos run: explode.provider.func 'explode_everything' is not a chaos function");
        assertThat(Cli.run(
                                settings,
                                "chaos",
                                "run",
                                FILES.resolve("bad-argument.yaml").toString())
                        .err())
                .contains("lock.lock_table.arguments.minutes is not an argument of lock_table");
        assertThat(Cli.run(
                                settings,
                                "chaos",
                                "run",
                                FILES.resolve("no-version.yaml").toString())
                        .err())
                .contains("version is required");
        assertThat(Cli.run(
                                settings,
                                "chaos",
                                "run",
                                FILES.resolve("probe-without-tolerance.yaml").toString())
                        .err())
                .contains("steady-state-hypothesis.probes[0].tolerance is required");
        Cli.Run missing =
                Cli.run(settings, "chaos", "run", FILES.resolve("nowhere.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yaml cannot be read");
        assertThat(Cli.run(
                                settings,
                                "chaos",
                                "run",
                                FILES.resolve("bad-argument.yaml").toString(),
                                "--rollback-strategy",
                                "x")
                        .exitCode())
                .isEqualTo(2);
        assertThat(count("select count(*) from chaos_experiments")).isEqualTo(before);
    }

    @Test
    void aHypothesisThatDoesNotHoldFirstAbortsTheRunBeforeItsMethod() throws Exception {
        Cli.Run run = Cli.run(
                settings,
                "chaos",
                "run",
                FILES.resolve("needs-five-instances.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("Steady state before: 1/2 within tolerance — five-ready = 1")
                .contains("Method: ")
                .contains("did not hold before the method, so the method did not run")
                .contains("Rollbacks (always): stop-workload ok")
                .contains("ABORTED");
        assertThat(
                        count(
                                "select count(*) from events e join chaos_experiments c on e.aggregate_id like 'run-' || "
                                        + "left(c.experiment_id::text, 8) || '-w%' where e.aggregate_type = 'CHAOS_PROBE' and c.experiment_type = 'needs_five'"))
                .as("no workload ran")
                .isZero();
        assertThat(count(
                        "select count(*) from chaos_experiments where experiment_type = 'needs_five' and status = 'aborted' "
                                + "and resilience_score is null and hypothesis_after = '[]'"))
                .isEqualTo(1);
    }

    @Test
    void aHandlerThatDropsEventsDeviatesScoresLowAndRaisesTheAlert() throws Exception {
        Path journal = tmp.resolve("journal.json");
        Cli.Run run = Cli.run(
                settings,
                "chaos",
                "run",
                FILES.resolve("drop-half-the-probes.yaml").toString(),
                "--journal",
                journal.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("DEVIATED")
                .contains("(ALERT: below 0.7)")
                .contains("Rollbacks (deviated): end-the-fault ok");
        JsonNode record = JSON.readTree(journal.toFile()).get("journal");
        JsonNode check = record.get("hypothesis_after").get(1).get("value");
        assertThat(check.get("lost").asLong()).isPositive();
        assertThat(check.get("readers")
                        .get("subscription:chaos-probe")
                        .get("lost")
                        .asLong())
                .isPositive();
        assertThat(check.get("readers").get("feed:runner-a").get("lost").asLong())
                .as("the feed itself lost nothing")
                .isZero();
        assertThat(record.get("score").get("value").asDouble()).isLessThan(0.7);
        assertThat(count("select count(*) from chaos_faults where ends_at > now()"))
                .as("the rollback ended the fault")
                .isZero();

        JsonNode scored =
                JSON.readTree(single("select payload::text from events where event_type = 'CHAOS_RESILIENCE_SCORE' "
                        + "order by global_position desc limit 1"));
        assertThat(scored.get("alert").asBoolean()).isTrue();
        assertThat(scored.get("trend").get("scores").size()).isPositive();
        assertThat(
                        count(
                                "select count(*) from chaos_experiments where experiment_type = 'drop_event' and deviated "
                                        + "and status = 'completed' and resilience_score < 0.7 and events_affected > 0 and failures_detected > 0"))
                .isEqualTo(1);

        var list = http("GET", "/api/v1/chaos/experiments", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(list.body());
        assertThat(body.get("experiments").get(0).get("experiment_type").asText())
                .isEqualTo("drop_event");
        assertThat(body.get("experiments").get(0).get("alert").asBoolean()).isTrue();
        assertThat(body.get("alert_below").asDouble()).isEqualTo(0.7);
        String id = body.get("experiments").get(0).get("experiment_id").asText();
        assertThat(JSON.readTree(http("GET", "/api/v1/chaos/experiments/" + id, null, null)
                                .body())
                        .get("findings")
                        .size())
                .isPositive();
        assertThat(http("GET", "/api/v1/chaos/experiments/00000000-0000-0000-0000-000000000000", null, null)
                        .statusCode())
                .isEqualTo(404);
        var bad = http("GET", "/api/v1/chaos/experiments/nope", null, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("id");
        assertThat(http("GET", "/api/v1/chaos/experiments?limit=0", null, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theControlSurfaceWantsItsTokenAndChecksWhatItIsGiven() throws Exception {
        assertThat(http("GET", "/admin/v1/chaos/status", null, null).statusCode())
                .isEqualTo(401);
        assertThat(http("GET", "/admin/v1/chaos/status", "wrong-token-wrong-token", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(JSON.readTree(http("GET", "/admin/v1/chaos/status", TOKEN, null)
                                .body())
                        .get("listening")
                        .asBoolean())
                .isTrue();
        var bad = http("POST", "/admin/v1/chaos/notifications/suppress", TOKEN, "{\"seconds\": 0}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("seconds");
        var notEmbedded = http("POST", "/admin/v1/chaos/database/restart", TOKEN, null);
        assertThat(notEmbedded.statusCode()).isEqualTo(409);
        assertThat(notEmbedded.body()).contains("does not run the embedded database");

        assertThat(http("POST", "/admin/v1/chaos/notifications/suppress", TOKEN, "{\"seconds\": 2}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(engine.node().notificationsSuppressedUntil()).isPresent();
        var posted = TestEngines.post(
                engine,
                "/api/v1/events",
                "{\"event_type\":\"WHILE_DEAF\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"deaf\",\"payload\":{}}");
        assertThat(posted.statusCode()).isEqualTo(201);
        await().atMost(5, SECONDS)
                .until(() -> engine.node().feedStatus().position().globalPosition()
                        >= JSON.readTree(posted.body()).get("global_position").asLong());
        await().atMost(10, SECONDS)
                .until(() -> engine.node().notificationsSuppressedUntil().isEmpty()
                        && engine.node().listening());
    }

    @Test
    void clearEndsEveryFaultInForce() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into chaos_faults (kind, intensity, ends_at) values ('drop_event', 'low', now() + interval '1 hour')");
        }
        Cli.Run clear = Cli.run(settings, "chaos", "clear");
        assertThat(clear.out()).contains("Ended 1 chaos fault(s) in force");
        assertThat(count("select count(*) from chaos_faults where ends_at > now()"))
                .isZero();
    }

    static String single(String sql) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static HttpResponse<String> http(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Bigbox-Admin-Token", token);
        }
        if (path.startsWith("/api/")) {
            TestEngines.withKey(request);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
