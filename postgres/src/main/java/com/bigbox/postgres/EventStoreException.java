package com.bigbox.postgres;

/** The database failed in a way the caller cannot fix by changing the request. */
public final class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
