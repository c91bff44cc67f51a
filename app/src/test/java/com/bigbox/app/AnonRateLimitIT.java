package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 9: two addresses sending 18 failed sign-ins each made a third address's sign-in get
 * 429 — the public anon key was one bucket for everybody. Anonymous callers are now counted per address
 * (the loopback addresses 127.0.0.2, .3, .4 stand for three machines).
 */
class AnonRateLimitIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(
                db, "anon-rate", Map.of("BIGBOX_RATE_LIMIT_PER_IP", "0", "BIGBOX_RATE_LIMIT_PER_KEY", "20"));
        access.signedIn("third@example.com", "client", "third");
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void twoNoisyAddressesDoNotLockAThirdOutOfSigningIn() throws Exception {
        for (String address : List.of("127.0.0.2", "127.0.0.3")) {
            for (int i = 0; i < 18; i++) {
                assertThat(signIn(address, "nobody-" + i + "@example.com", "wrong password")
                                .statusCode())
                        .isNotEqualTo(429);
            }
        }
        var third = signIn("127.0.0.4", "third@example.com", AccessTesting.PASSWORD);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
    }

    @Test
    void anAddressOverTheLimitIsStillRefusedAlone() throws Exception {
        // Refills arrive while a slow machine sends, so send until refused rather than a fixed number.
        HttpResponse<String> last = null;
        for (int i = 0; i < 500 && (last == null || last.statusCode() != 429); i++) {
            last = signIn("127.0.0.5", "guess-" + i + "@example.com", "wrong password");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .as("a 429 says when to come back")
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(signIn("127.0.0.6", "third@example.com", AccessTesting.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> signIn(String from, String email, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(access.url() + "/auth/v1/token?grant_type=password"))
                .timeout(Duration.ofSeconds(20))
                .header("apikey", access.anonKey)
                .header("Authorization", "Bearer " + access.anonKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
        try (var client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(from))
                .build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
