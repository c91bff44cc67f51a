package com.bigbox.server.metrics;

/**
 * Gauges whose values are read (from the database, usually) when Prometheus scrapes, rather than
 * kept up to date all the time.
 */
public interface ScrapeTimeGauges {
    /** Reads fresh values; on failure keeps the previous ones and throws. */
    void refresh() throws Exception;
}
