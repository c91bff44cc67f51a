package com.bigbox.core;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Ids made one after another sort together, so the {@code events} primary key index grows at its
 * end instead of splitting pages all over — cheaper appends than random (version 4) ids.
 */
public final class Uuids {
    private static final SecureRandom random = new SecureRandom();

    private Uuids() {}

    public static UUID timeOrdered() {
        long millis = System.currentTimeMillis();
        long randA = random.nextInt() & 0x0FFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
