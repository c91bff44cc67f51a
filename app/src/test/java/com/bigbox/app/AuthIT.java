package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /auth/v1} and the original engine's {@code /api/auth} paths over real HTTP. */
class AuthIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "auth", Map.of("BIGBOX_AUTH_SIGNUP", "on"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void passwordGrantIssuesTokensWithTheUsersClaims() throws Exception {
        createUser("client@example.com", "client", "acme");
        JsonNode session = signIn("Client@Example.com", "long enough password");
        String token = session.get("access_token").asText();
        var caller = access.tokens.verify(token);
        assertThat(caller.role().claim()).isEqualTo("authenticated");
        assertThat(caller.email()).isEqualTo("client@example.com");
        assertThat(caller.appRole()).isEqualTo("client");
        assertThat(caller.clientId()).isEqualTo("acme");
        assertThat(caller.subject()).isEqualTo(session.at("/user/id").asText());
        assertThat(session.get("token_type").asText()).isEqualTo("bearer");
        var me = access.get("/auth/v1/user", token).json();
        assertThat(me.at("/app_metadata/client_id").asText()).isEqualTo("acme");
        assertThat(access.get("/api/auth/me", token).json().get("email").asText())
                .isEqualTo("client@example.com");

        var wrong = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"client@example.com\",\"password\":\"wrong password!\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error_code").asText()).isEqualTo("invalid_credentials");
        var unknown = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"nobody@example.com\",\"password\":\"wrong password!\"}");
        assertThat(unknown.json().get("msg").asText())
                .isEqualTo(wrong.json().get("msg").asText());
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() throws Exception {
        createUser("refresh@example.com", "employee", null);
        JsonNode first = signIn("refresh@example.com", "long enough password");
        var refreshed = access.post(
                "/auth/v1/token?grant_type=refresh_token",
                access.anonKey,
                "{\"refresh_token\":\"" + first.get("refresh_token").asText() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first.get("refresh_token").asText());

        var reused = access.post(
                "/auth/v1/token?grant_type=refresh_token",
                access.anonKey,
                "{\"refresh_token\":\"" + first.get("refresh_token").asText() + "\"}");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error_code").asText()).isEqualTo("refresh_token_already_used");
        var afterReuse = access.post("/api/auth/refresh", access.anonKey, "{\"refresh_token\":\"" + second + "\"}");
        assertThat(afterReuse.status()).as("the whole session ended").isEqualTo(400);
        assertThat(access.post(
                                "/auth/v1/token?grant_type=refresh_token",
                                access.anonKey,
                                "{\"refresh_token\":\"made-up\"}")
                        .json()
                        .get("error_code")
                        .asText())
                .isEqualTo("refresh_token_not_found");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        createUser("logout@example.com", "employee", null);
        JsonNode session = signIn("logout@example.com", "long enough password");
        String token = session.get("access_token").asText();
        assertThat(access.post("/auth/v1/logout", token, "").status()).isEqualTo(204);
        assertThat(access.get("/auth/v1/user", token).status()).isEqualTo(401);
        var afterSignOut = access.post(
                "/auth/v1/token?grant_type=refresh_token",
                access.anonKey,
                "{\"refresh_token\":\"" + session.get("refresh_token").asText() + "\"}");
        assertThat(afterSignOut.status()).isEqualTo(400);
        assertThat(afterSignOut.json().get("error_code").asText())
                .as("a signed-out session, not a stolen token")
                .isEqualTo("session_not_found");
        JsonNode again = access.post(
                        "/api/auth/login",
                        access.anonKey,
                        "{\"email\":\"logout@example.com\",\"password\":\"long enough password\"}")
                .json();
        assertThat(access.post("/api/auth/logout", again.get("access_token").asText(), "")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void signUpMakesAClientOfItsOwnAndBadInputIsRefused() throws Exception {
        var signedUp = access.post(
                "/auth/v1/signup",
                access.anonKey,
                "{\"email\":\"new@example.com\",\"password\":\"long enough password\"}");
        assertThat(signedUp.status()).isEqualTo(200);
        assertThat(signedUp.json().at("/user/app_metadata/app_role").asText()).isEqualTo("client");
        assertThat(signedUp.json().at("/user/app_metadata/client_id").asText()).startsWith("client-");
        var again = access.post(
                "/api/auth/signup",
                access.anonKey,
                "{\"email\":\"new@example.com\",\"password\":\"long enough password\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(access.post(
                                "/auth/v1/signup",
                                access.anonKey,
                                "{\"email\":\"short@example.com\",\"password\":\"short\"}")
                        .json()
                        .get("error_code")
                        .asText())
                .isEqualTo("weak_password");
        assertThat(access.post(
                                "/auth/v1/signup",
                                access.anonKey,
                                "{\"email\":\"not-an-email\",\"password\":\"long enough password\"}")
                        .status())
                .isEqualTo(400);
        assertThat(access.post("/auth/v1/signup", access.anonKey, "[1]").status())
                .isEqualTo(400);
        assertThat(access.post("/auth/v1/token?grant_type=magic", access.anonKey, "{}")
                        .json()
                        .get("error_code")
                        .asText())
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void onlyTheServiceRoleAdministersUsers() throws Exception {
        String body =
                "{\"email\":\"admin-made@example.com\",\"password\":\"long enough password\",\"app_metadata\":{\"app_role\":\"ceo\"}}";
        assertThat(access.post("/auth/v1/admin/users", access.anonKey, body).status())
                .isEqualTo(403);
        createUser("employee-admin-test@example.com", "employee", null);
        String employee = signIn("employee-admin-test@example.com", "long enough password")
                .get("access_token")
                .asText();
        assertThat(access.post("/auth/v1/admin/users", employee, body).status()).isEqualTo(403);
        assertThat(access.get("/auth/v1/admin/users", employee).status()).isEqualTo(403);
        var created = access.post("/auth/v1/admin/users", access.serviceKey, body);
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("id").asText();
        var badClient = access.post(
                "/auth/v1/admin/users",
                access.serviceKey,
                "{\"email\":\"c@example.com\",\"password\":\"long enough password\",\"app_metadata\":{\"app_role\":\"client\"}}");
        assertThat(badClient.status()).isEqualTo(400);
        assertThat(badClient.json().get("msg").asText()).contains("client_id");
        var badRole = access.post(
                "/auth/v1/admin/users",
                access.serviceKey,
                "{\"email\":\"r@example.com\",\"password\":\"long enough password\",\"app_metadata\":{\"app_role\":\"root\"}}");
        assertThat(badRole.status()).isEqualTo(400);
        var updated = access.send(access.request("/auth/v1/admin/users/" + id, access.serviceKey)
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"app_metadata\":{\"app_role\":\"client\",\"client_id\":\"initech\"}}"))
                .build());
        assertThat(updated.json().at("/app_metadata/client_id").asText()).isEqualTo("initech");
        assertThat(access.get("/auth/v1/admin/users", access.serviceKey)
                        .json()
                        .get("users")
                        .size())
                .isGreaterThan(1);
        assertThat(access.send(access.request("/auth/v1/admin/users/" + id, access.serviceKey)
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(access.get("/auth/v1/admin/users/" + id, access.serviceKey).status())
                .isEqualTo(404);
    }

    @Test
    void totpSecondFactorWithRecoveryCodes() throws Exception {
        createUser("totp@example.com", "ceo", null);
        String token = signIn("totp@example.com", "long enough password")
                .get("access_token")
                .asText();
        JsonNode factor = access.post("/auth/v1/factors", token, "{\"factor_type\":\"totp\"}")
                .json();
        String secret = factor.at("/totp/secret").asText();
        assertThat(factor.at("/totp/uri").asText())
                .startsWith("otpauth://totp/")
                .contains(secret);
        String factorPath = "/auth/v1/factors/" + factor.get("id").asText();
        assertThat(access.post(factorPath + "/verify", token, "{\"code\":\"000000\"}")
                        .status())
                .isEqualTo(400);
        var verified = access.post(factorPath + "/verify", token, "{\"code\":\"" + code(secret, 0) + "\"}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        JsonNode recovery = verified.json().get("recovery_codes");
        assertThat(recovery).hasSize(10);

        var withoutCode = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"totp@example.com\",\"password\":\"long enough password\"}");
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().get("error_code").asText()).isEqualTo("mfa_required");
        // the code used to verify may not be replayed; the next step's code is accepted
        var replayed = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"totp@example.com\",\"password\":\"long enough password\",\"totp_code\":\""
                        + code(secret, 0) + "\"}");
        assertThat(replayed.status()).isEqualTo(401);
        var withCode = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"totp@example.com\",\"password\":\"long enough password\",\"totp_code\":\""
                        + code(secret, 1) + "\"}");
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
        assertThat(access.tokens
                        .verify(withCode.json().get("access_token").asText())
                        .claimsJson())
                .contains("\"aal\":\"aal2\"");
        String recoveryCode = recovery.get(0).asText();
        String login = "{\"email\":\"totp@example.com\",\"password\":\"long enough password\",\"recovery_code\":\""
                + recoveryCode + "\"}";
        assertThat(access.post("/auth/v1/token?grant_type=password", access.anonKey, login)
                        .status())
                .isEqualTo(200);
        assertThat(access.post("/auth/v1/token?grant_type=password", access.anonKey, login)
                        .status())
                .as("used once")
                .isEqualTo(401);
        String aal2 = withCode.json().get("access_token").asText();
        assertThat(access.send(access.request(factorPath, aal2)
                                .method(
                                        "DELETE",
                                        HttpRequest.BodyPublishers.ofString("{\"recovery_code\":\""
                                                + recovery.get(1).asText() + "\"}"))
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(signIn("totp@example.com", "long enough password").has("access_token"))
                .isTrue();
    }

    static void createUser(String email, String role, String clientId) throws Exception {
        String meta = clientId == null
                ? "{\"app_role\":\"" + role + "\"}"
                : "{\"app_role\":\"" + role + "\",\"client_id\":\"" + clientId + "\"}";
        var created = access.post(
                "/auth/v1/admin/users",
                access.serviceKey,
                "{\"email\":\"" + email + "\",\"password\":\"long enough password\",\"app_metadata\":" + meta + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    static JsonNode signIn(String email, String password) throws Exception {
        var session = access.post(
                "/auth/v1/token?grant_type=password",
                access.anonKey,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        return session.json();
    }

    // The RFC 6238 code of the current step plus {@code offset}, computed independently of the server.
    static String code(String base32Secret, int offset) throws Exception {
        byte[] key = new Base32().decode(base32Secret);
        long step = Instant.now().getEpochSecond() / 30 + offset;
        var mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = hash[hash.length - 1] & 0xf;
        int binary = ((hash[o] & 0x7f) << 24)
                | ((hash[o + 1] & 0xff) << 16)
                | ((hash[o + 2] & 0xff) << 8)
                | (hash[o + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
