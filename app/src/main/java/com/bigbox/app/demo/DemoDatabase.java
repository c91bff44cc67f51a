package com.bigbox.app.demo;

import com.bigbox.app.simulation.ScratchDatabases;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.scratch.ScratchServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the demo writes. Its accelerated clock decides pending approvals by silence and dates its events in
 * the future, so it never runs inside a database with real data: by default on a scratch database of an
 * embedded PostgreSQL under a temporary directory, deleted when the demo ends; in a database the user names
 * only when that database holds no events, or when the user says explicitly that it may.
 */
public final class DemoDatabase implements AutoCloseable {
    private final String url;
    private final String where;
    private final ScratchDatabases scratch;
    private final Path temporary;

    private DemoDatabase(String url, String where, ScratchDatabases scratch, Path temporary) {
        this.url = url;
        this.where = where;
        this.scratch = scratch;
        this.temporary = temporary;
    }

    /** A fresh database on an embedded PostgreSQL whose files live under a new temporary directory. */
    public static DemoDatabase scratch() throws IOException {
        Path temporary = Files.createTempDirectory("bigbox-demo-");
        ScratchDatabases server = ScratchDatabases.embedded(temporary);
        String url = server.create("demo");
        return new DemoDatabase(
                url,
                "its own scratch database " + url + " (embedded PostgreSQL under " + temporary
                        + ", deleted when the demo ends)",
                server,
                temporary);
    }

    /** The database {@code url} itself, refused when it holds events, unless {@code allowExistingEvents}. */
    public static DemoDatabase given(String url, boolean allowExistingEvents) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        long events = ScratchServer.events(parsed);
        if (events > 0 && !allowExistingEvents) {
            throw new RefusedException(parsed.display() + " holds " + events + " events already. The demo's clock runs "
                    + "fast: it would decide that database's pending approvals by silence and add future-dated events. "
                    + "Run 'bigbox demo' without --database-url (it makes its own scratch database), or add "
                    + "--allow-existing-events to run there anyway.");
        }
        return new DemoDatabase(
                url,
                "the database you named, " + parsed.display()
                        + (events > 0 ? " (it held " + events + " events before)" : ""),
                null,
                null);
    }

    public String url() {
        return url;
    }

    /** Where the demo runs, in words for the user. */
    public String where() {
        return where;
    }

    /** A temporary directory for the demo engine's own files, or null when the user named the database. */
    public Path temporary() {
        return temporary;
    }

    @Override
    public void close() throws IOException {
        if (scratch == null) {
            return;
        }
        scratch.close();
        try (Stream<Path> files = Files.walk(temporary)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The user's database holds other events and the user did not say the demo may run there. */
    public static final class RefusedException extends IllegalStateException {
        public RefusedException(String message) {
            super(message);
        }
    }
}
