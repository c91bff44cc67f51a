package com.bigbox.core;

/** Argument checks that fail at the edge with a message naming the field. */
final class Require {
    private Require() {}

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidEventException(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }
}
