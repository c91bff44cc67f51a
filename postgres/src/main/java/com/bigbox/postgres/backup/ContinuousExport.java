package com.bigbox.postgres.backup;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.SqlResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports new events into rolling segments of one directory on a schedule while the engine runs
 * (cold storage). Each round resumes the directory's export, so it writes what was committed since
 * the last round into new segments. Instances that share the directory take turns: a round runs only
 * while its instance holds the directory's advisory lock, so no two write it at once.
 */
public final class ContinuousExport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContinuousExport.class);

    private static final String TRY_LOCK = SqlResource.load(ContinuousExport.class, "export_try_lock");

    private final Database database;
    private final EventExporter exporter;
    private final Path directory;
    private final Duration every;
    private final int segmentEvents;
    private final String instanceName;
    private final Thread thread;
    private final Counter exported;
    private final Counter failures;
    private volatile boolean running = true;
    private volatile Status status = new Status(null, 0, null);

    /** The last round: when it ran, what it wrote, and why it failed if it did. */
    public record Status(Instant lastRound, long lastEvents, String lastError) {}

    public ContinuousExport(
            Database database,
            EventExporter exporter,
            Path directory,
            Duration every,
            int segmentEvents,
            String instanceName,
            MeterRegistry meters) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the export schedule must be a positive interval, was " + every);
        }
        this.database = database;
        this.exporter = exporter;
        this.directory = directory.toAbsolutePath().normalize();
        this.every = every;
        this.segmentEvents = segmentEvents;
        this.instanceName = instanceName;
        this.thread =
                Thread.ofPlatform().daemon().name(instanceName + "-export").unstarted(this::run);
        this.exported = Counter.builder("bigbox.export.events")
                .description("Events this instance wrote to the continuous export's segments")
                .register(meters);
        this.failures = Counter.builder("bigbox.export.failures")
                .description("Continuous export rounds that failed (the next round resumes)")
                .register(meters);
        Gauge.builder(
                        "bigbox.export.last.round.timestamp",
                        this,
                        e -> e.status.lastRound() == null
                                ? Double.NaN
                                : e.status.lastRound().getEpochSecond())
                .description("Unix time of this instance's last continuous export round")
                .baseUnit("seconds")
                .register(meters);
    }

    public ContinuousExport start() {
        log.info("Continuous export every {} s into {}", every.toSeconds(), directory);
        thread.start();
        return this;
    }

    public Status status() {
        return status;
    }

    public Path directory() {
        return directory;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            round();
        }
    }

    /** One round, if this instance gets the directory's turn; returns what it wrote. */
    public Optional<EventExporter.Result> round() {
        try (Connection session = database.openDirect("export-" + instanceName)) {
            if (!holdsTurn(session)) {
                return Optional.empty();
            }
            EventExporter.Result result =
                    exporter.export(directory, new EventExporter.Request(null, null, segmentEvents), Progress.NONE);
            if (result.events() > 0) {
                log.info(
                        "Exported {} events into {} ({})",
                        result.events(),
                        directory,
                        String.join(
                                ", ",
                                result.segments().stream()
                                        .map(ExportManifest.Segment::file)
                                        .toList()));
            }
            status = new Status(Instant.now(), result.events(), null);
            exported.increment(result.events());
            return Optional.of(result);
        } catch (SQLException | BackupException e) {
            if (status.lastError() == null) {
                log.warn("Continuous export into {} failed ({}); retrying next round", directory, e.getMessage());
            }
            status = new Status(Instant.now(), 0, e.getMessage());
            failures.increment();
            return Optional.empty();
        }
    }

    // A session lock: closing the session at the end of the round releases it.
    private boolean holdsTurn(Connection session) throws SQLException {
        try (PreparedStatement s = session.prepareStatement(TRY_LOCK)) {
            s.setString(1, directory.toString());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
