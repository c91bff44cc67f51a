package com.bigbox.app.simulation;

import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.EmbeddedDatabase;
import com.bigbox.postgres.scratch.ScratchServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A server to put each run's database on: the one {@code DATABASE_URL} (or {@code --database-url}) names, or an
 * embedded PostgreSQL in a temporary directory. Each run gets a fresh database, dropped afterwards unless kept,
 * so a simulation never touches the data of a real deployment.
 */
public final class ScratchDatabases implements AutoCloseable {
    private final String serverUrl;
    private final EmbeddedDatabase embedded;

    private ScratchDatabases(String serverUrl, EmbeddedDatabase embedded) {
        this.serverUrl = serverUrl;
        this.embedded = embedded;
    }

    /** On the server of {@code url} (any database of it; the user must be allowed to create databases). */
    public static ScratchDatabases on(String url) {
        DatabaseUrl.parse(url); // fails with a message naming what is wrong
        return new ScratchDatabases(url.strip(), null);
    }

    /** On an embedded PostgreSQL with its data under {@code directory}, stopped when this closes. */
    public static ScratchDatabases embedded(Path directory) throws IOException {
        EmbeddedDatabase db = EmbeddedDatabase.start(directory.resolve("pgdata"), 0);
        return new ScratchDatabases("postgresql://postgres@127.0.0.1:" + db.port() + "/postgres", db);
    }

    /** Creates database {@code name} and returns its URL in the form the server's URL was given. */
    public String create(String name) {
        ScratchServer.create(DatabaseUrl.parse(serverUrl), name);
        return urlOf(name);
    }

    public void drop(String name) {
        ScratchServer.drop(DatabaseUrl.parse(serverUrl), name);
    }

    public String urlOf(String name) {
        boolean jdbc = serverUrl.startsWith("jdbc:");
        try {
            URI uri = new URI(jdbc ? serverUrl.substring(5) : serverUrl);
            URI named = new URI(
                    uri.getScheme(),
                    uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    uri.getHost(),
                    uri.getPort(),
                    "/" + ScratchServer.checkedName(name),
                    uri.getQuery(),
                    null);
            return (jdbc ? "jdbc:" : "") + named;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database URL is not a valid URI: " + e.getReason(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
