package com.bigbox.core;

/** An event or argument that cannot be stored; {@link #field()} names what is wrong. */
public final class InvalidEventException extends IllegalArgumentException {
    private final String field;

    public InvalidEventException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The offending field, in the stored column's name (e.g. {@code confidence}). */
    public String field() {
        return field;
    }
}
