package com.bigbox.app.engine;

import com.bigbox.app.chaos.ChaosFunctionRoutes;
import com.bigbox.app.chaos.ChaosSessions;
import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.chaos.FaultInjectingHandler;
import com.bigbox.autonomic.chaos.ProbeWorkload;
import com.bigbox.core.EventFilter;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.chaos.ChaosExperimentReads;
import com.bigbox.postgres.chaos.EngineInstances;
import com.bigbox.postgres.chaos.PgActiveFaults;
import com.bigbox.postgres.chaos.ProbeDeliveries;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.chaos.ChaosAdminRoutes;
import com.bigbox.server.chaos.ChaosExperimentRoutes;
import com.bigbox.server.chaos.ChaosTarget;
import com.bigbox.server.chaos.DeliveryRecorder;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's part in chaos experiments: the faults in force (for handlers to be wrapped in), the
 * read API of past runs, and — with {@code BIGBOX_ADMIN_TOKEN} set — the control surface, the
 * {@code chaos-probe} subscription and the feed's delivery record the total check reads. Every
 * instance announces itself in {@code engine_instances} so experiments and dashboards find it.
 */
final class EngineChaos implements ChaosTarget {
    private static final Logger log = LoggerFactory.getLogger(EngineChaos.class);
    static final String ADMIN_TOKEN = "BIGBOX_ADMIN_TOKEN";

    private final String instanceName;
    private final PgNode node;
    private final DatabaseChoice databaseChoice;
    private final Database database;
    private final PgActiveFaults faults;
    private boolean admin;

    EngineChaos(
            String instanceName, PgNode node, DatabaseChoice databaseChoice, Database database, PgActiveFaults faults) {
        this.instanceName = instanceName;
        this.node = node;
        this.databaseChoice = databaseChoice;
        this.database = database;
        this.faults = faults;
    }

    ActiveFaults faults() {
        return faults;
    }

    List<HttpModule> modules(Settings settings, RequestTransactions transactions, Consumer<AutoCloseable> remember) {
        var modules = new ArrayList<HttpModule>();
        modules.add(new ChaosExperimentRoutes(transactions, new ChaosExperimentReads()));
        Optional<String> token = settings.get(ADMIN_TOKEN);
        if (token.isPresent()) {
            if (token.get().length() < 16) {
                throw new Settings.SettingException(
                        ADMIN_TOKEN, "must be at least 16 characters (it guards crash and restart)");
            }
            var recorder = new DeliveryRecorder();
            remember.accept(node.bus().subscribe(EventFilter.aggregateType(ProbeWorkload.AGGREGATE_TYPE), recorder));
            remember.accept(node.subscriptions()
                    .subscribe(
                            ProbeWorkload.SUBSCRIPTION,
                            EventFilter.types(ProbeWorkload.EVENT_TYPE),
                            node.store().head(),
                            FaultInjectingHandler.wrap(
                                    ProbeWorkload.SUBSCRIPTION,
                                    ProbeDeliveries.handler(instanceName),
                                    faults,
                                    Clock.systemUTC())));
            modules.add(new ChaosAdminRoutes(token.get(), this, recorder));
            // The same functions ./bigbox chaos run calls in its process, for the Chaos Toolkit over HTTP.
            var sessions = new ChaosSessions(
                    databaseChoice.url(),
                    token.get(),
                    () -> {
                        try {
                            return JwtSecretFile.serviceKey(settings);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    instanceName,
                    Clock.systemUTC());
            remember.accept(sessions);
            modules.add(new ChaosFunctionRoutes(sessions));
            admin = true;
        }
        return modules;
    }

    /** Joins the instance registry, reachable at {@code BIGBOX_PUBLIC_URL} or the address it listens on. */
    EngineInstances announce(Settings settings, String host, int port) throws IOException {
        String advertised = "0.0.0.0".equals(host) || "::".equals(host)
                ? InetAddress.getLocalHost().getHostName()
                : host;
        String url = settings.get("BIGBOX_PUBLIC_URL").orElse("http://" + advertised + ":" + port);
        return EngineInstances.join(database.pool(), instanceName, url, databaseChoice.isEmbedded(), admin);
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public boolean listening() {
        return node.listening();
    }

    @Override
    public void suppressNotifications(Duration window) {
        node.suppressNotifications(window);
    }

    @Override
    public Optional<Instant> notificationsSuppressedUntil() {
        return node.notificationsSuppressedUntil();
    }

    @Override
    public void crash() {
        // After the response is on its way: the process dies as under kill -9, nothing is released.
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // crash anyway
            }
            Runtime.getRuntime().halt(137);
        });
    }

    @Override
    public boolean hostsEmbeddedDatabase() {
        return databaseChoice.isEmbedded();
    }

    @Override
    public Duration restartEmbeddedDatabase() throws IOException {
        log.warn("Chaos: restarting the embedded PostgreSQL of {}", instanceName);
        Duration took = databaseChoice.restartEmbedded();
        log.info("Embedded PostgreSQL restarted in {} ms", took.toMillis());
        return took;
    }
}
