package com.bigbox.autonomic;

/** A request the domain refuses because of one input; {@link #field()} names it (HTTP 400, CLI exit 2). */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
