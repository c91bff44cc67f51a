package com.bigbox.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chaos functions as the Chaos Toolkit calls them: {@code POST /admin/v1/chaos/functions/<function>}
 * on one of two instances sharing a database, JSON arguments in, the function's value as
 * {@code application/json} out (the toolkit reads a body as JSON only for exactly that type), the admin
 * token in {@code X-Bigbox-Admin-Token}. A run's state lives in a session on the serving instance: the
 * workload started by one call is the one the total check of a later call counts.
 */
class ChaosFunctionsIT {
    static final String TOKEN = "functions-it-admin-token-0123456789";
    static final String JWT_SECRET = "functions-it-jwt-secret-0123456789abcdef0123";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Engine a;
    static Engine b;

    @BeforeAll
    static void start() throws Exception {
        a = engine("functions-a");
        b = engine("functions-b");
    }

    static Engine engine(String name) throws Exception {
        var values = new HashMap<String, String>();
        values.put("DATABASE_URL", db.databaseUrl());
        values.put("BIGBOX_JWT_SECRET", JWT_SECRET);
        values.put("BIGBOX_HOME", Files.createTempDirectory("bigbox-functions-").toString());
        values.put("BIGBOX_POOL_SIZE", "6");
        values.put("BIGBOX_ADMIN_TOKEN", TOKEN);
        // The workload appends from one address faster than the default per-address limit allows.
        values.put("BIGBOX_RATE_LIMIT_PER_IP", "0");
        values.put("BIGBOX_RATE_LIMIT_PER_KEY", "0");
        return Engine.start(
                Settings.of(values, Path.of("").toAbsolutePath()), new Engine.Options("127.0.0.1", 0, name));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String session, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + path))
                .timeout(Duration.ofSeconds(120))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Bigbox-Admin-Token", token);
        }
        if (session != null) {
            request.header("X-Bigbox-Chaos-Session", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode function(String session, String function, String json) throws Exception {
        var response = call("POST", "/admin/v1/chaos/functions/" + function, TOKEN, session, json);
        assertThat(response.statusCode()).as(function + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .as("the toolkit parses exactly this type")
                .hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void withoutTheAdminTokenOrWithAWrongOneNothingRuns() throws Exception {
        for (String token : new String[] {null, "", "not-the-admin-token-0123456789"}) {
            var refused = call("POST", "/admin/v1/chaos/functions/instances_ready", token, null, null);
            assertThat(refused.statusCode()).as("token " + token).isEqualTo(401);
            assertThat(refused.body()).contains("X-Bigbox-Admin-Token");
            assertThat(call("POST", "/admin/v1/chaos/functions/terminate_connections", token, null, "{}")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call("POST", "/admin/v1/chaos/sessions", token, null, "{}")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call("DELETE", "/admin/v1/chaos/sessions/default", token, null, null)
                            .statusCode())
                    .isEqualTo(401);
        }
        // An API key is no admin token: the service role is refused too.
        String serviceKey = new Tokens(JwtSecret.of(JWT_SECRET), Clock.systemUTC(), Duration.ofHours(1))
                .apiKey(DbRole.SERVICE_ROLE, Duration.ofHours(1));
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + a.port() + "/admin/v1/chaos/functions/instances_ready"))
                .header("apikey", serviceKey)
                .header("Authorization", "Bearer " + serviceKey)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSessionKeepsTheWorkloadItsTotalCheckCountsAndIsRecordedWhenItEnds() throws Exception {
        var opened = call("POST", "/admin/v1/chaos/sessions", TOKEN, null, "{\"session\": \"toolkit-run-1\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode session = JSON.readTree(opened.body());
        assertThat(session.path("session").asText()).isEqualTo("toolkit-run-1");
        String experimentId = session.path("experiment_id").asText();

        assertThat(function("toolkit-run-1", "instances_ready", null).asInt()).isEqualTo(2);
        JsonNode before = function("toolkit-run-1", "total_check", "{\"drain_seconds\": 5}");
        assertThat(before.path("attempted").asLong()).isZero();
        assertThat(before.path("anomalies").asLong()).isZero();

        JsonNode started = function("toolkit-run-1", "start_workload", "{\"writers\": 2, \"rate_per_second\": \"20\"}");
        assertThat(started.path("writers").asInt()).isEqualTo(2);
        Thread.sleep(2_000);
        JsonNode stopped = function("toolkit-run-1", "stop_workload", null);
        assertThat(stopped.path("acknowledged").asLong()).as(stopped.toString()).isPositive();

        JsonNode after = function("toolkit-run-1", "total_check", "{\"drain_seconds\": 60}");
        assertThat(after.path("attempted").asLong())
                .as("the session's own workload")
                .isEqualTo(stopped.path("attempted").asLong());
        assertThat(after.path("acknowledged").asLong())
                .isEqualTo(stopped.path("acknowledged").asLong());
        assertThat(after.path("anomalies").asLong()).as(after.toString()).isZero();
        assertThat(after.path("readers").has("feed:functions-a")).isTrue();
        assertThat(after.path("readers").has("feed:functions-b")).isTrue();
        assertThat(after.path("readers")
                        .path("subscription:chaos-probe")
                        .path("delivered")
                        .asLong())
                .isEqualTo(after.path("acknowledged").asLong());
        assertThat(function("toolkit-run-1", "subscriptions_caught_up", "{\"within_seconds\": 60}")
                        .path("caught_up")
                        .asBoolean())
                .isTrue();
        assertThat(function("toolkit-run-1", "fault_hits", null).asLong()).isZero();

        // Mistakes are named, as ./bigbox chaos run names them; a function that cannot act here answers 409.
        var unknown = call("POST", "/admin/v1/chaos/functions/explode_everything", TOKEN, "toolkit-run-1", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        var wrong =
                call("POST", "/admin/v1/chaos/functions/total_check", TOKEN, "toolkit-run-1", "{\"drain_minutes\": 1}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("total_check.arguments.drain_minutes");
        var self = call(
                "POST",
                "/admin/v1/chaos/functions/crash_instance",
                TOKEN,
                "toolkit-run-1",
                "{\"instance\": \"functions-a\"}");
        assertThat(self.statusCode())
                .as("the serving instance is never crashed")
                .isEqualTo(409);

        var closed = call("DELETE", "/admin/v1/chaos/sessions/toolkit-run-1", TOKEN, null, null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).path("experiment_id").asText()).isEqualTo(experimentId);
        assertThat(call("DELETE", "/admin/v1/chaos/sessions/toolkit-run-1", TOKEN, null, null)
                        .statusCode())
                .isEqualTo(404);
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select experiment_type, status, jsonb_array_length(actions), findings::text from chaos_experiments "
                                + "where experiment_id = '" + experimentId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("chaostoolkit_session");
            assertThat(rs.getString(2)).isEqualTo("completed");
            // Seven that did their work and the refused crash; the unknown function and the wrong argument never ran.
            assertThat(rs.getInt(3)).as("every call that ran").isEqualTo(8);
            assertThat(rs.getString(4)).contains("appends attempted");
        }
    }

    @Test
    void withoutASessionHeaderCallsShareTheDefaultSessionAndANewWorkloadBeginsTheNextRun() throws Exception {
        assertThat(function(null, "instances_ready", null).asInt()).isEqualTo(2);
        function(null, "start_workload", "{\"writers\": 1, \"rate_per_second\": 10}");
        Thread.sleep(1_000);
        JsonNode first = function(null, "stop_workload", null);
        assertThat(function(null, "total_check", "{\"drain_seconds\": 60}")
                        .path("attempted")
                        .asLong())
                .isEqualTo(first.path("attempted").asLong());
        // The toolkit names no run: the next start_workload on the session ends this run and begins another.
        function(null, "start_workload", "{\"writers\": 1, \"rate_per_second\": 10}");
        Thread.sleep(1_000);
        JsonNode second = function(null, "stop_workload", null);
        JsonNode check = function(null, "total_check", "{\"drain_seconds\": 60}");
        assertThat(check.path("attempted").asLong())
                .as("only the second run's appends")
                .isEqualTo(second.path("attempted").asLong());
        assertThat(check.path("anomalies").asLong()).isZero();
        assertThat(call("DELETE", "/admin/v1/chaos/sessions/default", TOKEN, null, null)
                        .statusCode())
                .isEqualTo(200);
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select count(*) from chaos_experiments where experiment_type = 'chaostoolkit_session' "
                                + "and definition ->> 'session' = 'default' and status = 'completed'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }
}
