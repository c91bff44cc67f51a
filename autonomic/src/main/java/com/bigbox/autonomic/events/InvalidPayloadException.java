package com.bigbox.autonomic.events;

import com.bigbox.core.InvalidEventException;

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

    /** As the core's refusal, so that the HTTP layer answers 400 naming the field. */
    public InvalidEventException asInvalidEvent() {
        return new InvalidEventException(field, getMessage().substring(field.length() + 1));
    }
}
