package com.bigbox.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {
    // RFC 6238 appendix B, HMAC-SHA1 with the ASCII key "12345678901234567890", 8 digits.
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, 1111111111L / 30, 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, 2000000000L / 30, 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void acceptsTheCurrentAndNeighbouringStepsOnly() {
        String secret = new Base32().encodeToString(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1234567890);
        String current = Totp.currentCode(secret, now);
        assertThat(Totp.verify(secret, current, now)).hasValue(1234567890L / 30);
        assertThat(Totp.verify(secret, current, now.plusSeconds(30))).isPresent();
        assertThat(Totp.verify(secret, current, now.plusSeconds(90))).isEmpty();
        assertThat(Totp.verify(secret, "12345", now)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.verify(secret, null, now)).isEmpty();
    }

    @Test
    void newSecretsAreTwentyRandomBytesInBase32() {
        String secret = Totp.newSecret(new SecureRandom());
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.uri("Big Box", "a@b.c", secret))
                .startsWith("otpauth://totp/Big%20Box%3Aa%40b.c?secret=" + secret);
    }
}
