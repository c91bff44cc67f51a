package com.bigbox.app.engine;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The database the engine uses: {@code DATABASE_URL} when set, otherwise an embedded PostgreSQL whose
 * data lives in {@code <home>/pgdata}.
 */
public final class DatabaseChoice implements AutoCloseable {
    private final DatabaseUrl url;
    private EmbeddedDatabase embedded;
    private final List<AutoCloseable> users = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DatabaseChoice(DatabaseUrl url, EmbeddedDatabase embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static DatabaseChoice open(Settings settings) throws IOException {
        Optional<String> configured = settings.get("DATABASE_URL");
        if (configured.isPresent()) {
            DatabaseUrl url;
            try {
                url = DatabaseUrl.parse(configured.get());
            } catch (IllegalArgumentException e) {
                throw new Settings.SettingException("DATABASE_URL", e.getMessage());
            }
            Database.check(url);
            return new DatabaseChoice(url, null);
        }
        int port = settings.integer("BIGBOX_EMBEDDED_PORT", EmbeddedDatabase.DEFAULT_PORT, 0, 65535);
        Path data = settings.home().resolve("pgdata");
        Optional<Integer> running = runningServerPort(data);
        if (running.isPresent()) {
            // `bigbox up` runs it already: a command such as export or chaos joins it rather than start a second one.
            return new DatabaseChoice(
                    DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + running.get() + "/postgres"), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(data, port, false);
        var choice = new DatabaseChoice(embedded.url(), embedded);
        // On Ctrl-C: first what uses the database (the engine's workers, whose sessions would otherwise see it
        // vanish under them), then the database.
        Runtime.getRuntime().addShutdownHook(new Thread(choice::stopInOrder, "bigbox-embedded-postgres-stop"));
        return choice;
    }

    // postmaster.pid: line 1 the server's pid, line 4 its port (PostgreSQL's documented layout).
    private static Optional<Integer> runningServerPort(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            if (lines.size() < 4
                    || ProcessHandle.of(Long.parseLong(lines.get(0).strip())).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    /** For the log: which database, and where its data lives when it is the embedded one. */
    public synchronized String describe() {
        return embedded == null
                ? url.display()
                : url.display() + " (embedded PostgreSQL, data in " + embedded.dataDirectory() + ")";
    }

    public synchronized boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Stops and starts the embedded PostgreSQL on the same data and port (a chaos experiment's
     * restart); the engine's sessions reconnect by themselves. Returns how long it took.
     */
    public synchronized java.time.Duration restartEmbedded() throws IOException {
        if (embedded == null) {
            throw new IllegalStateException("this instance does not run the embedded database");
        }
        long start = System.nanoTime();
        Path data = embedded.dataDirectory();
        int port = embedded.port();
        embedded.close();
        embedded = EmbeddedDatabase.start(data, port, false);
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    /** Closes {@code user} before this database stops at the JVM's exit (once, whoever stops first). */
    public void stopFirst(AutoCloseable user) {
        users.add(user);
    }

    private void stopInOrder() {
        for (AutoCloseable user : users.reversed()) {
            try {
                user.close();
            } catch (Exception e) {
                System.err.println("bigbox: stopping " + user + " failed: " + e.getMessage());
            }
        }
        try {
            close();
        } catch (IOException e) {
            System.err.println("bigbox: stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
