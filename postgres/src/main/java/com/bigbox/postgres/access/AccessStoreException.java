package com.bigbox.postgres.access;

/** The database failed while the access layer read or wrote its own tables. */
public final class AccessStoreException extends RuntimeException {
    public AccessStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
