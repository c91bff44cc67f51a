package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.bigbox.testkit.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed guide's Supabase path with the commands a user types (issue 11, §1): the schema file applied by
 * psql to a database that also holds the user's own tables, then {@code bigbox migrate}, {@code load-sops} and
 * {@code up} as processes. They must recognise the schema the file made and add only newer migrations.
 */
class SupabasePathIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path MIGRATIONS = ROOT.resolve("postgres/src/main/resources/db/migration");

    /** The file as shipped. */
    @RegisterExtension
    static final TestDatabase current = new TestDatabase();

    /** The file as it was before the newest migration: the engine adds that one on top. */
    @RegisterExtension
    static final TestDatabase older = new TestDatabase();

    @TempDir
    Path directory;

    @Test
    void theShippedFileAppliedWithPsqlLeavesTheEngineNothingToApply() throws Exception {
        ownTable(current);
        Tools.psql(current.databaseUrl(), ROOT.resolve("supabase/migrations/001_autonomic_engine_schema.sql"));
        assertThat(run(current, "migrate")).contains("applied 0 migration(s); schema is current");
        assertThat(strings(current, "select name from my_own_customers")).containsExactly("mine");
    }

    @Test
    void onTheFileOfAnOlderVersionMigrateLoadSopsAndUpWorkAndTheNewerMigrationAppliesOnTop() throws Exception {
        List<Path> files = migrationFiles();
        Path newest = files.getLast();
        Path file = Files.createTempFile("supabase-below-" + version(newest), ".sql");
        try {
            Files.writeString(
                    file,
                    Tools.run(List.of(
                            ROOT.resolve("scripts/supabase-schema").toString(),
                            "--below",
                            String.valueOf(version(newest)))));
            ownTable(older);
            Tools.psql(older.databaseUrl(), file);
        } finally {
            Files.delete(file);
        }
        assertThat(strings(older, "select count(*)::text from flyway_schema_history"))
                .containsExactly(String.valueOf(files.size() - 1));

        assertThat(run(older, "migrate")).contains("applied 1 migration(s); schema is current");
        assertThat(strings(
                        older,
                        "select script from flyway_schema_history where success order by installed_rank desc limit 1"))
                .as("the newer migration, on top of the file's")
                .containsExactly(newest.getFileName().toString());

        String loaded = run(older, "load-sops", ROOT.resolve("sops").toString());
        assertThat(loaded).containsPattern("[1-9]\\d* loaded");
        assertThat(strings(older, "select count(*)::text from sop_definitions")).doesNotContain("0");

        try (var up = EngineProcess.start(directory, env(older), "up", "--port", "0")) {
            up.awaitListening();
            assertThat(up.output()).doesNotContain("non-empty schema", "baseline");
            assertThat(up.stop()).as("a clean stop:\n" + up.output()).isIn(0, 130, 143);
        }
        assertThat(strings(older, "select count(*)::text from flyway_schema_history where success"))
                .as("up applied nothing more")
                .containsExactly(String.valueOf(files.size()));
        assertThat(strings(older, "select name from my_own_customers"))
                .as("the user's own table, untouched")
                .containsExactly("mine");
    }

    // The user's own table, there before the engine's schema, as in a Supabase project in use.
    private static void ownTable(TestDatabase database) throws SQLException {
        try (Connection c = database.connect();
                var s = c.createStatement()) {
            s.execute("create table my_own_customers (id int primary key, name text)");
            s.execute("insert into my_own_customers values (1, 'mine')");
        }
    }

    private String run(TestDatabase database, String... args) throws Exception {
        try (var command = EngineProcess.start(directory, env(database), args)) {
            assertThat(command.awaitExit(Duration.ofMinutes(3)))
                    .as(String.join(" ", args) + ":\n" + command.output())
                    .isZero();
            return command.output();
        }
    }

    private static Map<String, String> env(TestDatabase database) {
        return Map.of("DATABASE_URL", database.databaseUrl(), "BIGBOX_JWT_SECRET", AccessTesting.SECRET);
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            return list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(SupabasePathIT::version))
                    .toList();
        }
    }

    private static int version(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> strings(TestDatabase database, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (Connection c = database.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
