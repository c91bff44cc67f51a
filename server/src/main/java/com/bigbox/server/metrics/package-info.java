/**
 * Prometheus metrics at {@code /metrics}: one {@link io.micrometer.core.instrument.MeterRegistry} per
 * engine instance, which the composition root hands to every feature that has something to count
 * (see docs/metrics.md for the names and how a feature adds its own).
 */
package com.bigbox.server.metrics;
