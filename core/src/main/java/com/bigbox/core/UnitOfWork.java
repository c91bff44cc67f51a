package com.bigbox.core;

/**
 * One database transaction: the events read and appended through it and whatever an adapter writes
 * through {@link #unwrap(Class)} see one snapshot and commit together or not at all. Durable
 * subscriptions hand one to each handler call, so that a handler's effects and its checkpoint commit
 * as one; the HTTP layer hands one opened as the caller, so that row-level security applies.
 */
public interface UnitOfWork extends EventReader, EventAppender {
    /** The adapter's transaction handle, e.g. {@code java.sql.Connection}. */
    <T> T unwrap(Class<T> type);
}
