package com.bigbox.app.simulation;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A random stream for one happening, named by the seed and a key ({@code answer/<approval>}): the outcome
 * of a person's choice never depends on how many other choices were made before it, so runs repeat even
 * where the engine's concurrent agents interleave differently.
 */
final class KeyedRandom {
    private final SplittableRandom random;

    private KeyedRandom(SplittableRandom random) {
        this.random = random;
    }

    static KeyedRandom of(long seed, String key) {
        UUID u = UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8));
        return new KeyedRandom(new SplittableRandom(u.getMostSignificantBits() ^ u.getLeastSignificantBits()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    double between(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
