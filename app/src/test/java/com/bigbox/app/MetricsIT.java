package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.Registration;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} serves what an operator needs to see, in Prometheus' format, with real values. */
class MetricsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Engine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngines.start(db, "metrics-a");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static String scrape() throws Exception {
        return scrape(engine);
    }

    static String scrape(Engine from) throws Exception {
        var response = TestEngines.get(from, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return response.body();
    }

    /** The value of the first sample whose line starts with {@code name} and contains every label. */
    static double sample(String body, String name, String... labels) {
        for (String line : body.lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        throw new AssertionError("no sample " + name + " with " + String.join(",", labels) + " in\n" + body);
    }

    static double sampleOrZero(String body, String name, String... labels) {
        try {
            return sample(body, name, labels);
        } catch (AssertionError none) {
            return 0;
        }
    }

    static String appendBody(String type) {
        return "{\"event_type\":\"" + type
                + "\",\"aggregate_type\":\"ORDER\",\"aggregate_id\":\"o-1\",\"payload\":{\"n\":1}}";
    }

    @Test
    void appendsHttpRequestsPoolAndJvmAreMeasured() throws Exception {
        // An engine of its own with no agents: the class's engine has agents still reacting to other tests' leads,
        // and every event they append counts too, so exact counts are only this test's on an engine nobody else uses.
        try (Engine quiet = TestEngines.start(db, "metrics-quiet", Map.of("BIGBOX_AGENTS", "off"))) {
            appendsHttpRequestsPoolAndJvmAreMeasuredOn(quiet);
        }
    }

    private static void appendsHttpRequestsPoolAndJvmAreMeasuredOn(Engine quiet) throws Exception {
        String first = scrape(quiet);
        double before = sample(first, "bigbox_events_appended_total", "engine=\"metrics-quiet\"");
        double created =
                sampleOrZero(first, "http_server_requests_seconds_count", "route=\"/api/v1/events\"", "status=\"201\"");
        double refused =
                sampleOrZero(first, "http_server_requests_seconds_count", "route=\"/api/v1/events\"", "status=\"400\"");
        double unmatched =
                sampleOrZero(first, "http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\"");
        for (int i = 0; i < 3; i++) {
            assertThat(TestEngines.post(quiet, "/api/v1/events", appendBody("ORDER_PLACED"))
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(TestEngines.post(quiet, "/api/v1/events", "{\"event_type\":\"X\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(TestEngines.get(quiet, "/no/such/route").statusCode()).isEqualTo(404);

        String body = scrape(quiet);
        assertThat(sample(body, "bigbox_events_appended_total", "engine=\"metrics-quiet\""))
                .isEqualTo(before + 3);
        assertThat(sample(body, "bigbox_events_append_seconds_count", "outcome=\"stored\""))
                .isGreaterThanOrEqualTo(before + 3);
        assertThat(sample(body, "bigbox_events_append_seconds_bucket", "outcome=\"stored\"", "le=\"30.0\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(sample(
                        body,
                        "http_server_requests_seconds_count",
                        "route=\"/api/v1/events\"",
                        "status=\"201\"",
                        "method=\"POST\""))
                .isEqualTo(created + 3);
        assertThat(sample(body, "http_server_requests_seconds_count", "route=\"/api/v1/events\"", "status=\"400\""))
                .isEqualTo(refused + 1);
        assertThat(sample(body, "http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\""))
                .isEqualTo(unmatched + 1);
        assertThat(body).doesNotContain("/no/such/route");
        assertThat(sample(body, "hikaricp_connections_max", "pool=\"bigbox-metrics-quiet-pool\""))
                .isEqualTo(6);
        assertThat(sample(body, "hikaricp_connections_acquire_seconds_count")).isPositive();
        assertThat(body.lines()
                        .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum())
                .as("heap in use, all pools")
                .isPositive();
        assertThat(sample(body, "jvm_threads_live")).isPositive();
        assertThat(sample(body, "process_uptime_seconds")).isPositive();
        await().atMost(10, SECONDS).until(() -> sample(scrape(quiet), "bigbox_feed_delivered_total") >= before + 3);
        assertThat(sample(scrape(quiet), "bigbox_feed_delivery_latency_seconds_count"))
                .isGreaterThanOrEqualTo(3);
        assertThat(sample(scrape(quiet), "bigbox_feed_listening")).isEqualTo(1);
    }

    @Test
    void aSlowSubscriptionShowsItsLagUntilItCatchesUp() throws Exception {
        var release = new CountDownLatch(1);
        Registration subscription = engine.node()
                .subscriptions()
                .subscribe(
                        "metrics-slow",
                        EventFilter.types("SLOW_WORK"),
                        Position.START,
                        (event, work) -> release.await());
        try {
            for (int i = 0; i < 5; i++) {
                TestEngines.post(engine, "/api/v1/events", appendBody("SLOW_WORK"));
            }
            await().atMost(10, SECONDS)
                    .until(() -> sample(
                                    scrape(),
                                    "bigbox_subscription_lag_events",
                                    "subscription=\"metrics-slow\"",
                                    "owner=\"metrics-a\"")
                            >= 5);
            assertThat(sample(scrape(), "bigbox_subscription_owned", "subscription=\"metrics-slow\""))
                    .isEqualTo(1);
            release.countDown();
            await().atMost(10, SECONDS)
                    .until(() ->
                            sample(scrape(), "bigbox_subscription_lag_events", "subscription=\"metrics-slow\"") == 0);
            assertThat(sample(
                            scrape(),
                            "bigbox_subscription_handler_seconds_count",
                            "subscription=\"metrics-slow\"",
                            "outcome=\"ok\""))
                    .isGreaterThanOrEqualTo(5);
        } finally {
            release.countDown();
            subscription.close();
        }
    }

    @Test
    void anOpenWriterHoldsTheFeedBackAndTheLagSaysSo() throws Exception {
        try (Connection writer = db.connect();
                Connection other = db.connect()) {
            writer.setAutoCommit(false);
            try (var s = writer.createStatement()) {
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, correlation_id, payload) "
                        + "values ('HELD', 'ORDER', 'held-1', gen_random_uuid(), '{}')");
            }
            try (var s = other.createStatement()) {
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, correlation_id, payload) "
                        + "values ('BEHIND_HELD', 'ORDER', 'held-2', gen_random_uuid(), '{}')");
            }
            await().atMost(10, SECONDS).until(() -> sample(scrape(), "bigbox_feed_lag_events") >= 1);
            writer.commit();
            await().atMost(10, SECONDS).until(() -> sample(scrape(), "bigbox_feed_lag_events") == 0);
        }
    }

    @Test
    void businessGaugesComeFromTheSeedTables() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into human_approvals (agent_id, decision_context, recommended_action, confidence, status, timeout_at)
                    values ('intake', '{}', 'qualify', 0.6, 'pending', now() + interval '1 hour'),
                           ('intake', '{}', 'qualify', 0.6, 'pending', now() - interval '1 hour'),
                           ('finance', '{}', 'invoice', 0.7, 'approved', now() - interval '1 hour')""");
            s.execute("insert into sop_definitions (sop_id, version, definition) values ('lead-intake', 1, '{}')");
            s.execute("""
                    insert into sop_executions (sop_id, sop_version, correlation_id, status)
                    values ('lead-intake', 1, gen_random_uuid(), 'completed'), ('lead-intake', 1, gen_random_uuid(), 'completed'),
                           ('lead-intake', 1, gen_random_uuid(), 'failed')""");
            s.execute("""
                    insert into agent_metrics (agent_id, window_start, window_end, events_processed, human_escalations, avg_confidence)
                    values ('intake', now() - interval '2 days', now() - interval '1 day', 40, 3, 0.80),
                           ('intake', now() - interval '1 day', now(), 60, 2, 0.90)""");
            s.execute("""
                    insert into agent_metrics (agent_id, window_start, window_end, avg_confidence, confidence_sum, confidence_count)
                    values ('weighted', now() - interval '2 days', now() - interval '1 day', 0.80, 8.0, 10),
                           ('weighted', now() - interval '1 day', now(), 0.90, 0.9, 1)""");
        }
        String body = scrape();
        // Other tests' agents may have approvals waiting too: the rows inserted here are on top of those.
        assertThat(sample(body, "bigbox_approvals_pending"))
                .isEqualTo(number("select count(*) from human_approvals where status = 'pending'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(sample(body, "bigbox_approvals_overdue"))
                .isEqualTo(number(
                        "select count(*) from human_approvals " + "where status = 'pending' and timeout_at < now()"))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(body, "bigbox_sop_executions", "sop_id=\"lead-intake\"", "status=\"completed\""))
                .isEqualTo(2);
        assertThat(sample(body, "bigbox_sop_executions", "sop_id=\"lead-intake\"", "status=\"failed\""))
                .isEqualTo(1);
        assertThat(sample(body, "bigbox_agent_confidence_ratio", "agent=\"intake\""))
                .isCloseTo(0.85, org.assertj.core.data.Offset.offset(0.001));
        assertThat(sample(body, "bigbox_agent_confidence_ratio", "agent=\"weighted\""))
                .as("ten decisions at 0.80, one at 0.90")
                .isCloseTo(8.9 / 11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sample(body, "bigbox_agent_escalations_total", "agent=\"intake\""))
                .isEqualTo(5);
        assertThat(sample(body, "bigbox_agent_events_processed_total", "agent=\"intake\""))
                .isEqualTo(100);
    }

    @Test
    void businessGaugesFollowTheAgentsAtWork() throws Exception {
        var sops = new java.util.ArrayList<com.bigbox.autonomic.sop.SopFile>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("user.dir"))
                .getParent()
                .resolve("sops"))) {
            for (var file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sops.add(new com.bigbox.autonomic.sop.SopFile(
                        file.getFileName().toString(), java.nio.file.Files.readString(file)));
            }
        }
        engine.node().store().inTransaction(w -> engine.autonomic().sopLoader().load(w, sops, "metrics-test"));
        for (int i = 0; i < 6; i++) {
            boolean strong = i % 3 == 0;
            String lead = strong
                    ? "{\"name\": \"Strong " + i + "\", \"email\": \"s" + i
                            + "@acme.test\", \"phone\": \"+1 555 0100\", "
                            + "\"company\": \"Acme " + i
                            + "\", \"urgency\": \"high\", \"message\": \"We need a complete rebrand "
                            + "for our launch next quarter, with a campaign for engineers and buyers alike.\"}"
                    : "{\"name\": \"Thin " + i + "\", \"email\": \"t" + i + "@example.com\", \"message\": \"Hello?\"}";
            assertThat(TestEngines.post(engine, "/api/v1/leads", lead).statusCode())
                    .isEqualTo(201);
        }
        // The gauges agree with what the log and the tables say, once the projections have caught up.
        await().atMost(30, SECONDS).untilAsserted(() -> {
            String body = scrape();
            assertThat(sample(body, "bigbox_approvals_pending"))
                    .isEqualTo(number("select count(*) from human_approvals " + "where status = 'pending'"))
                    .isGreaterThanOrEqualTo(4);
            assertThat(sample(body, "bigbox_approvals_overdue"))
                    .isEqualTo(number("select count(*) from human_approvals "
                            + "where status = 'pending' and timeout_at < now()"));
            assertThat(sample(body, "bigbox_agent_escalations_total", "agent=\"IntakeAgent\""))
                    .isEqualTo(number(
                            "select count(*) from events where event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED') "
                                    + "and payload ->> 'agent_id' = 'IntakeAgent'"))
                    .isGreaterThanOrEqualTo(4);
            assertThat(sample(body, "bigbox_agent_confidence_ratio", "agent=\"IntakeAgent\""))
                    .as("the mean of its confidences")
                    .isCloseTo(
                            number("select avg(confidence) from events where emitted_by = 'IntakeAgent'"),
                            org.assertj.core.data.Offset.offset(1e-9));
            assertThat(sample(body, "bigbox_agent_events_processed_total", "agent=\"IntakeAgent\""))
                    .isEqualTo(
                            number("select count(distinct causation_id) from events where emitted_by = 'IntakeAgent'"));
            assertThat(sample(
                            body,
                            "bigbox_sop_executions",
                            "sop_id=\"lead-intake-qualification\"",
                            "status=\"completed\""))
                    .isEqualTo(number("select count(*) from sop_executions where sop_id = 'lead-intake-qualification' "
                            + "and status = 'completed'"))
                    .isPositive();
        });
    }

    static double number(String sql) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    @Test
    void everySeriesFollowsPrometheusNamingConventions() throws Exception {
        // The agents' counters appear once agent_metrics has rows: give them one.
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into agent_metrics (agent_id, window_start, window_end, events_processed, human_escalations) "
                            + "values ('naming', now() - interval '1 day', now(), 1, 1)");
        }
        var families = PrometheusNames.families(scrape());
        assertThat(families)
                .containsEntry("process_cpu_seconds_total", "counter")
                .containsEntry("jvm_classes_loaded_total", "counter")
                .containsEntry("jvm_classes_currently_loaded", "gauge")
                .containsEntry("jvm_threads_live", "gauge")
                .containsEntry("bigbox_agent_escalations_total", "counter")
                .containsEntry("bigbox_agent_events_processed_total", "counter")
                .containsEntry("bigbox_agent_confidence_ratio", "gauge")
                .doesNotContainKeys(
                        "process_cpu_time_ns_total",
                        "jvm_classes_loaded_count_classes_total",
                        "jvm_threads_live_threads");
        assertThat(PrometheusNames.violations(families)).isEmpty();
    }

    @Test
    void openMetricsIsServedToScrapersThatAskForIt() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(TestEngines.uri(engine, "/metrics"))
                                .header("Accept", "application/openmetrics-text; version=1.0.0")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        Matcher eof = Pattern.compile("(?m)^# EOF$").matcher(response.body());
        assertThat(eof.find()).isTrue();
    }
}
