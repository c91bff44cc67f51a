package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, holes 1 and 3, as the attack ran them with default settings: a client's token read and wrote the
 * engine's internal tables through /rest/v1 (deleted every scheduled job, inserted an instance with
 * url = http://evil.example), and saw every client's rows. Now those tables do not exist for clients and
 * anon (nor in their OpenAPI document), and a client sees only its client's rows whatever the settings.
 */
class DefaultDenyIT {
    static final List<String> ENGINE_TABLES = List.of(
            "engine_instances",
            "scheduled_jobs",
            "chaos_faults",
            "chaos_database_faults",
            "chaos_fault_hits",
            "chaos_probe_deliveries",
            "improvement_signals",
            "sop_proposals",
            "sop_execution_steps",
            "human_approval_comments",
            "human_approval_audit",
            "subscription_checkpoints");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static String alpha;
    static String ceo;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "deny", Map.of());
        alpha = SecurityIT.user(access, "alpha@example.com", "client", "client-alpha");
        ceo = SecurityIT.user(access, "ceo@example.com", "ceo", null);
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload) values
                      ('CLIENT_CREATED', 'CLIENT', 'client-alpha', '{"client_id": "client-alpha"}'),
                      ('CLIENT_CREATED', 'CLIENT', 'client-beta', '{"client_id": "client-beta"}');
                    insert into human_approvals (agent_id, decision_context, recommended_action, confidence) values
                      ('finance', '{"client_id": "client-alpha"}', 'send invoice', 0.6),
                      ('finance', '{"client_id": "client-beta"}', 'send invoice', 0.6);
                    insert into client_health (client_id) values ('client-alpha'), ('client-beta');
                    insert into scheduled_jobs (kind, job_key, run_at, payload)
                      values ('approval.expire', 'a-1', now() + interval '1 hour', '{}');
                    """);
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aClientReadsNoEngineTableAndTheyAreNotInItsDocument() throws Exception {
        for (String table : ENGINE_TABLES) {
            var read = access.get("/rest/v1/" + table, alpha);
            assertThat(read.status()).as(table + " " + read).isEqualTo(404);
            assertThat(read.json().path("code").asText()).isEqualTo("PGRST205");
            // the anon key is told to sign in, as for every table
            assertThat(access.get("/rest/v1/" + table, access.anonKey).status())
                    .as(table)
                    .isEqualTo(401);
        }
        for (String key : List.of(alpha, access.anonKey)) {
            String document = access.get("/rest/v1/", key).body();
            for (String table : ENGINE_TABLES) {
                assertThat(document).as(table).doesNotContain("/" + table + "\"", "\"" + table + "\"");
            }
        }
        assertThat(access.get("/rest/v1/", alpha).body()).contains("\"/events\"");
        // staff keep what the engine's pages read
        assertThat(access.get("/rest/v1/engine_instances", ceo).status()).isEqualTo(200);
        assertThat(access.get("/rest/v1/", ceo).body()).contains("\"/engine_instances\"");
    }

    @Test
    void aClientWritesNoEngineTable() throws Exception {
        long jobs = count("select count(*) from scheduled_jobs");
        var delete = access.send(access.request("/rest/v1/scheduled_jobs?job_key=not.is.null", alpha)
                .DELETE()
                .build());
        assertThat(delete.status()).as(delete.toString()).isEqualTo(404);
        var evil = access.post(
                "/rest/v1/engine_instances",
                alpha,
                "{\"instance_name\":\"evil\",\"url\":\"http://evil.example\",\"started_at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(evil.status()).as(evil.toString()).isEqualTo(404);
        for (String table : ENGINE_TABLES) {
            var insert = access.post("/rest/v1/" + table, alpha, "{}");
            var patch = access.send(access.request("/rest/v1/" + table, alpha)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
            var remove = access.send(
                    access.request("/rest/v1/" + table, alpha).DELETE().build());
            for (var answer : List.of(insert, patch, remove)) {
                assertThat(answer.status()).as(table + " " + answer).isEqualTo(404);
            }
        }
        assertThat(count("select count(*) from scheduled_jobs")).isEqualTo(jobs);
        assertThat(count("select count(*) from engine_instances where url like '%evil%'"))
                .isZero();
    }

    @Test
    void aClientSeesOnlyItsClientsRowsWithDefaultSettingsAndWhenTheOldSwitchIsTurnedOff() throws Exception {
        assertOnlyAlpha();
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("select bigbox_access.disable_tenancy()");
        }
        assertOnlyAlpha();
        // staff keep the seed's policy
        assertThat(access.get("/rest/v1/events?select=aggregate_id", ceo).json().findValuesAsText("aggregate_id"))
                .contains("client-alpha", "client-beta");
    }

    private static void assertOnlyAlpha() throws Exception {
        assertThat(access.get("/rest/v1/events?select=aggregate_id", alpha)
                        .json()
                        .findValuesAsText("aggregate_id"))
                .containsOnly("client-alpha");
        assertThat(access.get("/rest/v1/human_approvals?select=decision_context", alpha)
                        .json()
                        .findValuesAsText("client_id"))
                .containsExactly("client-alpha");
        assertThat(access.get("/rest/v1/client_health?select=client_id", alpha)
                        .json()
                        .findValuesAsText("client_id"))
                .containsExactly("client-alpha");
        assertThat(access.get("/api/v1/events", alpha).json().findValuesAsText("aggregate_id"))
                .containsOnly("client-alpha");
        assertThat(access.post("/graphql/v1", alpha, "{\"query\":\"{ clientHealth { clientId } }\"}")
                        .json()
                        .findValuesAsText("clientId"))
                .containsExactly("client-alpha");
        assertThat(access.get("/api/clients/client-beta/trust-score", alpha).status())
                .isEqualTo(404);
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
