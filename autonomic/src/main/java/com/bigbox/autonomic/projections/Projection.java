package com.bigbox.autonomic.projections;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.util.List;

/**
 * A table (or a few) whose every row follows from the events: {@code bigbox replay} empties it and
 * applies the whole log to it through the same {@link #apply} that maintains it live, and gets exactly
 * the rows the live system holds. Add one to the system by implementing this and listing it in
 * {@link ProjectionRegistry} (see docs/projections.md).
 */
public interface Projection {
    /** How the live system keeps a projection up to date. */
    enum Mode {
        /**
         * The writer that appends an event applies it in the same transaction (approvals, SOPs): the rows
         * are never behind the log. Such a writer takes {@link ProjectionLock#shared} before it reads or
         * writes the projection's rows.
         */
        INLINE,
        /** A durable subscription ({@link #subscriptionName()}) applies each event after it commits. */
        SUBSCRIPTION
    }

    /** The name {@code bigbox replay --projection} takes: its main table's. */
    String name();

    Mode mode();

    /** The tables it writes (all of them emptied by {@link #reset} before a rebuild). */
    List<String> tables();

    /**
     * Projections whose rows this one's rows refer to (foreign keys): emptying one of those empties this
     * one too, so a rebuild of one rebuilds its dependents.
     */
    default List<String> dependsOn() {
        return List.of();
    }

    /** The durable subscription of a {@link Mode#SUBSCRIPTION} projection. */
    default String subscriptionName() {
        return "projection:" + name();
    }

    /** Removes every row it owns, before a rebuild applies the log again. */
    void reset(UnitOfWork work);

    /** Folds one event into the rows; an event it does not follow changes nothing. */
    void apply(RecordedEvent event, UnitOfWork work);
}
