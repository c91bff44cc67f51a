package com.bigbox.core;

/**
 * One database transaction: the events appended through it and whatever an adapter writes through
 * {@link #unwrap(Class)} commit together or not at all. Durable subscriptions hand one to each
 * handler call so that a handler's effects and its checkpoint commit as one.
 */
public interface UnitOfWork extends EventAppender {
    /** The adapter's transaction handle, e.g. {@code java.sql.Connection}. */
    <T> T unwrap(Class<T> type);
}
