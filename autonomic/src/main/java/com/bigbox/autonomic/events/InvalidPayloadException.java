package com.bigbox.autonomic.events;

/** A payload whose field cannot be read as the event's record; the field is named. */
public final class InvalidPayloadException extends RuntimeException {
    private final String field;

    public InvalidPayloadException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
