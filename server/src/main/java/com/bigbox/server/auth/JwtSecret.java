package com.bigbox.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** The HS256 signing secret of every token the engine issues and accepts; at least 32 bytes. */
public final class JwtSecret {
    public static final int MIN_BYTES = 32;

    private final byte[] bytes;

    private JwtSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A secret given as text (the environment, a file): its UTF-8 bytes, as Supabase uses its JWT secret. */
    public static JwtSecret of(String text) {
        byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException(
                    "a JWT secret needs at least " + MIN_BYTES + " characters, this one has " + bytes.length);
        }
        return new JwtSecret(bytes);
    }

    /** A new random secret: 48 random bytes written as 96 hex characters. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A key for another purpose (e.g. {@code approval-links}), derived as HMAC-SHA256(secret, purpose):
     * one secret to keep, and a token of one kind never verifies as another.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtSecret s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "JwtSecret[***]";
    }
}
