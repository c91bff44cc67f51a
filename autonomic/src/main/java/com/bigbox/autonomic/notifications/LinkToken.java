package com.bigbox.autonomic.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an approval link: {@code <link id>.<expiry, Unix seconds>.<HMAC-SHA256 of both>}. The
 * signature makes it unforgeable and its expiry tamper-proof without a database read; the link's row
 * makes it single-use.
 */
public final class LinkToken {
    private final byte[] key;

    public LinkToken(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the approval links' signing key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    public record Claims(UUID linkId, Instant expiresAt) {}

    public String sign(UUID linkId, Instant expiresAt) {
        String body = linkId + "." + expiresAt.getEpochSecond();
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /** The claims of a token that is well-formed and signed by this key; empty for anything else. */
    public Optional<Claims> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(given, mac(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
