package com.bigbox.server.rest;

import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.rest.SchemaReader;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link Catalog}. A name it does not know makes it reload (at most every few seconds),
 * so tables created after the engine started are found, as PostgREST's schema cache reload does.
 */
public final class CatalogCache {
    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

    private final SchemaReader schema;
    private volatile Catalog catalog;
    private volatile long loadedAt;

    public CatalogCache(SchemaReader schema) {
        this.schema = schema;
    }

    public Catalog current() {
        Catalog current = catalog;
        return current != null ? current : reload();
    }

    /** Reloads when the last load is old enough; otherwise the current catalog. */
    Catalog afterMiss() {
        if (System.nanoTime() - loadedAt < MIN_RELOAD_INTERVAL.toNanos()) {
            return current();
        }
        return reload();
    }

    private synchronized Catalog reload() {
        try {
            catalog = Catalog.of(schema.read());
            loadedAt = System.nanoTime();
            log.debug("schema cache loaded: {} tables", catalog.tables().size());
            return catalog;
        } catch (DatabaseException e) {
            throw new PostgrestException(
                    503, "PGRST002", "Could not query the database for the schema cache", e.getMessage(), null);
        }
    }
}
