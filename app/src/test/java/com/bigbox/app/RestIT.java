package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /rest/v1} over real HTTP: the PostgREST subset, its errors, and the OpenAPI documents. */
class RestIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "rest", Map.of("BIGBOX_AGENTS", "off"));
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload, emitted_by, confidence) values
                      ('LEAD_RECEIVED', 'LEAD', 'r1', '{"name": "Ada", "score": 10}', 'intake', 0.50),
                      ('LEAD_QUALIFIED', 'LEAD', 'r1', '{"name": "Ada", "score": 80}', 'intake', 0.90),
                      ('LEAD_RECEIVED', 'LEAD', 'r2', '{"name": "Bob", "score": 40}', 'web', null),
                      ('MEETING_SCHEDULED', 'MEETING', 'm1', '{"lead": "r1"}', 'intake', 0.95)""");
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void theSeedsCurlReturnsTheEvents() throws Exception {
        var response = access.get("/rest/v1/events", access.serviceKey);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isGreaterThanOrEqualTo(4);
        assertThat(response.header("Content-Range"))
                .isEqualTo("0-" + (response.json().size() - 1) + "/*");
        assertThat(response.json().get(0).has("global_position")).isTrue();
    }

    @Test
    void filtersOperatorsAndLogicTrees() throws Exception {
        assertThat(types("aggregate_id=eq.r1")).containsExactlyInAnyOrder("LEAD_RECEIVED", "LEAD_QUALIFIED");
        assertThat(types("aggregate_id=neq.r1")).containsExactlyInAnyOrder("LEAD_RECEIVED", "MEETING_SCHEDULED");
        assertThat(types("confidence=gt.0.5")).containsExactlyInAnyOrder("LEAD_QUALIFIED", "MEETING_SCHEDULED");
        assertThat(types("confidence=gte.0.5&confidence=lt.0.95"))
                .containsExactlyInAnyOrder("LEAD_RECEIVED", "LEAD_QUALIFIED");
        assertThat(types("confidence=lte.0.5")).containsExactly("LEAD_RECEIVED");
        assertThat(types("event_type=like.LEAD_*")).hasSize(3);
        assertThat(types("event_type=ilike.*meeting*")).containsExactly("MEETING_SCHEDULED");
        assertThat(types("aggregate_id=in.(r2,m1)")).containsExactlyInAnyOrder("LEAD_RECEIVED", "MEETING_SCHEDULED");
        assertThat(types("confidence=is.null")).containsExactly("LEAD_RECEIVED");
        assertThat(types("confidence=not.is.null")).hasSize(3);
        assertThat(types("aggregate_id=not.in.(r1,r2)")).containsExactly("MEETING_SCHEDULED");
        assertThat(types("payload-%3E%3Escore=eq.80")).containsExactly("LEAD_QUALIFIED");
        assertThat(types("or=" + enc("(aggregate_id.eq.m1,and(aggregate_id.eq.r1,confidence.gt.0.8))")))
                .containsExactlyInAnyOrder("LEAD_QUALIFIED", "MEETING_SCHEDULED");
        assertThat(types("not.or=" + enc("(aggregate_id.eq.r1,aggregate_id.eq.r2)")))
                .containsExactly("MEETING_SCHEDULED");
    }

    @Test
    void selectOrderPagingAndCounts() throws Exception {
        var rows = access.get(
                        "/rest/v1/events?select=type:event_type,payload-%3E%3Ename&aggregate_type=eq.LEAD"
                                + "&order=confidence.desc.nullslast,aggregate_id.asc",
                        access.serviceKey)
                .json();
        assertThat(rows.get(0).get("type").asText()).isEqualTo("LEAD_QUALIFIED");
        assertThat(rows.get(2).get("name").asText()).isEqualTo("Bob");
        assertThat(rows.get(0).size()).isEqualTo(2);

        var page = access.send(access.request(
                        "/rest/v1/events?select=aggregate_id&order=global_position&aggregate_type=neq.RPC",
                        access.serviceKey)
                .header("Range", "1-2")
                .header("Prefer", "count=exact")
                .GET()
                .build());
        assertThat(page.status()).isEqualTo(206);
        assertThat(page.header("Content-Range")).isEqualTo("1-2/4");
        assertThat(page.json()).hasSize(2);
        var limited = access.send(access.request(
                        "/rest/v1/events?limit=1&offset=3&order=global_position&aggregate_type=neq.RPC",
                        access.serviceKey)
                .header("Prefer", "count=exact")
                .GET()
                .build());
        assertThat(limited.header("Content-Range")).isEqualTo("3-3/4");
        var single = access.send(access.request("/rest/v1/events?aggregate_id=eq.m1", access.serviceKey)
                .header("Accept", "application/vnd.pgrst.object+json")
                .GET()
                .build());
        assertThat(single.json().get("event_type").asText()).isEqualTo("MEETING_SCHEDULED");
        var many = access.send(access.request("/rest/v1/events", access.serviceKey)
                .header("Accept", "application/vnd.pgrst.object+json")
                .GET()
                .build());
        assertThat(many.status()).isEqualTo(406);
        assertThat(many.json().get("code").asText()).isEqualTo("PGRST116");
        var csv = access.send(access.request(
                        "/rest/v1/events?select=aggregate_id,event_type,payload&aggregate_id=eq.m1", access.serviceKey)
                .header("Accept", "text/csv")
                .GET()
                .build());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2).first().isEqualTo("aggregate_id,event_type,payload");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).startsWith("m1,MEETING_SCHEDULED,\"{");
    }

    @Test
    void insertUpdateUpsertAndDeleteOnATableThatAllowsThem() throws Exception {
        var inserted =
                access.send(access.request("/rest/v1/client_health?select=client_id,health_status", access.serviceKey)
                        .header("Prefer", "return=representation")
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "[{\"client_id\":\"c1\",\"health_status\":\"healthy\"},{\"client_id\":\"c2\",\"health_status\":\"at_risk\"}]"))
                        .build());
        assertThat(inserted.status()).isEqualTo(201);
        assertThat(inserted.json().toString())
                .isEqualTo("[{\"client_id\":\"c1\",\"health_status\":\"healthy\"},"
                        + "{\"client_id\":\"c2\",\"health_status\":\"at_risk\"}]");
        var minimal = access.post("/rest/v1/client_health", access.serviceKey, "{\"client_id\":\"c3\"}");
        assertThat(minimal.status()).isEqualTo(201);
        assertThat(minimal.body()).isEmpty();

        var patched = access.send(access.request("/rest/v1/client_health?client_id=eq.c1", access.serviceKey)
                .header("Prefer", "return=representation")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString("{\"health_status\":\"critical\",\"trust_score\":0.4}"))
                .build());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get(0).get("health_status").asText()).isEqualTo("critical");
        assertThat(patched.json().get(0).get("trust_score").asDouble()).isEqualTo(0.4);

        var upsert = access.send(access.request("/rest/v1/client_health", access.serviceKey)
                .header("Prefer", "resolution=merge-duplicates,return=representation")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"c2\",\"health_status\":\"healthy\"}"))
                .build());
        assertThat(upsert.status()).isEqualTo(201);
        assertThat(upsert.json().get(0).get("health_status").asText()).isEqualTo("healthy");

        var deleted = access.send(access.request("/rest/v1/client_health?client_id=in.(c1,c2,c3)", access.serviceKey)
                .header("Prefer", "count=exact")
                .DELETE()
                .build());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("Content-Range")).isEqualTo("*/3");
    }

    @Test
    void errorsComeInPostgrestsShape() throws Exception {
        expectError(access.get("/rest/v1/nope", access.serviceKey), 404, "PGRST205");
        expectError(access.get("/rest/v1/events?select=nope", access.serviceKey), 400, "42703");
        expectError(access.get("/rest/v1/events?nope=eq.1", access.serviceKey), 400, "42703");
        expectError(access.get("/rest/v1/events?event_id=eq.not-a-uuid", access.serviceKey), 400, "22P02");
        expectError(access.get("/rest/v1/events?event_id=zz.1", access.serviceKey), 400, "PGRST100");
        expectError(access.get("/rest/v1/events?order=event_id.sideways", access.serviceKey), 400, "PGRST100");
        expectError(access.get("/rest/v1/events?limit=-1", access.serviceKey), 400, "PGRST100");
        expectError(access.post("/rest/v1/events", access.serviceKey, "{\"nope\": 1}"), 400, "PGRST204");
        expectError(access.post("/rest/v1/events", access.serviceKey, "not json"), 400, "PGRST102");
        expectError(
                access.post(
                        "/rest/v1/events",
                        access.serviceKey,
                        "{\"event_type\":\"X\",\"aggregate_type\":\"A\",\"aggregate_id\":\"a\",\"payload\":{},\"confidence\":2}"),
                400,
                "23514");
        expectError(
                access.send(access.request("/rest/v1/events?aggregate_id=eq.r1", access.serviceKey)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"event_type\":\"Y\"}"))
                        .build()),
                403,
                "42501");
        expectError(
                access.send(access.request("/rest/v1/human_approvals", access.serviceKey)
                        .DELETE()
                        .build()),
                400,
                "21000");
        expectError(access.post("/rest/v1/rpc/nope", access.serviceKey, "{}"), 404, "PGRST202");
        expectError(access.post("/rest/v1/rpc/append_event", access.serviceKey, """
                {"p_event_type":"X","p_correlation_id":null,"p_causation_id":null,"p_aggregate_type":"LEAD","p_aggregate_id":"r1",
                 "p_payload":{},"p_metadata":{},"p_emitted_by":"t","p_expected_version":0}"""), 409, "PT409");
        assertThat(access.get("/rest/v1/events?aggregate_id=eq.r1", access.serviceKey)
                        .json())
                .hasSize(2);
    }

    @Test
    void rpcOverGetAndPostWithFiltersOnSetReturningFunctions() throws Exception {
        var stream = access.get(
                "/rest/v1/rpc/get_event_stream?p_aggregate_type=LEAD&p_aggregate_id=r1&select=event_type"
                        + "&event_type=eq.LEAD_QUALIFIED",
                access.serviceKey);
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        assertThat(stream.json().toString()).isEqualTo("[{\"event_type\":\"LEAD_QUALIFIED\"}]");
        var appended = access.post("/rest/v1/rpc/append_event", access.serviceKey, """
                {"p_event_type":"NOTE","p_correlation_id":null,"p_causation_id":null,"p_aggregate_type":"RPC","p_aggregate_id":"rpc",
                 "p_payload":{"n":1},"p_metadata":{},"p_emitted_by":"rest","p_confidence":0.5}""");
        assertThat(appended.status()).isEqualTo(200);
        assertThat(appended.json().asText()).hasSize(36);
    }

    @Test
    void bothOpenApiDocumentsAreValid() throws Exception {
        var rest = access.get("/rest/v1/", access.serviceKey);
        assertThat(rest.status()).isEqualTo(200);
        var parsed = new OpenAPIV3Parser().readContents(rest.body());
        assertThat(parsed.getMessages()).as("REST OpenAPI problems").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths())
                .containsKeys("/events", "/human_approvals", "/rpc/append_event", "/rpc/get_event_stream");

        // Each caller's document lists only the tables it may read: a client of it (the dashboard's Tables page)
        // asks for nothing it would be refused.
        var anonDocument = access.get("/rest/v1/", access.anonKey);
        assertThat(anonDocument.status()).isEqualTo(200);
        var anonTables = new ArrayList<String>();
        anonDocument.json().path("components").path("schemas").fieldNames().forEachRemaining(anonTables::add);
        assertThat(anonTables.size())
                .as("anon reads fewer tables than the service role")
                .isLessThan(rest.json().path("components").path("schemas").size());
        for (String table : anonTables) {
            var read = access.send(access.request("/rest/v1/" + table + "?limit=1", access.anonKey)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(read.status()).as("anon reads listed table " + table).isEqualTo(200);
        }

        var engine = access.get("/api/v1/openapi.json", null);
        assertThat(engine.status()).isEqualTo(200);
        var engineApi = new OpenAPIV3Parser().readContents(engine.body());
        assertThat(engineApi.getMessages()).as("engine OpenAPI problems").isEmpty();
        assertThat(engineApi.getOpenAPI().getPaths())
                .containsKeys(
                        "/api/v1/events",
                        "/api/v1/events/stream",
                        "/api/v1/events/{id}",
                        "/api/v1/aggregates/{type}/{id}/events",
                        "/api/v1/webhooks/lead");

        // Generated from the routes the server registered: every one of the engine's API routes is in it.
        var documented = engine.json().path("paths");
        var missing = new ArrayList<String>();
        for (var route : access.engine.routes()) {
            String path = route.path().replaceAll("<([^>]+)>", "{$1}");
            String method = route.method().toLowerCase(java.util.Locale.ROOT);
            boolean api = path.startsWith("/api/v1/") || path.startsWith("/api/auth/") || path.startsWith("/auth/v1/");
            if (api
                    && java.util.Set.of("get", "post", "put", "patch", "delete").contains(method)
                    && !documented.path(path).has(method)) {
                missing.add(method + " " + path);
            }
        }
        assertThat(missing).as("routes missing from /api/v1/openapi.json").isEmpty();
        assertThat(documented.size()).as("more than the hand-written seven").isGreaterThan(20);
    }

    private static List<String> types(String query) throws Exception {
        var response =
                access.get("/rest/v1/events?select=event_type&aggregate_type=neq.RPC&" + query, access.serviceKey);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        var types = new ArrayList<String>();
        response.json().forEach(r -> types.add(r.get("event_type").asText()));
        return types;
    }

    private static void expectError(AccessTesting.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(body.has("message") && body.has("details") && body.has("hint"))
                .isTrue();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
