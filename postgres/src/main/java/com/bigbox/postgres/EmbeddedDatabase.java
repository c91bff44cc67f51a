package com.bigbox.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server the engine runs itself when no {@code DATABASE_URL} is given. Its data lives
 * in a persistent directory and it is durable ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on): the embedding library's defaults are for throw-away test databases,
 * but a user's events live here.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final int DEFAULT_PORT = 54322;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts it; it stops when this closes, or when the JVM exits. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, true);
    }

    /**
     * @param stopWithJvm whether the JVM's exit stops it by itself; false when the owner stops it in order
     *     (its sessions and workers first, then the server), as the engine does on Ctrl-C
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean stopWithJvm) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(stopWithJvm)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        return new EmbeddedDatabase(postgres, dataDirectory);
    }

    public DatabaseUrl url() {
        return DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
