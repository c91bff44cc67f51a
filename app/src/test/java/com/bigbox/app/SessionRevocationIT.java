package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.bigbox.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 10: a signed-out or revoked session's access token kept working on {@code /rest/v1}
 * and the SQL console until it expired, and an open realtime socket stayed open. Now the session is
 * checked on every surface and its sockets close at once; a token without {@code exp} is refused.
 */
class SessionRevocationIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static final String GRAPHQL = "{\"query\": \"{ events(first: 1) { edges { cursor } } }\"}";

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "sessions", Map.of());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aSignedOutTokenIsRefusedOnEverySurfaceAndItsSocketClosesAtOnce() throws Exception {
        String token = access.signedIn("leaving@example.com", "ceo", null);
        assertThat(surfaces(token)).as("before signing out").containsOnly(200);
        try (var socket = PhoenixTestClient.connect(access.url(), token, "1.0.0")) {
            assertThat(socket.closed).isNotDone();
            assertThat(access.post("/auth/v1/logout", token, "").status()).isEqualTo(204);

            assertThat(surfaces(token)).as("after signing out").containsOnly(401);
            await().atMost(Duration.ofSeconds(10)).until(socket.closed::isDone);
            assertThat(socket.closed.get()).isEqualTo(1008);
        }
        assertThat(access.get("/rest/v1/events", token).json().get("message").asText())
                .contains("session");
    }

    @Test
    void aSessionRevokedByTheAdministratorEndsEverywhere() throws Exception {
        String token = access.signedIn("revoked@example.com", "employee", null);
        String id = access.get("/auth/v1/user", token).json().get("id").asText();
        assertThat(access.get("/rest/v1/events", token).status()).isEqualTo(200);
        try (var socket = PhoenixTestClient.connect(access.url(), token, "2.0.0")) {
            var changed = access.send(access.request("/auth/v1/admin/users/" + id, access.serviceKey)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"password\": \"a new long password\"}"))
                    .build());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(access.get("/rest/v1/events", token).status()).isEqualTo(401);
            assertThat(access.get("/api/v1/events", token).status()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(10)).until(socket.closed::isDone);
        }
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        String forever = JWT.create()
                .withIssuer("bigbox")
                .withClaim("role", "service_role")
                .sign(Algorithm.HMAC256(AccessTesting.SECRET));
        String bounded = JWT.create()
                .withIssuer("bigbox")
                .withClaim("role", "service_role")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(AccessTesting.SECRET));
        assertThat(access.get("/rest/v1/events", bounded).status()).isEqualTo(200);
        var refused = access.get("/rest/v1/events", forever);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("exp");
        assertThat(access.get("/api/v1/events", forever).status()).isEqualTo(401);
    }

    // The status each surface answers the token with: REST, the engine API, GraphQL, the SQL console, SSE.
    private static List<Integer> surfaces(String token) throws Exception {
        var stream = access.http.send(
                access.request("/api/v1/events/stream?after=0", token)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        return List.of(
                access.get("/rest/v1/events?limit=1", token).status(),
                access.get("/api/v1/events?limit=1", token).status(),
                access.post("/graphql/v1", token, GRAPHQL).status(),
                access.post("/api/v1/dashboard/sql", token, "{\"sql\": \"select 1\"}")
                        .status(),
                stream.statusCode());
    }
}
