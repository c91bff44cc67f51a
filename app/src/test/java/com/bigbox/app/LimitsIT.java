package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rate limits per key and per address: 429 with Retry-After, JSON that names the setting. */
class LimitsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() throws Exception {
        try (var access = AccessTesting.start(
                db, "limits-key", Map.of("BIGBOX_RATE_LIMIT_PER_IP", "0", "BIGBOX_RATE_LIMIT_PER_KEY", "5"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(access.get("/rest/v1/events", access.serviceKey).status())
                        .isEqualTo(200);
            }
            var limited = access.get("/rest/v1/events", access.serviceKey);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            assertThat(limited.json().get("message").asText()).contains("BIGBOX_RATE_LIMIT_PER_KEY");
            assertThat(access.get("/rest/v1/events", access.anonKey).status()).isEqualTo(200);
        }
    }

    @Test
    void anAddressOverItsRateGets429WhateverKeyItUsesAndWithout() throws Exception {
        try (var access = AccessTesting.start(
                db, "limits-ip", Map.of("BIGBOX_RATE_LIMIT_PER_IP", "4", "BIGBOX_RATE_LIMIT_PER_KEY", "0"))) {
            assertThat(access.get("/rest/v1/events", access.serviceKey).status())
                    .isEqualTo(200);
            assertThat(access.get("/rest/v1/events", access.anonKey).status()).isEqualTo(200);
            assertThat(access.get("/rest/v1/events", null).status()).isEqualTo(401);
            assertThat(access.get("/rest/v1/events", "forged").status()).isEqualTo(401);
            var limited = access.get("/rest/v1/events", access.serviceKey);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isNotNull();
            assertThat(limited.json().get("message").asText()).contains("BIGBOX_RATE_LIMIT_PER_IP");
            assertThat(access.get("/health/live", null).status()).isEqualTo(429);
        }
    }
}
