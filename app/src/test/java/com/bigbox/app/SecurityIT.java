package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security suite, with tenancy on: forged and expired tokens, anon writes, injection attempts in
 * select/filter/order, oversized bodies, and a tenant trying every surface (REST, RPC, the engine API,
 * SSE, GraphQL, realtime) for another tenant's rows. Nothing leaks and nothing is written.
 */
class SecurityIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static String acme;
    static String globex;
    static String staff;
    static String globexEventId;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(
                db,
                "security",
                Map.of(
                        "BIGBOX_TENANCY",
                        "on",
                        "BIGBOX_MAX_BODY_BYTES",
                        "65536",
                        "BIGBOX_REALTIME_MAX_MESSAGE_BYTES",
                        "4096"));
        acme = user("ceo-of-acme@example.com", "client", "acme");
        globex = user("ceo-of-globex@example.com", "client", "globex");
        staff = user("staff@example.com", "employee", null);
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload, correlation_id) values
                      ('CLIENT_CREATED', 'CLIENT', 'acme', '{"client_id": "acme"}', '11111111-1111-4111-8111-111111111111'),
                      ('CLIENT_CREATED', 'CLIENT', 'globex', '{"client_id": "globex"}', '22222222-2222-4222-8222-222222222222');
                    insert into human_approvals (agent_id, decision_context, recommended_action, confidence) values
                      ('finance', '{"client_id": "acme"}', 'send invoice', 0.6),
                      ('finance', '{"client_id": "globex"}', 'send invoice', 0.6);
                    insert into client_health (client_id) values ('acme'), ('globex');
                    insert into agent_metrics (agent_id, window_start, window_end) values ('intake', now() - interval '1 day', now());
                    insert into sop_definitions (sop_id, version, definition) values ('lead-intake', 1, '{}');
                    insert into sop_executions (sop_id, sop_version, correlation_id, status) values
                      ('lead-intake', 1, '11111111-1111-4111-8111-111111111111', 'completed'),
                      ('lead-intake', 1, '22222222-2222-4222-8222-222222222222', 'completed');
                    """);
            try (var rs = s.executeQuery("select event_id from events where aggregate_id = 'globex'")) {
                rs.next();
                globexEventId = rs.getString(1);
            }
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    static String user(String email, String role, String clientId) throws Exception {
        return user(access, email, role, clientId);
    }

    /** Creates a user through the admin API and signs it in: its access token. */
    static String user(AccessTesting access, String email, String role, String clientId) throws Exception {
        String meta = clientId == null
                ? "{\"app_role\":\"" + role + "\"}"
                : "{\"app_role\":\"" + role + "\",\"client_id\":\"" + clientId + "\"}";
        var created = access.post(
                "/auth/v1/admin/users",
                access.serviceKey,
                "{\"email\":\"" + email + "\",\"password\":\"long enough password\",\"app_metadata\":" + meta + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        var session = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"" + email + "\",\"password\":\"long enough password\"}");
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        return session.json().get("access_token").asText();
    }

    // ---- forged and expired tokens ------------------------------------------------------------

    @Test
    void forgedTamperedUnsignedExpiredAndMissingTokensGet401WithJsonOnEverySurface() throws Exception {
        String wrongSecret = JWT.create()
                .withClaim("role", "service_role")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256("not-the-engine-secret-not-the-engine-secret"));
        String payload = base64("{\"role\":\"service_role\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}");
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        String[] anonParts = access.anonKey.split("\\.");
        String tampered = anonParts[0] + "."
                + base64(new String(Base64.getUrlDecoder().decode(anonParts[1]), StandardCharsets.UTF_8)
                        .replace("\"anon\"", "\"service_role\""))
                + "." + anonParts[2];
        String expired = new Tokens(
                        JwtSecret.of(AccessTesting.SECRET),
                        Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC),
                        Duration.ofHours(1))
                .apiKey(DbRole.SERVICE_ROLE, Duration.ofDays(1));
        String unknownRole = JWT.create().withClaim("role", "postgres").sign(Algorithm.HMAC256(AccessTesting.SECRET));
        List<String> paths = List.of(
                "/rest/v1/events",
                "/api/v1/events",
                "/api/v1/events/stream",
                "/graphql/v1?query=%7Bevents%7Bedges%7Bcursor%7D%7D%7D",
                "/auth/v1/user",
                "/rest/v1/",
                "/realtime/v1/websocket");
        for (String token : List.of(wrongSecret, unsigned, tampered, expired, unknownRole, "not-a-jwt")) {
            for (String path : paths) {
                var response = access.send(access.request(path, null)
                        .header("apikey", token)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
                assertThat(response.status()).as(path + " with " + token).isEqualTo(401);
                assertThat(response.json().isObject()).isTrue();
                assertThat(response.body()).containsAnyOf("JWT", "jwt", "token");
            }
        }
        for (String path : paths) {
            var response = access.get(path, null);
            assertThat(response.status()).as(path + " without credentials").isEqualTo(401);
            assertThat(response.body()).contains("API key");
        }
        assertThat(access.get("/rest/v1/events", expired).json().get("code").asText())
                .isEqualTo("PGRST303");
        assertThatThrownBy(() -> PhoenixTestClient.connect(access.url(), unsigned, "1.0.0"))
                .isNotNull();
        assertThatThrownBy(() -> PhoenixTestClient.connect(access.url(), "", "1.0.0"))
                .isNotNull();
    }

    // ---- anon writes ------------------------------------------------------------------------

    @Test
    void anonCannotWriteThroughAnySurfaceAndNothingIsStored() throws Exception {
        long before = count("select count(*) from events") + count("select count(*) from human_approvals");
        String event = "{\"event_type\":\"X\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"anon\",\"payload\":{}}";
        assertThat(access.post("/rest/v1/events", access.anonKey, event).status())
                .isEqualTo(401);
        assertThat(access.post("/api/v1/events", access.anonKey, event).status())
                .isEqualTo(401);
        assertThat(access.post(
                                "/rest/v1/human_approvals",
                                access.anonKey,
                                "{\"agent_id\":\"a\",\"decision_context\":{},\"recommended_action\":\"x\",\"confidence\":0.5}")
                        .status())
                .isEqualTo(401);
        assertThat(access.send(access.request("/rest/v1/human_approvals?agent_id=eq.finance", access.anonKey)
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"approved\"}"))
                                .build())
                        .status())
                .isIn(200, 204, 401);
        assertThat(access.send(access.request("/rest/v1/human_approvals?agent_id=eq.finance", access.anonKey)
                                .DELETE()
                                .build())
                        .status())
                .isIn(204, 401);
        assertThat(access.post("/rest/v1/rpc/append_event", access.anonKey, """
                {"p_event_type":"X","p_correlation_id":null,"p_causation_id":null,"p_aggregate_type":"SYSTEM","p_aggregate_id":"anon",
                 "p_payload":{},"p_metadata":{},"p_emitted_by":"anon"}""").status())
                .isEqualTo(401);
        var graphql = access.post(
                "/graphql/v1",
                access.anonKey,
                "{\"query\":\"mutation { appendEvent(input: {eventType: \\\"X\\\", "
                        + "aggregateType: \\\"SYSTEM\\\", aggregateId: \\\"anon\\\", payload: \\\"{}\\\"}) { eventId } }\"}");
        assertThat(graphql.json().path("errors")).isNotEmpty();
        assertThat(count("select count(*) from events") + count("select count(*) from human_approvals"))
                .isEqualTo(before);
        assertThat(count("select count(*) from human_approvals where status = 'pending'"))
                .isEqualTo(2);
    }

    // ---- injection --------------------------------------------------------------------------

    @Test
    void injectionAttemptsInSelectFilterOrderAndNamesAreRefusedOrBoundAndChangeNothing() throws Exception {
        long events = count("select count(*) from events");
        List<String> attempts = List.of(
                "/rest/v1/events?select=" + enc("event_id;drop table events"),
                "/rest/v1/events?select=" + enc("event_id,(select 1)"),
                "/rest/v1/events?select=" + enc("event_id::text"),
                "/rest/v1/events?select=" + enc("x:\"event_id\" from events; --"),
                "/rest/v1/events?order=" + enc("event_id;delete from events"),
                "/rest/v1/events?order=" + enc("event_id.desc;select 1"),
                "/rest/v1/events?" + enc("event_id;drop table events") + "=eq.1",
                "/rest/v1/events?aggregate_id=" + enc("eq.x' or '1'='1"),
                "/rest/v1/events?aggregate_id=" + enc("in.(a,b);drop table events"),
                "/rest/v1/events?" + enc("payload->>client_id') or true --") + "=eq.acme",
                "/rest/v1/events?or=" + enc("(event_type.eq.x,true)"),
                "/rest/v1/events?or=" + enc("(event_type.eq.x))--"),
                "/rest/v1/events?aggregate_id=" + enc("is.null or 1=1"),
                "/rest/v1/events?aggregate_id=" + enc("fts.x"),
                "/rest/v1/events?limit=" + enc("1;drop table events"),
                "/rest/v1/" + enc("events\"; drop table events; --"),
                "/rest/v1/" + enc("pg_authid"),
                "/rest/v1/rpc/" + enc("append_event;drop table events"));
        for (String attempt : attempts) {
            var response = access.get(attempt, access.serviceKey);
            assertThat(response.status()).as(attempt + " -> " + response).isBetween(200, 499);
            if (response.status() >= 400) {
                assertThat(response.json().has("code") && response.json().has("message"))
                        .as(attempt)
                        .isTrue();
            } else {
                assertThat(response.json()).as(attempt).isEmpty();
            }
        }
        assertThat(count("select count(*) from events")).isEqualTo(events);
    }

    // ---- sizes ------------------------------------------------------------------------------

    @Test
    void oversizedBodiesAre413AndStoreNothing() throws Exception {
        long before = count("select count(*) from events");
        String big =
                "{\"event_type\":\"X\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"big\",\"payload\":{\"blob\":\""
                        + "x".repeat(100_000) + "\"}}";
        var rest = access.post("/rest/v1/events", access.serviceKey, big);
        assertThat(rest.status()).isEqualTo(413);
        assertThat(rest.json().get("message").asText()).contains("BIGBOX_MAX_BODY_BYTES");
        assertThat(access.post("/api/v1/events", access.serviceKey, big).status())
                .isEqualTo(413);
        assertThat(count("select count(*) from events")).isEqualTo(before);

        try (var client = PhoenixTestClient.connect(access.url(), access.serviceKey, "1.0.0")) {
            client.sendRaw("{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":{\"x\":\"" + "y".repeat(10_000)
                    + "\"},\"ref\":\"1\"}");
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    // ---- tenancy ----------------------------------------------------------------------------

    @Test
    void aTenantSeesOnlyItsRowsThroughRestRpcAndTheEngineApi() throws Exception {
        assertThat(values(
                        access.get("/rest/v1/events?select=aggregate_id", acme).json(), "aggregate_id"))
                .containsOnly("acme");
        assertThat(values(
                        access.get("/rest/v1/events?select=aggregate_id&aggregate_id=eq.globex", acme)
                                .json(),
                        "aggregate_id"))
                .isEmpty();
        assertThat(values(
                        access.get("/rest/v1/human_approvals?select=decision_context-%3E%3Eclient_id", acme)
                                .json(),
                        "client_id"))
                .containsExactly("acme");
        assertThat(values(
                        access.get("/rest/v1/client_health?select=client_id", acme)
                                .json(),
                        "client_id"))
                .containsExactly("acme");
        assertThat(access.get("/rest/v1/sop_executions?select=correlation_id", acme)
                        .json())
                .hasSize(1);
        assertThat(access.get("/rest/v1/agent_metrics", acme).json()).isEmpty();
        // a client sees its own streams only (a stream belongs to the client of its first event)
        assertThat(values(
                        access.get("/rest/v1/event_streams?select=aggregate_id", acme)
                                .json(),
                        "aggregate_id"))
                .containsOnly("acme");
        assertThat(access.get("/rest/v1/sop_definitions", acme).json()).isEmpty();
        assertThat(access.post(
                                "/rest/v1/rpc/get_event_stream",
                                acme,
                                "{\"p_aggregate_type\":\"CLIENT\",\"p_aggregate_id\":\"globex\"}")
                        .json())
                .isEmpty();
        assertThat(values(access.get("/api/v1/events", acme).json(), "aggregate_id"))
                .containsOnly("acme");
        assertThat(access.get("/api/v1/events/" + globexEventId, acme).status()).isEqualTo(404);
        assertThat(access.get("/api/v1/aggregates/CLIENT/globex/events", acme).status())
                .isEqualTo(404);
        // staff (no client_id claim) see every client
        assertThat(values(
                        access.get("/rest/v1/events?select=aggregate_id", staff).json(), "aggregate_id"))
                .contains("acme", "globex");
    }

    @Test
    void aTenantsMirrorCountsItsOwnOnTimeRunsWhileSopTargetsStayHidden() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into sop_definitions (sop_id, version, definition)
                      values ('mirror-sop', 1, '{"metrics": {"cycle_time_target_hours": 4}}');
                    insert into sop_executions (sop_id, sop_version, correlation_id, status, client_id, cycle_time_hours) values
                      ('mirror-sop', 1, gen_random_uuid(), 'completed', 'acme', 3),
                      ('mirror-sop', 1, gen_random_uuid(), 'completed', 'acme', 6),
                      ('mirror-sop', 1, gen_random_uuid(), 'completed', 'globex', 1);
                    """);
        }
        JsonNode mirror = access.get("/api/clients/acme/trust-score", acme).json();
        assertThat(mirror.path("on_time_share").asDouble())
                .as(mirror.toString())
                .isEqualTo(0.5);
        assertThat(access.get("/rest/v1/sop_definitions", acme).json()).isEmpty();
        assertThat(access.get("/api/clients/globex/trust-score", acme).status()).isEqualTo(404);
        // The function itself answers a client's token for its own client only.
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set local role authenticated");
                s.execute(
                        "select set_config('request.jwt.claims', '{\"role\":\"authenticated\",\"client_id\":\"acme\"}', true)");
                try (var rs = s.executeQuery("select completed from bigbox_access.client_on_time('globex')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
                try (var rs = s.executeQuery("select completed from bigbox_access.client_on_time('acme')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void aTenantCannotWriteAnotherTenantsRows() throws Exception {
        long before = count("select count(*) from events where payload->>'client_id' = 'globex'");
        String forGlobex =
                "{\"event_type\":\"X\",\"aggregate_type\":\"CLIENT\",\"aggregate_id\":\"globex\",\"payload\":{\"client_id\":\"globex\"}}";
        var rest = access.post("/rest/v1/events", acme, forGlobex);
        assertThat(rest.status()).isEqualTo(403);
        assertThat(rest.json().get("code").asText()).isEqualTo("42501");
        assertThat(access.post("/api/v1/events", acme, forGlobex).status()).isEqualTo(403);
        var graphql = access.post(
                "/graphql/v1",
                acme,
                "{\"query\":\"mutation($p: JSON!) { appendEvent(input: {eventType: \\\"X\\\", "
                        + "aggregateType: \\\"CLIENT\\\", aggregateId: \\\"globex\\\", payload: $p}) { eventId } }\",\"variables\":{\"p\":{\"client_id\":\"globex\"}}}");
        assertThat(graphql.json().path("errors")).isNotEmpty();
        var patch =
                access.send(access.request("/rest/v1/human_approvals?decision_context-%3E%3Eclient_id=eq.globex", acme)
                        .header("Prefer", "return=representation")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"approved\"}"))
                        .build());
        assertThat(patch.status())
                .as("a client may not change approvals at all")
                .isEqualTo(403);
        var decide = access.post(
                "/graphql/v1",
                acme,
                "{\"query\":\"mutation { decideApproval(approvalId: \\\"" + approvalOf("globex")
                        + "\\\", decision: APPROVED) { status } }\"}");
        assertThat(decide.json().path("errors")).isNotEmpty();
        assertThat(count("select count(*) from events where payload->>'client_id' = 'globex'"))
                .isEqualTo(before);
        assertThat(count("select count(*) from human_approvals where status = 'pending'"))
                .isEqualTo(2);
    }

    @Test
    void aTenantSeesOnlyItsRowsThroughGraphql() throws Exception {
        var events = access.post(
                        "/graphql/v1",
                        acme,
                        "{\"query\":\"{ events(first: 100) { edges { node { aggregateId payload } } } "
                                + "pendingApprovals { decisionContext } clientHealth { clientId } }\"}")
                .json();
        assertThat(events.path("errors").isMissingNode()).as(events.toString()).isTrue();
        List<String> ids = new ArrayList<>();
        events.at("/data/events/edges")
                .forEach(e -> ids.add(e.at("/node/aggregateId").asText()));
        assertThat(ids).containsOnly("acme");
        assertThat(events.at("/data/pendingApprovals")).hasSize(1);
        assertThat(events.at("/data/pendingApprovals/0/decisionContext/client_id")
                        .asText())
                .isEqualTo("acme");
        assertThat(events.at("/data/clientHealth/0/clientId").asText()).isEqualTo("acme");
        assertThat(events.at("/data/clientHealth")).hasSize(1);
    }

    @Test
    void aTenantSeesOnlyItsEventsOnTheSseStream() throws Exception {
        var request = access.request("/api/v1/events/stream?after=0", acme)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<java.io.InputStream> response =
                access.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            try (Connection c = db.connect();
                    var s = c.createStatement()) {
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, payload) values "
                        + "('SECRET', 'CLIENT', 'globex', '{\"client_id\": \"globex\"}'), "
                        + "('MARKER', 'CLIENT', 'acme', '{\"client_id\": \"acme\"}')");
            }
            var data = new ArrayList<String>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    data.add(line);
                    if (line.contains("MARKER")) {
                        break;
                    }
                }
            }
            assertThat(data).isNotEmpty().allMatch(d -> d.contains("\"acme\"") && !d.contains("globex"));
        }
    }

    @Test
    void aTenantReceivesOnlyItsChangesOnRealtime() throws Exception {
        try (var client = PhoenixTestClient.connect(access.url(), access.anonKey, "2.0.0")) {
            var reply = client.join(
                    "realtime:tenant",
                    acme,
                    List.of(
                            PhoenixTestClient.binding("INSERT", "events", null),
                            PhoenixTestClient.binding("*", "human_approvals", null)));
            assertThat(reply.at("/payload/status").asText()).isEqualTo("ok");
            try (Connection c = db.connect();
                    var s = c.createStatement()) {
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, payload) values "
                        + "('RT_SECRET', 'CLIENT', 'globex', '{\"client_id\": \"globex\"}')");
                s.execute(
                        "insert into human_approvals (agent_id, decision_context, recommended_action, confidence) values "
                                + "('rt', '{\"client_id\": \"globex\"}', 'secret', 0.5)");
                s.execute("delete from human_approvals where agent_id = 'rt'");
                s.execute("insert into events (event_type, aggregate_type, aggregate_id, payload) values "
                        + "('RT_VISIBLE', 'CLIENT', 'acme', '{\"client_id\": \"acme\"}')");
            }
            List<JsonNode> changes = client.changes(Duration.ofSeconds(3), 5);
            assertThat(changes).hasSize(1);
            assertThat(changes.getFirst().at("/payload/data/record/event_type").asText())
                    .isEqualTo("RT_VISIBLE");
        }
    }

    private static String approvalOf(String client) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select approval_id from human_approvals where decision_context->>'client_id' = '" + client
                                + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> values(JsonNode rows, String field) {
        var values = new ArrayList<String>();
        rows.forEach(r -> values.add(r.path(field).asText()));
        return values;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
