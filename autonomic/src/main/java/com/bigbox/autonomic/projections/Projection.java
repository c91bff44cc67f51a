package com.bigbox.autonomic.projections;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;

/**
 * A read model derived only from events. Live, it runs as the durable subscription {@link #name()} (its
 * writes and checkpoint commit together); a rebuild applies the same {@link #apply} to the whole log.
 */
public interface Projection {
    String name();

    /** The tables it writes, emptied before a rebuild. */
    java.util.List<String> tables();

    void apply(RecordedEvent event, UnitOfWork work);
}
