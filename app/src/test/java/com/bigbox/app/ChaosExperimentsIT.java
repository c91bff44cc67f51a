package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every experiment shipped in {@code chaos/} runs with {@code bigbox chaos run} against a real cluster
 * of {@code bigbox up} processes, and its steady-state hypothesis holds: every acknowledged append is
 * delivered once by every feed and by the durable subscription, subscriptions catch up, no approval
 * is lost. The embedded PostgreSQL restart runs against a cluster whose first instance hosts it.
 */
class ChaosExperimentsIT {
    static final String TOKEN = "chaos-test-admin-token-0123456789";
    /** The workload sends about 60 appends a second from one address: more than the default per-IP limit allows. */
    static final Map<String, String> UNLIMITED =
            Map.of("BIGBOX_RATE_LIMIT_PER_IP", "0", "BIGBOX_RATE_LIMIT_PER_KEY", "0");
    /** Approvals expire in about 9 s instead of a day, so the human absence is seen to end in silence and escalation. */
    static final String FAST_APPROVALS = "0.0001";

    static final Path EXPERIMENTS =
            Path.of(System.getProperty("user.dir")).getParent().resolve("chaos");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path work;

    @Test
    void everyShippedExperimentHoldsItsHypothesis() throws Exception {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(EXPERIMENTS)) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(11);
        var ran = new ArrayList<String>();

        Map<String, String> env = with(
                UNLIMITED,
                "DATABASE_URL",
                db.databaseUrl(),
                "BIGBOX_ADMIN_TOKEN",
                TOKEN,
                "BIGBOX_JWT_SECRET",
                AccessTesting.SECRET,
                "BIGBOX_APPROVAL_TIMEOUT_SCALE",
                FAST_APPROVALS);
        Settings runner = TestEngines.settingsFor(db.databaseUrl(), Map.of("BIGBOX_ADMIN_TOKEN", TOKEN));
        try (EngineProcess a = EngineProcess.start(work, env, "up", "--port", "0", "--instance", "chaos-a");
                EngineProcess b = EngineProcess.start(work, env, "up", "--port", "0", "--instance", "chaos-b")) {
            a.awaitListening();
            b.awaitListening();
            awaitLiveInstances(db.jdbcUrl(), 2);
            for (Path experiment : shipped) {
                String name = experiment.getFileName().toString();
                if (!name.equals("kill-instance.yaml") && !name.equals("restart-embedded-postgres.yaml")) {
                    runAndExpectHeld(runner, experiment, db.jdbcUrl());
                    ran.add(name);
                }
            }
            runAndExpectHeld(runner, EXPERIMENTS.resolve("kill-instance.yaml"), db.jdbcUrl());
            ran.add("kill-instance.yaml");
            await().atMost(20, SECONDS).until(() -> a.printed("crashes on request") || b.printed("crashes on request"));
        }

        int pgPort = freePort();
        Path home = Files.createDirectories(work.resolve("embedded-home"));
        String embeddedUrl = "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres";
        try (EngineProcess host = EngineProcess.start(
                work,
                with(
                        UNLIMITED,
                        "BIGBOX_HOME",
                        home.toString(),
                        "BIGBOX_EMBEDDED_PORT",
                        Integer.toString(pgPort),
                        "BIGBOX_ADMIN_TOKEN",
                        TOKEN,
                        "BIGBOX_JWT_SECRET",
                        AccessTesting.SECRET),
                "up",
                "--port",
                "0",
                "--instance",
                "embedded-host")) {
            host.awaitListening();
            try (EngineProcess second = EngineProcess.start(
                    work,
                    with(
                            UNLIMITED,
                            "DATABASE_URL",
                            embeddedUrl,
                            "BIGBOX_ADMIN_TOKEN",
                            TOKEN,
                            "BIGBOX_JWT_SECRET",
                            AccessTesting.SECRET),
                    "up",
                    "--port",
                    "0",
                    "--instance",
                    "embedded-second")) {
                second.awaitListening();
                String jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres";
                awaitLiveInstances(jdbc, 2);
                runAndExpectHeld(
                        TestEngines.settingsFor(embeddedUrl, Map.of("BIGBOX_ADMIN_TOKEN", TOKEN)),
                        EXPERIMENTS.resolve("restart-embedded-postgres.yaml"),
                        jdbc);
                ran.add("restart-embedded-postgres.yaml");
                assertThat(host.printed("Embedded PostgreSQL restarted")).isTrue();
            }
            host.stop();
        }
        assertThat(ran)
                .containsExactlyInAnyOrderElementsOf(
                        shipped.stream().map(p -> p.getFileName().toString()).toList());
    }

    static void runAndExpectHeld(Settings settings, Path experiment, String jdbcUrl) throws Exception {
        Cli.Run run = Cli.run(settings, "chaos", "run", experiment.toString());
        assertThat(run.exitCode())
                .as(experiment.getFileName() + "\n" + run.out() + run.err())
                .isZero();
        System.out.println(run.out());
        // What the experiment proves is that acknowledged means stored and delivered once (the total check), however
        // many appends a busy machine manages: no count of appends is asserted, only that the workload wrote some.
        assertThat(run.out())
                .contains("HELD: the hypothesis held")
                .containsPattern("workload: [0-9,]+ appends attempted, [0-9,]*[1-9][0-9,]* acknowledged")
                .contains("total check: lost 0, duplicated 0, unexpected 0 across [feed:")
                .contains("subscription:chaos-probe]");
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var s = c.createStatement();
                var rs = s.executeQuery("""
                        select status, deviated, resilience_score, jsonb_array_length(hypothesis_before),
                               jsonb_array_length(hypothesis_after), jsonb_array_length(actions), ended_at > started_at,
                               (select count(*) from events e where e.aggregate_type = 'CHAOS_EXPERIMENT'
                                   and e.aggregate_id = c.experiment_id::text)
                          from chaos_experiments c order by started_at desc limit 1""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("completed");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getBigDecimal(3)).isNotNull();
            assertThat(rs.getInt(4)).isGreaterThanOrEqualTo(4).isEqualTo(rs.getInt(5));
            assertThat(rs.getInt(6)).isGreaterThanOrEqualTo(3);
            assertThat(rs.getBoolean(7)).isTrue();
            assertThat(rs.getLong(8)).as("started, completed, resilience score").isEqualTo(3);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var s = c.createStatement();
                var rs = s.executeQuery("""
                        select experiment_type, events_affected,
                               (select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id)
                                 where f.experiment_id = c.experiment_id),
                               (select string_agg(a->>'output', ' ') from jsonb_array_elements(c.actions) a),
                               (select jsonb_object_agg(p->>'name', p->'value') from jsonb_array_elements(c.hypothesis_after) p)::text
                          from chaos_experiments c order by started_at desc limit 1""")) {
            rs.next();
            String outputs = rs.getString(4);
            JsonNode after = AccessTesting.JSON.readTree(rs.getString(5));
            JsonNode leads = after.path("every-lead-qualified-once-and-every-decision-governed");
            switch (rs.getString(1)) {
                case "simulate_agent_failure", "delay_event", "drop_event" -> {
                    assertThat(rs.getLong(3))
                            .as("the fault hit the agents' events")
                            .isPositive();
                    assertAgentsWorked(leads, after);
                }
                case "lower_confidence" -> {
                    assertThat(rs.getLong(3))
                            .as("the fault hit the agents' events")
                            .isPositive();
                    assertAgentsWorked(leads, after);
                    assertThat(leads.path("lowered").asLong())
                            .as("decisions lowered: " + leads)
                            .isPositive();
                    assertThat(leads.path("sent_to_people").asLong())
                            .isGreaterThanOrEqualTo(leads.path("lowered").asLong());
                }
                case "simulate_human_absence" -> {
                    assertAgentsWorked(leads, after);
                    assertThat(outputs)
                            .as("the absent role's decisions were refused")
                            .containsPattern("\"refused\": [1-9]")
                            .contains("\"decided\": 0");
                    JsonNode held = after.path("the-absent-roles-approvals-approved-by-silence-or-escalated-none-lost");
                    assertThat(held.path("held").asLong()).isPositive();
                    assertThat(held.path("approved_by_silence").asLong()
                                    + held.path("escalated").asLong())
                            .as("silence approved or escalated what the absent role held: " + held)
                            .isPositive();
                }
                case "terminate_connections" -> assertThat(outputs).containsPattern("\\{\"terminated\": [1-9]");
                case "kill_instance" -> assertThat(outputs).contains("\"down\": true");
                case "drop_notifications" -> assertThat(outputs).containsPattern("\"suppressed\": \\[\"[^\"]+\", \"");
                case "restart_embedded_postgres" -> assertThat(outputs).contains("restarted_in_ms");
                case "slow_database_lock" -> assertThat(outputs).contains("\"locked\": \"events\"");
                case "slow_database_writes" -> assertThat(outputs).contains("\"delay_ms\": 300");
                default -> throw new AssertionError("a shipped experiment this test does not know: " + rs.getString(1));
            }
        }
    }

    // Leads flowed through the agents during the run, and payments (protected) passed the faulted handlers untouched.
    static void assertAgentsWorked(JsonNode leads, JsonNode after) {
        assertThat(leads.path("leads").asLong()).as("leads sent: " + leads).isPositive();
        assertThat(leads.path("qualified").asLong())
                .as("leads qualified: " + leads)
                .isPositive();
        assertThat(after.path("protected-event-types-never-touched")
                        .path("protected_events")
                        .asLong())
                .as("payments went through the faulted agents")
                .isPositive();
    }

    static void awaitLiveInstances(String jdbcUrl, int n) {
        await().atMost(30, SECONDS).ignoreExceptions().until(() -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                    var s = c.createStatement();
                    var rs = s.executeQuery(
                            "select count(*) from engine_instances where heartbeat_at > now() - interval '10 seconds' "
                                    + "and chaos_admin")) {
                rs.next();
                return rs.getInt(1) == n;
            }
        });
    }

    static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        var all = new java.util.HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            all.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return all;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
