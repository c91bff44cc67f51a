package com.bigbox.server.metrics;

import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the instance's meters in Prometheus' text format (OpenMetrics when the
 * scraper asks for it). Scrape-time gauges are refreshed first; scrapes that arrive while a refresh
 * runs wait for it and share its values, so several scrapers do not multiply the database's work.
 */
public final class MetricsRoutes implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(MetricsRoutes.class);

    private final PrometheusMeterRegistry registry;
    private final List<ScrapeTimeGauges> gauges;
    private final Counter refreshFailures;
    private final ReentrantLock refreshing = new ReentrantLock();

    public MetricsRoutes(PrometheusMeterRegistry registry, List<ScrapeTimeGauges> gauges) {
        this.registry = registry;
        this.gauges = List.copyOf(gauges);
        this.refreshFailures = Counter.builder("bigbox.metrics.refresh.failures")
                .description(
                        "Scrapes whose database-derived gauges could not be refreshed (previous values were served)")
                .register(registry);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/metrics", this::scrape, Access.PUBLIC);
    }

    private void scrape(Context ctx) {
        refresh();
        String accept = ctx.header("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8";
        ctx.contentType(contentType).result(registry.scrape(contentType));
    }

    private void refresh() {
        if (!refreshing.tryLock()) {
            // Another scrape is reading the database right now: its values will do.
            refreshing.lock();
            refreshing.unlock();
            return;
        }
        try {
            for (ScrapeTimeGauges gauge : gauges) {
                try {
                    gauge.refresh();
                } catch (Exception e) {
                    refreshFailures.increment();
                    log.debug("refreshing {} failed: {}", gauge.getClass().getSimpleName(), e.toString());
                }
            }
        } finally {
            refreshing.unlock();
        }
    }
}
