package com.bigbox.autonomic;

/** The request was valid but the state has moved on (e.g. an approval already decided): HTTP 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
