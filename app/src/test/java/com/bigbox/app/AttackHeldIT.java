package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What held in the attack of issue 10 and must keep holding, where no other test tried it: JSON nested
 * thousands deep on every surface that parses a body, path traversal out of the dashboard's files and the
 * API's paths, and CORS (no foreign origin is granted a reading of the answers).
 */
class AttackHeldIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "attack-held", Map.of("BIGBOX_AGENTS", "off"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void jsonNestedThousandsDeepIsRefusedOnEverySurfaceAndStoresNothing() throws Exception {
        long before = count();
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        String event =
                "{\"event_type\":\"X\",\"aggregate_type\":\"SYSTEM\",\"aggregate_id\":\"deep\",\"payload\":{\"a\":"
                        + deep + "}}";
        List<AccessTesting.Response> answers = List.of(
                access.post("/rest/v1/events", access.serviceKey, event),
                access.post("/api/v1/events", access.serviceKey, event),
                access.post("/api/events", access.serviceKey, event),
                access.post(
                        "/rest/v1/rpc/append_event",
                        access.serviceKey,
                        "{\"p_event_type\":\"X\",\"p_correlation_id\":null,"
                                + "\"p_causation_id\":null,\"p_aggregate_type\":\"SYSTEM\",\"p_aggregate_id\":\"deep\",\"p_payload\":"
                                + deep
                                + ",\"p_metadata\":{},\"p_emitted_by\":\"x\"}"),
                access.post(
                        "/graphql/v1",
                        access.serviceKey,
                        "{\"query\":\"{ events(first: 1) { edges { cursor } } }\"," + "\"variables\":{\"v\":" + deep
                                + "}}"),
                access.post("/auth/v1/token?grant_type=password", access.anonKey, "{\"email\":" + deep + "}"));
        for (var answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(access.get("/rest/v1/events?limit=1", access.serviceKey).status())
                .as("still serving")
                .isEqualTo(200);
    }

    @Test
    void pathTraversalReachesNoFileOutsideTheDashboardAndNoOtherTable() throws Exception {
        List<String> paths = List.of(
                "/assets/../../../../../../etc/passwd",
                "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/webjars/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/assets/..%5c..%5c..%5c..%5cetc%5cpasswd",
                "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/dashboard/..%2f..%2fpom.xml",
                "/assets/%252e%252e/%252e%252e/etc/passwd",
                "/rest/v1/..%2fpg_authid",
                "/rest/v1/%2e%2e%2fbigbox_access.users");
        for (String path : paths) {
            var answer = access.send(HttpRequest.newBuilder(URI.create(access.url() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("apikey", access.serviceKey)
                    .header("Authorization", "Bearer " + access.serviceKey)
                    .GET()
                    .build());
            assertThat(answer.body())
                    .as(path)
                    .doesNotContain("root:")
                    .doesNotContain("<project")
                    .doesNotContain("password_hash");
            assertThat(answer.status()).as(path + " -> " + answer).isBetween(400, 499);
        }
    }

    @Test
    void noForeignOriginIsGrantedTheAnswers() throws Exception {
        String origin = "https://evil.example";
        var read = access.send(access.request("/rest/v1/events", access.serviceKey)
                .header("Origin", origin)
                .GET()
                .build());
        assertThat(read.raw().headers().firstValue("Access-Control-Allow-Origin"))
                .as("a plain read")
                .isEmpty();
        for (String path :
                List.of("/rest/v1/events", "/api/v1/events", "/graphql/v1", "/auth/v1/token?grant_type=password")) {
            HttpResponse<String> preflight = access.http.send(
                    HttpRequest.newBuilder(URI.create(access.url() + path))
                            .timeout(Duration.ofSeconds(20))
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "authorization, apikey, content-type")
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                    .as(path)
                    .isEmpty();
        }
    }

    private static long count() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
