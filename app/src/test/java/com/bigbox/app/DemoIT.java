package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bigbox demo} never touches a database with real data, and it ends with a summary. */
class DemoIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path directory;

    @BeforeAll
    static void aRealDatabaseWithAnEvent() throws Exception {
        TestEngines.start(db, "demo-real").close(); // the engine's schema
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                            + "values ('CLIENT_NOTE_ADDED', gen_random_uuid(), 'CLIENT', 'real-client', '{\"note\": \"real\"}', 'someone')");
        }
    }

    @Test
    void byDefaultTheDemoRunsOnItsOwnScratchDatabaseEvenWithDatabaseUrlSet() throws Exception {
        long before = events();
        Cli.Run run = Cli.run(
                Settings.of(Map.of("DATABASE_URL", db.databaseUrl()), directory),
                "demo",
                "--leads",
                "2",
                "--seed",
                "7");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("demo: running on its own scratch database postgresql://postgres@127.0.0.1:")
                .contains("deleted when the demo ends")
                .contains("DATABASE_URL is not used")
                .containsPattern("demo: 2 stories told in \\d+ s")
                .contains("Approvals by status:");
        assertThat(run.err()).contains("told 2/2 stories");
        assertThat(events()).as("the real database is untouched").isEqualTo(before);
    }

    @Test
    void aNamedDatabaseThatHoldsEventsIsRefusedWithoutTheFlag() throws Exception {
        long before = events();
        assertThat(before).isPositive();
        Cli.Run run = Cli.run(Settings.of(Map.of(), directory), "demo", "--database-url", db.databaseUrl());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds " + before + " events already").contains("--allow-existing-events");
        assertThat(events()).isEqualTo(before);
    }

    private static long events() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
