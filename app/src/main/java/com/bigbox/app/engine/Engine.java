package com.bigbox.app.engine;

import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.backup.ContinuousExport;
import com.bigbox.postgres.backup.EventExporter;
import com.bigbox.postgres.chaos.PgActiveFaults;
import com.bigbox.postgres.metrics.BusinessGauges;
import com.bigbox.postgres.metrics.DeliveryLag;
import com.bigbox.server.HttpModule;
import com.bigbox.server.HttpServer;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.autonomic.api.AutonomicHttp;
import com.bigbox.server.events.EventRoutes;
import com.bigbox.server.health.HealthRoutes;
import com.bigbox.server.metrics.BusinessMetrics;
import com.bigbox.server.metrics.DeliveryMetrics;
import com.bigbox.server.metrics.EngineMeters;
import com.bigbox.server.metrics.HttpMetrics;
import com.bigbox.server.metrics.MetricsRoutes;
import com.bigbox.server.realtime.RealtimeHub;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one running engine instance. It opens the database (embedded or
 * {@code DATABASE_URL}), applies the migrations, starts the real-time bus and serves HTTP; closing
 * stops everything in reverse order.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final DatabaseChoice databaseChoice;
    private final EngineMeters meters;
    private final Database database;
    private final PgNode node;
    private final EngineChaos chaos;
    private final AccessLayer access;
    private final AutonomicWiring autonomic;
    private final HttpServer http;
    private final String instanceName;
    private boolean serving;

    /** What to start: where to listen and this instance's name in the cluster. */
    public record Options(String host, int port, String instanceName) {}

    private Engine(Settings settings, Options options, Clock clock) throws IOException {
        instanceName = options.instanceName();
        try {
            databaseChoice = remember(DatabaseChoice.open(settings));
            databaseChoice.stopFirst(this::close);
            meters = remember(new EngineMeters(options.instanceName()));
            database = remember(new Database(
                    databaseChoice.url(),
                    settings.integer("BIGBOX_POOL_SIZE", 10, 4, 500),
                    "bigbox-" + options.instanceName(),
                    meters.registry()));
            int applied = Migrations.apply(database.pool());
            if (applied > 0) {
                log.debug("Applied {} migration(s)", applied);
            }
            node = remember(
                    PgNode.start(database, options.instanceName(), null, pollInterval(settings), meters.registry()));
            // The chaos faults first: every agent's handler is exposed to them from its first event.
            chaos = new EngineChaos(
                    options.instanceName(),
                    node,
                    databaseChoice,
                    database,
                    remember(PgActiveFaults.start(database.pool(), options.instanceName())));
            autonomic = remember(AutonomicWiring.start(node, clock, settings, chaos.faults()));
            access = remember(AccessLayer.start(
                    settings,
                    database,
                    node,
                    options.instanceName(),
                    autonomic.operations().approvals()));
            var transactions = access.transactions();
            startContinuousExport(settings, options.instanceName());
            var operations = new ArrayList<HttpModule>(List.of(metricsRoutes()));
            operations.addAll(chaos.modules(settings, transactions, this::remember));
            var engineRoutes = new ArrayList<HttpModule>(List.of(
                    new HealthRoutes(EngineHealth.checks(database, node)), new EventRoutes(transactions, node.bus())));
            engineRoutes.addAll(autonomicRoutes(transactions));
            var publicUrl = new AtomicReference<String>();
            var notifications = remember(EngineNotifications.create(
                    settings, node, autonomic, JwtSecretFile.loadOrCreate(settings, null), publicUrl::get, clock));
            if (AutonomicWiring.agentsOn(settings)) {
                notifications.start(node, autonomic);
            }
            engineRoutes.addAll(notifications.routes());
            http = remember(HttpServer.start(
                    options.host(),
                    options.port(),
                    modules(new HttpMetrics(meters.registry()), access, engineRoutes, operations)));
            publicUrl.set(settings.get("BIGBOX_PUBLIC_URL")
                    .orElse("http://" + advertised(options.host()) + ":" + http.port()));
            remember(chaos.announce(settings, options.host(), http.port()));
            serving = true;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Engine start(Settings settings, Options options) throws IOException {
        return start(settings, options, Clock.systemUTC());
    }

    /** @param clock business time (the demo and the simulation run it faster than the wall) */
    public static Engine start(Settings settings, Options options, Clock clock) throws IOException {
        Engine engine = new Engine(settings, options, clock);
        log.info(
                "Big Box engine '{}' listening on http://{}:{} using database {}",
                options.instanceName(),
                options.host(),
                engine.http.port(),
                engine.databaseChoice.describe());
        return engine;
    }

    // How long the feed and an idle subscription wait before they look anyway; the simulation shortens it so
    // that a subscription with nothing of interest catches up with the head in milliseconds, not half a second.
    private static Duration pollInterval(Settings settings) {
        return Duration.ofMillis(
                settings.integer("BIGBOX_POLL_INTERVAL_MS", (int) PgNode.DEFAULT_POLL_INTERVAL.toMillis(), 5, 60_000));
    }

    // A wildcard address is where the server listens, not where people reach it.
    private static String advertised(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    public int port() {
        return http.port();
    }

    /** Every route and socket this instance serves, with its access rule. */
    public List<HttpServer.Route> routes() {
        return http.routes();
    }

    /**
     * The chaos faults in force across the cluster: wrap a durable subscription's handler in
     * {@code FaultInjectingHandler.wrap(name, handler, engine.activeFaults(), clock)} to expose it to
     * chaos experiments (agents should).
     */
    public ActiveFaults activeFaults() {
        return chaos.faults();
    }

    /** Where every feature of this instance registers its meters; served at {@code /metrics}. */
    public MeterRegistry meters() {
        return meters.registry();
    }

    // Operations: with BIGBOX_EXPORT_SCHEDULE set, new events go to rolling segments (cold storage).
    private void startContinuousExport(Settings settings, String instanceName) {
        ExportSchedule.from(settings)
                .ifPresent(schedule -> remember(new ContinuousExport(
                                database,
                                new EventExporter(
                                        database.pool(), databaseChoice.url().display(), Clock.systemUTC()),
                                schedule.directory(),
                                schedule.every(),
                                schedule.segmentEvents(),
                                instanceName,
                                meters.registry())
                        .start()));
    }

    // Operations: delivery lag and the business gauges, scraped at /metrics with everything registered.
    private MetricsRoutes metricsRoutes() {
        var registry = meters.registry();
        var delivery = new DeliveryMetrics(
                registry,
                new DeliveryLag(database.pool()),
                () -> node.feedStatus().position(),
                node::listening);
        var business = new BusinessMetrics(registry, new BusinessGauges(database.pool()));
        return new MetricsRoutes(registry, List.of(delivery, business));
    }

    public PgNode node() {
        return node;
    }

    public Database database() {
        return database;
    }

    public AutonomicOperations autonomic() {
        return autonomic.operations();
    }

    /**
     * The durable job runner of this instance: {@code runDue()} runs what is due by the engine's clock (it
     * also runs on its own timer), so a driver of an accelerated clock need not wait for the timer.
     */
    public JobRunner jobs() {
        return autonomic.jobs();
    }

    // Agents, approvals, SOPs, projections and the original engine's /api paths, run as the caller.
    private List<HttpModule> autonomicRoutes(RequestTransactions transactions) {
        return AutonomicHttp.modules(transactions, node.bus(), autonomic.operations());
    }

    /** This instance's realtime hub (tests read how many visibility queries it ran). */
    public RealtimeHub realtime() {
        return access.hub();
    }

    // The access layer's checks run before every route (request timing before them, so refusals are
    // timed too); its surfaces sit beside the engine's own and the operations'.
    private static List<HttpModule> modules(
            HttpModule timing, AccessLayer access, List<HttpModule> engineRoutes, List<HttpModule> operations) {
        var modules = new ArrayList<HttpModule>(List.of(timing));
        modules.addAll(access.filters());
        modules.addAll(engineRoutes);
        modules.addAll(operations);
        modules.addAll(access.routes());
        return modules;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    /** Stops in the reverse order of start: HTTP, agents, bus, pools, and the embedded database last. Once. */
    @Override
    public synchronized void close() {
        if (started.isEmpty()) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
        if (serving) {
            log.info("Big Box engine '{}' stopped", instanceName);
        }
    }
}
