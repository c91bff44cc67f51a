package com.bigbox.server.graphql;

import java.util.List;
import java.util.Map;

/**
 * The bytes one GraphQL answer may still take, charged as rows are read so that a request over the cap
 * stops reading instead of building the whole answer. Estimates err on the large side (every column a
 * row read is charged, selected or not).
 */
final class ResponseBudget {
    private final long max;
    private long used;
    private boolean exceeded;

    ResponseBudget(long max) {
        this.max = max;
    }

    /** Charges {@code bytes}; over the cap it throws, and every later charge throws too. */
    void charge(long bytes) {
        used += bytes;
        if (used > max) {
            exceeded = true;
        }
        if (exceeded) {
            throw new TooLarge(message());
        }
    }

    /** Charges what {@code value} (maps, lists, strings, numbers) would take as JSON, roughly. */
    void chargeValue(Object value) {
        charge(size(value));
    }

    boolean exceeded() {
        return exceeded;
    }

    String message() {
        return "the answer would exceed " + max + " bytes (BIGBOX_GRAPHQL_MAX_RESPONSE_BYTES): ask for smaller pages "
                + "(first), fewer aliases or fewer fields, and page with after";
    }

    static long size(Object value) {
        return switch (value) {
            case null -> 4;
            case String s -> s.length() + 2L;
            case Map<?, ?> m ->
                2
                        + m.entrySet().stream()
                                .mapToLong(e -> size(String.valueOf(e.getKey())) + 1 + size(e.getValue()) + 1)
                                .sum();
            case List<?> l -> 2 + l.stream().mapToLong(v -> size(v) + 1).sum();
            default -> String.valueOf(value).length();
        };
    }

    /** Thrown by the field that went over; the request answers only with the error. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
