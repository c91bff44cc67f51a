package com.bigbox.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * One engine instance's meter registry: every meter carries the tag {@code engine} (the instance's
 * name; Prometheus keeps its own {@code instance} label for the scrape target), and the JVM basics
 * are bound from the start. Two of Micrometer's JVM meters are adjusted to Prometheus' naming
 * conventions (docs/metrics.md): process CPU time is served in seconds as the standard
 * {@code process_cpu_seconds_total} instead of {@code process_cpu_time_ns_total}, and no name says
 * its unit twice (see {@link #prometheusName}).
 */
public final class EngineMeters implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    public EngineMeters(String instanceName) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config()
                .commonTags("engine", instanceName)
                .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return prometheusName(id);
                    }
                });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        processCpuSeconds(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    /**
     * Micrometer gives counts of things their thing as a unit, which the name already says
     * ({@code jvm_threads_live_threads}, {@code jvm_classes_loaded_count_classes_total}): the unit is
     * dropped where the name holds it. The class meters take the names of Prometheus' own Java client:
     * {@code jvm_classes_currently_loaded} (gauge) and {@code jvm_classes_loaded_total} (counter).
     */
    static Meter.Id prometheusName(Meter.Id id) {
        Meter.Id named = switch (id.getName()) {
            case "jvm.classes.loaded" -> id.withName("jvm.classes.currently.loaded");
            case "jvm.classes.loaded.count" -> id.withName("jvm.classes.loaded");
            default -> id;
        };
        String unit = named.getBaseUnit();
        return unit != null && List.of(named.getName().split("\\.")).contains(unit) ? named.withBaseUnit(null) : named;
    }

    /** The process' CPU time in seconds, where the JVM reports it (HotSpot and OpenJ9 do). */
    private static void processCpuSeconds(PrometheusMeterRegistry registry) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time the engine's process has used")
                    .register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
