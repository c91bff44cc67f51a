package com.bigbox.app.engine;

import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import com.bigbox.server.HttpServer;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.autonomic.api.AutonomicHttp;
import com.bigbox.server.events.EventRoutes;
import com.bigbox.server.realtime.RealtimeHub;
import com.bigbox.server.health.HealthRoutes;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final Database database;
    private final PgNode node;
    private final AccessLayer access;
    private final AutonomicRuntime autonomic;
    private final HttpServer http;

    /** What to start: where to listen and this instance's name in the cluster. */
    public record Options(String host, int port, String instanceName) {}

    private Engine(Settings settings, Options options, Clock clock) throws IOException {
        try {
            databaseChoice = remember(DatabaseChoice.open(settings));
            database = remember(new Database(databaseChoice.url(),
                    settings.integer("BIGBOX_POOL_SIZE", 10, 4, 500), "bigbox-" + options.instanceName()));
            int applied = Migrations.apply(database.pool());
            if (applied > 0) {
                log.info("Applied {} migration(s)", applied);
            }
            node = remember(PgNode.start(database, options.instanceName()));
            access = remember(AccessLayer.start(settings, database, node, options.instanceName()));
            autonomic = remember(AutonomicRuntime.start(node, clock, settings));
            var transactions = access.transactions();
            var engineRoutes = new ArrayList<HttpModule>(List.of(
                    new HealthRoutes(EngineHealth.checks(database, node)),
                    new EventRoutes(transactions, node.bus())));
            engineRoutes.addAll(autonomicRoutes(transactions));
            http = remember(HttpServer.start(options.host(), options.port(), modules(access, engineRoutes)));
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
        log.info("Big Box engine '{}' listening on http://{}:{} using database {}", options.instanceName(),
                options.host(), engine.http.port(), engine.databaseChoice.describe());
        return engine;
    }

    public int port() {
        return http.port();
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

    // Agents, approvals, SOPs, projections and the original engine's /api paths, run as the caller.
    private List<HttpModule> autonomicRoutes(RequestTransactions transactions) {
        return AutonomicHttp.modules(transactions, node.bus(), autonomic.operations());
    }

    /** This instance's realtime hub (tests read how many visibility queries it ran). */
    public RealtimeHub realtime() {
        return access.hub();
    }

    // The access layer's checks run before every route; its surfaces sit beside the engine's own.
    private static List<HttpModule> modules(AccessLayer access, List<HttpModule> engineRoutes) {
        var modules = new ArrayList<HttpModule>(access.filters());
        modules.addAll(engineRoutes);
        modules.addAll(access.routes());
        return modules;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}
