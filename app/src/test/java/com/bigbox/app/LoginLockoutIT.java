package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 8: 100 wrong passwords then the right one signed in; so did 100 wrong TOTP codes then the
 * right one. Each account now backs off after 5 failures and is locked for 15 minutes at the tenth, for
 * passwords, TOTP codes and recovery codes alike; the count lives in the database, so a second instance
 * sees it; the CEO or the service key lifts a lock; every lock and unlock is an event; an unknown e-mail
 * is answered exactly as a known one. The rate limits per address and key are off here, so every 429
 * comes from the account's count.
 */
class LoginLockoutIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Map<String, String> NO_RATE_LIMITS =
            Map.of("BIGBOX_RATE_LIMIT_PER_IP", "0", "BIGBOX_RATE_LIMIT_PER_KEY", "0");
    static AccessTesting a;
    static AccessTesting b;
    static String ceo;

    @BeforeAll
    static void start() throws Exception {
        a = AccessTesting.start(db, "lockout-a", NO_RATE_LIMITS);
        b = AccessTesting.start(db, "lockout-b", NO_RATE_LIMITS);
        ceo = a.signedIn("boss@example.com", "ceo", null);
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

    @Test
    void aHundredWrongPasswordsThenTheRightOneIsRefusedOnBothInstancesUntilTheCeoUnlocks() throws Exception {
        String id = userId(a.signedIn("guessed@example.com", "employee", null));
        List<AccessTesting.Response> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(a.signIn("guessed@example.com", "wrong password " + i));
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(400, 429));
        assertThat(answers.subList(0, 5))
                .as("five real guesses")
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(answers.get(99).status()).isEqualTo(429);
        assertThat(answers.stream().filter(r -> r.status() == 429))
                .as("every 429 says when to retry")
                .allSatisfy(
                        r -> assertThat(Long.parseLong(r.header("Retry-After"))).isPositive());

        var right = a.signIn("guessed@example.com", AccessTesting.PASSWORD);
        assertThat(right.status()).as(right.body()).isEqualTo(429);
        assertThat(Long.parseLong(right.header("Retry-After")))
                .as("locked for 15 minutes")
                .isBetween(800L, 900L);
        var elsewhere = b.signIn("guessed@example.com", AccessTesting.PASSWORD);
        assertThat(elsewhere.status())
                .as("the second instance sees the lock: " + elsewhere.body())
                .isEqualTo(429);

        JsonNode locks = events("ACCOUNT_LOCKED", id);
        assertThat(locks).as("one audit event per lock").hasSize(1);
        assertThat(locks.get(0).at("/payload/user_id").asText()).isEqualTo(id);
        assertThat(locks.get(0).at("/payload/locked_until").asText()).isNotBlank();

        var employee = a.signedIn("colleague@example.com", "employee", null);
        assertThat(a.post("/auth/v1/admin/users/" + id + "/unlock", employee, "{}")
                        .status())
                .as("an employee may not unlock")
                .isEqualTo(403);
        var unlocked = b.post("/auth/v1/admin/users/" + id + "/unlock", ceo, "{}");
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(unlocked.json().get("was_locked").asBoolean()).isTrue();
        assertThat(a.signIn("guessed@example.com", AccessTesting.PASSWORD).status())
                .isEqualTo(200);
        JsonNode unlocks = events("ACCOUNT_UNLOCKED", id);
        assertThat(unlocks).hasSize(1);
        assertThat(unlocks.get(0).at("/payload/was_locked").asBoolean()).isTrue();
    }

    @Test
    void aHundredWrongTotpCodesThenTheRightOneIsRefused() throws Exception {
        String token = a.signedIn("totp-guessed@example.com", "ceo", null);
        String id = userId(token);
        String secret = enrollTotp(token).secret;
        Set<String> current =
                new java.util.HashSet<>(List.of(code(secret, -1), code(secret, 0), code(secret, 1), code(secret, 2)));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; statuses.size() < 100; i++) {
            String guess = String.format("%06d", 123_456 + i);
            if (!current.contains(guess)) {
                statuses.add(signIn(a, "totp-guessed@example.com", AccessTesting.PASSWORD, "totp_code", guess)
                        .status());
            }
        }
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.get(99)).isEqualTo(429);
        var right = signIn(b, "totp-guessed@example.com", AccessTesting.PASSWORD, "totp_code", code(secret, 1));
        assertThat(right.status()).as(right.body()).isEqualTo(429);
        assertThat(right.header("Retry-After")).isNotNull();
        assertThat(events("ACCOUNT_LOCKED", id)).hasSize(1);

        var unlocked = a.post("/auth/v1/admin/users/" + id + "/unlock", a.serviceKey, "{}");
        assertThat(unlocked.status())
                .as("the service key unlocks too: " + unlocked.body())
                .isEqualTo(200);
        var signedIn = signIn(a, "totp-guessed@example.com", AccessTesting.PASSWORD, "totp_code", code(secret, 1));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(events("ACCOUNT_UNLOCKED", id)).hasSize(1);
    }

    @Test
    void aHundredWrongRecoveryCodesThenARightOneIsRefused() throws Exception {
        String token = a.signedIn("recovery-guessed@example.com", "employee", null);
        String id = userId(token);
        List<String> codes = enrollTotp(token).recoveryCodes;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(signIn(
                            b,
                            "recovery-guessed@example.com",
                            AccessTesting.PASSWORD,
                            "recovery_code",
                            String.format("%05x-%05x", i, i))
                    .status());
        }
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.get(99)).isEqualTo(429);
        var right = signIn(a, "recovery-guessed@example.com", AccessTesting.PASSWORD, "recovery_code", codes.get(0));
        assertThat(right.status()).as(right.body()).isEqualTo(429);
        assertThat(events("ACCOUNT_LOCKED", id)).hasSize(1);
        assertThat(a.post("/auth/v1/admin/users/" + id + "/unlock", ceo, "{}").status())
                .isEqualTo(200);
        assertThat(signIn(a, "recovery-guessed@example.com", AccessTesting.PASSWORD, "recovery_code", codes.get(0))
                        .status())
                .as("the code was not used up while the account was locked")
                .isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyAsAKnownOne() throws Exception {
        a.signedIn("exists@example.com", "client", "client-exists");
        for (int i = 0; i < 15; i++) {
            var known = (i % 2 == 0 ? a : b).signIn("exists@example.com", "wrong password " + i);
            var unknown = (i % 2 == 0 ? a : b).signIn("does-not-exist@example.com", "wrong password " + i);
            assertThat(unknown.status()).as("attempt " + i).isEqualTo(known.status());
            assertThat(shape(unknown)).as("attempt " + i).isEqualTo(shape(known));
            assertThat(unknown.header("Retry-After") == null).isEqualTo(known.header("Retry-After") == null);
        }
        assertThat(a.signIn("does-not-exist@example.com", AccessTesting.PASSWORD)
                        .status())
                .isEqualTo(429);
    }

    // The answer with its numbers taken out (seconds to wait differ by when the request arrived).
    private static String shape(AccessTesting.Response response) {
        return response.body().replaceAll("[0-9]+", "N");
    }

    private static AccessTesting.Response signIn(
            AccessTesting on, String email, String password, String field, String code) throws Exception {
        return on.post(
                "/auth/v1/token?grant_type=password",
                on.anonKey,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"" + field + "\":\"" + code + "\"}");
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {}

    private static Enrolled enrollTotp(String token) throws Exception {
        JsonNode factor =
                a.post("/auth/v1/factors", token, "{\"factor_type\":\"totp\"}").json();
        String secret = factor.at("/totp/secret").asText();
        var verified = a.post(
                "/auth/v1/factors/" + factor.get("id").asText() + "/verify",
                token,
                "{\"code\":\"" + code(secret, 0) + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        verified.json().get("recovery_codes").forEach(c -> codes.add(c.asText()));
        return new Enrolled(secret, codes);
    }

    // The RFC 6238 code of the current step plus {@code offset}, computed independently of the server.
    static String code(String base32Secret, int offset) throws Exception {
        byte[] key = new org.apache.commons.codec.binary.Base32().decode(base32Secret);
        long step = java.time.Instant.now().getEpochSecond() / 30 + offset;
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

    private static String userId(String token) throws Exception {
        return a.get("/auth/v1/user", token).json().get("id").asText();
    }

    // The audit events of a user's account, read with the service key.
    private static JsonNode events(String type, String userId) throws Exception {
        var found = a.get(
                "/rest/v1/events?event_type=eq." + type + "&aggregate_type=eq.ACCOUNT&aggregate_id=eq." + userId,
                a.serviceKey);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }
}
