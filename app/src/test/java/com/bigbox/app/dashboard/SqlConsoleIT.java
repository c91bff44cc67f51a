package com.bigbox.app.dashboard;

import static com.bigbox.app.dashboard.DashboardCluster.ACME;
import static com.bigbox.app.dashboard.DashboardCluster.CEO;
import static com.bigbox.app.dashboard.DashboardCluster.EMPLOYEE;
import static com.bigbox.app.dashboard.DashboardCluster.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/dashboard/sql}: a CEO's one read-only query under the console's role with the CEO's claims, with a statement
 * timeout; everyone else refused; writes, second statements and attempts to take other rights refused.
 */
class SqlConsoleIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static DashboardCluster cluster;
    static String anonKey;
    static String ceo;

    @BeforeAll
    static void start() throws Exception {
        cluster = DashboardCluster.start(db, 1);
        anonKey = get("/dashboard/config", null).body().get("anon_key").asText();
        ceo = signIn(CEO);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theCeoRunsAQueryAndGetsColumnsAndRows() throws Exception {
        var reply = sql(
                ceo,
                "select event_type, count(*) as events, null as nothing, 1 as n, 2 as n from events "
                        + "where aggregate_type = 'LEAD' group by event_type order by event_type");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("columns"))
                .extracting(JsonNode::asText)
                .containsExactly("event_type", "events", "nothing", "n", "n");
        assertThat(reply.body().get("rows").get(0).get(0).asText()).isEqualTo("AUTONOMIC_DECISION_EXECUTED");
        assertThat(reply.body().get("rows").get(0).get(2).isNull()).isTrue();
        assertThat(reply.body().get("rows").get(0).get(4).asInt()).isEqualTo(2);
        assertThat(reply.body().get("truncated").asBoolean()).isFalse();
    }

    @Test
    void itRunsAsTheSignedInUserNotAsTheEngine() throws Exception {
        var reply = sql(
                ceo,
                "select current_user as role, auth.jwt() ->> 'email' as email, current_setting('transaction_read_only') as ro");
        assertThat(reply.body().get("rows").get(0))
                .extracting(JsonNode::asText)
                .containsExactly("bigbox_console", CEO, "on");
        assertThat(sql(ceo, "select * from bigbox_access.users")
                        .body()
                        .get("message")
                        .asText())
                .contains("permission denied");
        assertThat(sql(ceo, "select * from subscription_checkpoints")
                        .body()
                        .get("message")
                        .asText())
                .contains("permission denied");
    }

    @Test
    void aPageIsAtMostAThousandRows() throws Exception {
        var reply = sql(ceo, "select g from generate_series(1, 5000) g");
        assertThat(reply.body().get("rows").size()).isEqualTo(1000);
        assertThat(reply.body().get("truncated").asBoolean()).isTrue();
        assertThat(sql(ceo, "select g from generate_series(1, 1000) g")
                        .body()
                        .get("truncated")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void writesSecondStatementsAndRoleChangesAreRefusedAndChangeNothing() throws Exception {
        long before = count("select count(*) from human_approvals where status = 'pending'");
        List<String> refused = List.of(
                "delete from human_approvals",
                "update human_approvals set status = 'approved'",
                "with gone as (delete from human_approvals returning *) select * from gone",
                "select 1; delete from human_approvals",
                "select 1) as console_row; delete from human_approvals; select * from (select 1",
                "commit",
                "set role postgres",
                "select set_config('role', 'postgres', true)",
                "select set_config('session_authorization', 'postgres', true)",
                "select set_config('transaction_read_only', 'off', true)",
                "select query_to_xml('select set_config(''role'', ''postgres'', true)', true, false, '')",
                "select pg_terminate_backend(pid) from pg_stat_activity");
        for (String query : refused) {
            var reply = sql(ceo, query);
            assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
            assertThat(reply.body().get("field").asText()).isEqualTo("sql");
        }
        assertThat(count("select count(*) from human_approvals where status = 'pending'"))
                .isEqualTo(before);
        assertThat(sql(ceo, "select current_user")
                        .body()
                        .get("rows")
                        .get(0)
                        .get(0)
                        .asText())
                .isEqualTo("bigbox_console");
    }

    @Test
    void aSlowQueryIsStoppedByTheStatementTimeout() throws Exception {
        long start = System.nanoTime();
        var reply = sql(ceo, "select pg_sleep(30)");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("statement_timeout");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(15);
    }

    @Test
    void onlyACeoMayUseIt() throws Exception {
        assertThat(sql(signIn(EMPLOYEE), "select 1").status()).isEqualTo(403);
        assertThat(sql(signIn(ACME), "select 1").status()).isEqualTo(403);
        assertThat(sql(anonKey, "select 1").status()).isEqualTo(403);
        var anonymous = send(HttpRequest.newBuilder(URI.create(cluster.url(0) + "/api/v1/dashboard/sql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"select 1\"}"))
                .build());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aBadBodyNamesTheField() throws Exception {
        assertThat(post(ceo, "not json").body().get("field").asText()).isEqualTo("body");
        assertThat(post(ceo, "{\"query\": \"select 1\"}").body().get("field").asText())
                .isEqualTo("query");
        assertThat(post(ceo, "{\"sql\": 42}").body().get("field").asText()).isEqualTo("sql");
        assertThat(post(ceo, "{\"sql\": \"  \"}").status()).isEqualTo(400);
        assertThat(post(ceo, JSON.writeValueAsString(Map.of("sql", "select 1 -- " + "x".repeat(20_000))))
                        .body()
                        .get("message")
                        .asText())
                .contains("at most 20000");
        var syntax = sql(ceo, "selec 1");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body().get("message").asText()).contains("syntax error");
    }

    @Test
    void manyAdministratorsAtOnceEachGetTheirOwnReadOnlyTransaction() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var calls = new ArrayList<Callable<Reply>>();
            for (int i = 0; i < 40; i++) {
                String query = i % 4 == 0 ? "delete from events" : "select " + i + " as i, count(*) from events";
                calls.add(() -> sql(ceo, query));
            }
            var replies = pool.invokeAll(calls);
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = replies.get(i).get();
                if (i % 4 == 0) {
                    assertThat(reply.status()).isEqualTo(400);
                } else {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    assertThat(reply.body().get("rows").get(0).get(0).asInt()).isEqualTo(i);
                }
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String signIn(String email) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(cluster.url(0) + "/auth/v1/token?grant_type=password"))
                .header("apikey", anonKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
                .build();
        return send(request).body().get("access_token").asText();
    }

    private static Reply sql(String token, String query) throws Exception {
        return post(token, JSON.writeValueAsString(Map.of("sql", query)));
    }

    private static Reply post(String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(cluster.url(0) + "/api/v1/dashboard/sql"))
                .header("apikey", anonKey)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Reply get(String path, String token) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(cluster.url(0) + path));
        if (token != null) {
            builder.header("apikey", anonKey).header("Authorization", "Bearer " + token);
        }
        return send(builder.GET().build());
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    record Reply(int status, JsonNode body) {}
}
