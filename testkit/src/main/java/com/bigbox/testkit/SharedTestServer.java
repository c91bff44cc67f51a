package com.bigbox.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL a test run starts for itself when {@code BIGBOX_TEST_DATABASE_URL} names no
 * server: one server per Maven run, shared by every test class and every forked test JVM (each class
 * still gets its own database from {@link TestDatabase}).
 *
 * <p>The server lives in {@code BIGBOX_TEST_SERVER_DIR} (by default a directory under the system's
 * temporary directory). Every process that uses it leaves its pid in {@code users/}; the last one to
 * leave stops it. {@code ./bigbox test} registers itself for the whole Maven run, so modules' test JVMs
 * come and go while the server stays up, and stops it at the end. A file lock makes "is it running,
 * else start it" one step across JVMs.
 */
final class SharedTestServer {
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static String url;

    private SharedTestServer() {}

    /** A JDBC URL of the server's {@code postgres} database as superuser, starting the server if needed. */
    static synchronized String jdbcUrl() {
        if (url == null) {
            url = attach(directory());
        }
        return url;
    }

    private static Path directory() {
        String configured = System.getenv("BIGBOX_TEST_SERVER_DIR");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "bigbox-test-postgres-" + System.getProperty("user.name"));
    }

    private static String attach(Path directory) {
        Path users = directory.resolve("users");
        Path me = users.resolve(Long.toString(ProcessHandle.current().pid()));
        try {
            Files.createDirectories(users);
            String jdbc = locked(directory, () -> {
                Files.writeString(me, "");
                return running(directory).orElseGet(() -> start(directory));
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> leave(directory, me), "test-postgres-leave"));
            return jdbc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test run's embedded PostgreSQL in " + directory, e);
        }
    }

    /** Stops the server when no other live process uses it. */
    private static void leave(Path directory, Path me) {
        try {
            locked(directory, () -> {
                Files.deleteIfExists(me);
                if (liveUsers(directory.resolve("users")) == 0) {
                    postmaster(directory).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
                }
                return null;
            });
        } catch (IOException e) {
            System.err.println("test PostgreSQL in " + directory + " not stopped: " + e);
        }
    }

    private static long liveUsers(Path users) throws IOException {
        try (Stream<Path> files = Files.list(users)) {
            List<Path> all = files.toList();
            long live = 0;
            for (Path user : all) {
                boolean alive = parsePid(user.getFileName().toString())
                        .flatMap(ProcessHandle::of)
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
                if (alive) {
                    live++;
                } else {
                    Files.deleteIfExists(user);
                }
            }
            return live;
        }
    }

    /** The running server's URL, when its postmaster is alive and answers. */
    private static Optional<String> running(Path directory) throws IOException {
        Path pidFile = directory.resolve("data/postmaster.pid");
        if (!Files.exists(pidFile)
                || postmaster(directory).flatMap(ProcessHandle::of).isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        String jdbc = "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres?user=postgres";
        try (var connection = DriverManager.getConnection(jdbc)) {
            return connection.isValid(5) ? Optional.of(jdbc) : Optional.empty();
        } catch (SQLException notAnswering) {
            return Optional.empty();
        }
    }

    private static Optional<Long> postmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("data/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().flatMap(line -> parsePid(line.trim()));
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    /**
     * Starts a server that outlives this JVM (the last user stops it): test data, so durability is off;
     * parallel test classes each run engines with pools, so it allows many sessions.
     */
    private static String start(Path directory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    .setPGStartupWait(STARTUP)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "600")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test run's embedded PostgreSQL in " + directory, e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    private static <T> T locked(Path directory, Step<T> step) throws IOException {
        try (var channel =
                FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return step.run();
            } finally {
                lock.release();
            }
        }
    }
}
