package com.bigbox.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"name\":\"A\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void eitherActiveSecretVerifiesAndAnyListedSignatureMayMatch() {
        String ts = Long.toString(NOW.getEpochSecond());
        String old = WebhookSignature.header("old-secret", ts, BODY);
        String fresh = WebhookSignature.header("new-secret", ts, BODY);
        assertThat(WebhookSignature.problem(ts, old, BODY, List.of("new-secret", "old-secret"), NOW, TOLERANCE))
                .isEmpty();
        assertThat(WebhookSignature.problem(ts, fresh, BODY, List.of("new-secret", "old-secret"), NOW, TOLERANCE))
                .isEmpty();
        assertThat(WebhookSignature.problem(ts, "v0=zz, " + fresh, BODY, List.of("new-secret"), NOW, TOLERANCE))
                .isEmpty();
        assertThat(WebhookSignature.problem(ts, old, BODY, List.of("new-secret"), NOW, TOLERANCE))
                .hasValueSatisfying(p -> assertThat(p).contains("does not match"));
    }

    @Test
    void theTimestampIsSignedAndMustBeFresh() {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = WebhookSignature.header("s", ts, BODY);
        String later = Long.toString(NOW.getEpochSecond() + 10);
        assertThat(WebhookSignature.problem(later, signature, BODY, List.of("s"), NOW, TOLERANCE))
                .isPresent();
        assertThat(WebhookSignature.problem(
                        ts, signature, BODY, List.of("s"), NOW.plus(Duration.ofMinutes(6)), TOLERANCE))
                .hasValueSatisfying(p -> assertThat(p).contains("stale"));
        assertThat(WebhookSignature.problem("yesterday", signature, BODY, List.of("s"), NOW, TOLERANCE))
                .isPresent();
        assertThat(WebhookSignature.problem(null, signature, BODY, List.of("s"), NOW, TOLERANCE))
                .isPresent();
    }
}
