package com.bigbox.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The lead webhook's signature: {@code X-Bigbox-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Bigbox-Timestamp} in Unix seconds. Signing the timestamp with the body means an old
 * delivery cannot be replayed with a fresh timestamp; the tolerance bounds how old one may be.
 */
public final class WebhookSignature {
    static final String SCHEME = "v1=";

    private WebhookSignature() {}

    /** Why a delivery is refused; empty when it verifies with one of {@code secrets}. */
    static Optional<String> problem(
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            List<String> secrets,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return Optional.of("X-Bigbox-Timestamp and X-Bigbox-Signature are required");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Bigbox-Timestamp must be Unix seconds");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return Optional.of("X-Bigbox-Timestamp is more than " + tolerance.toSeconds()
                    + "s from the server's clock: " + "stale or replayed deliveries are refused");
        }
        for (String candidate : signatureHeader.split(",")) {
            String value = candidate.strip();
            if (!value.startsWith(SCHEME)) {
                continue;
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(value.substring(SCHEME.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (String secret : secrets) {
                if (MessageDigest.isEqual(sign(secret, timestampHeader.strip(), body), given)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("the signature does not match any active secret");
    }

    /**
     * A delivery's identity: its timestamp (as a number) and body, what the signature covers. However the
     * signature header is written, the same delivery has the same id.
     */
    static UUID deliveryId(String timestampHeader, byte[] body) {
        byte[] prefix =
                ("lead-webhook:" + Long.parseLong(timestampHeader.strip()) + ".").getBytes(StandardCharsets.UTF_8);
        byte[] name = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, name, prefix.length, body.length);
        return UUID.nameUUIDFromBytes(name);
    }

    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The header value a sender puts on a delivery. */
    public static String header(String secret, String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }
}
