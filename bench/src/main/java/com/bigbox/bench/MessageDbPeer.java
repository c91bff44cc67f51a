package com.bigbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The peer Message DB 1.3.1 (Eventide's event store in PostgreSQL functions): its SQL ships in the
 * npm package {@code @eventide/message-db}, which is installed with npm into a temporary folder and
 * run into the bench's database, in the order of the package's own install script (schema,
 * extension, table, type, functions, indexes; its role and privileges are left out: the bench
 * writes as the database owner). Its connections find the functions on {@code search_path}, as
 * its {@code message_store} role would.
 */
final class MessageDbPeer {
    static final String VERSION = "1.3.1";
    private static final List<String> INSTALL_ORDER = List.of(
            "schema/message-store.sql",
            "extensions/pgcrypto.sql",
            "tables/messages.sql",
            "types/message.sql",
            "functions/message-store-version.sql",
            "functions/hash-64.sql",
            "functions/acquire-lock.sql",
            "functions/category.sql",
            "functions/is-category.sql",
            "functions/id.sql",
            "functions/cardinal-id.sql",
            "functions/stream-version.sql",
            "functions/write-message.sql",
            "functions/get-stream-messages.sql",
            "functions/get-category-messages.sql",
            "functions/get-last-stream-message.sql",
            "indexes/messages-id.sql",
            "indexes/messages-stream.sql",
            "indexes/messages-category.sql");

    private static final String WRITE = "select message_store.write_message(?, ?, ?, ?::jsonb, null, ?)";
    private static final String WRITE_BATCH = """
            select count(message_store.write_message(gen_random_uuid()::text, ?, ?, ?::jsonb))
              from generate_series(1, ?)""";

    private final DataSource pool;

    private MessageDbPeer(DataSource pool) {
        this.pool = pool;
    }

    /**
     * Installs Message DB into the database behind {@code admin}, or says why not.
     *
     * @return the peer, or empty with the reason in {@code skipped[0]}
     */
    static Optional<MessageDbPeer> install(Connection admin, DataSource pool, String[] skipped) {
        try {
            Path home = Files.createTempDirectory("bigbox-bench-message-db");
            Path database = npmInstall(home);
            try (var s = admin.createStatement()) {
                for (String file : INSTALL_ORDER) {
                    s.execute(Files.readString(database.resolve(file)));
                }
            }
            return Optional.of(new MessageDbPeer(pool));
        } catch (NpmMissing e) {
            skipped[0] = "Message DB: skipped, npm not found";
        } catch (IOException | SQLException | InterruptedException e) {
            skipped[0] = "Message DB: skipped, installing it failed: " + e.getMessage();
        }
        return Optional.empty();
    }

    private static final class NpmMissing extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static Path npmInstall(Path home) throws IOException, InterruptedException, NpmMissing {
        Process npm;
        try {
            npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            home.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--silent",
                            "@eventide/message-db@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new NpmMissing();
        }
        if (!npm.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm install @eventide/message-db@" + VERSION + " failed: "
                    + Files.readString(home.resolve("npm.log")).strip());
        }
        return home.resolve("node_modules/@eventide/message-db/database");
    }

    /** One message, one transaction; {@code expectedVersion} null appends unconditionally (Message DB numbers from 0). */
    void write(String stream, String type, String data, Long expectedVersion) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(WRITE)) {
            bind(s, stream, type, data, expectedVersion);
            s.executeQuery().close();
        }
    }

    /**
     * {@code size} messages of one stream in one transaction and one round trip: write_message once per
     * message, in order, from one statement (its own client writes a batch message by message).
     */
    void writeBatch(String stream, String type, String data, int size) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(WRITE_BATCH)) {
            s.setString(1, stream);
            s.setString(2, type);
            s.setString(3, data);
            s.setInt(4, size);
            s.executeQuery().close();
        }
    }

    private static void bind(PreparedStatement s, String stream, String type, String data, Long expectedVersion)
            throws SQLException {
        s.setString(1, UUID.randomUUID().toString());
        s.setString(2, stream);
        s.setString(3, type);
        s.setString(4, data);
        if (expectedVersion == null) {
            s.setNull(5, java.sql.Types.BIGINT);
        } else {
            s.setLong(5, expectedVersion);
        }
    }
}
