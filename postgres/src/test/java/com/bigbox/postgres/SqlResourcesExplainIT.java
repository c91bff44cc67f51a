package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query kept in a {@code .sql} resource of this module is planned against the migrated schema, so a
 * renamed column or a dropped table fails the build instead of the first request that runs the query. Each
 * file is prepared on the server (parse analysis: names, types, parameter types) and then explained with
 * every parameter null (planning); nothing is executed. Migrations are excluded: Flyway runs them.
 *
 * <p>PREPARE takes only select, insert, update, delete, merge and values. The other kinds a file may hold are listed
 * in {@link #RUN_AND_ROLLED_BACK}: their effects are transactional (LISTEN, UNLISTEN and NOTIFY act at commit, SET is
 * undone by a rollback; a LOCK ends with the transaction and CREATE or DROP of a trigger is undone by the rollback),
 * so such a file is run in a transaction that is rolled back, where the server still checks it (a misspelt setting,
 * a bad value or channel name, a missing table or function fails) and nothing is left behind. Every file is checked
 * one way or the other; none is skipped.
 */
class SqlResourcesExplainIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** A JDBC placeholder: a {@code ?} that is not part of a jsonb operator ({@code ?|}, {@code ?&}, {@code ??}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![?])\\?(?![?|&])");

    /** The statement kinds PREPARE refuses, checked by running them in a transaction that is rolled back. */
    private static final Pattern RUN_AND_ROLLED_BACK =
            Pattern.compile("(?is)^(listen|unlisten|notify|set|lock|create|drop)\\s.*");

    static Database database;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "sql-explain");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyQueryFileIsPlannedAgainstTheMigratedSchema() throws Exception {
        List<Path> files = queryFiles();
        assertThat(files).as("the module's .sql resources").hasSizeGreaterThan(20);
        List<String> broken = new ArrayList<>();
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            for (Path file : files) {
                String name = root().relativize(file).toString();
                String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8))
                        .strip();
                if (sql.endsWith(";")) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                try {
                    if (RUN_AND_ROLLED_BACK.matcher(sql).matches()) {
                        runAndRollBack(c, s, sql);
                    } else {
                        prepareAndExplain(s, sql);
                    }
                } catch (java.sql.SQLException e) {
                    broken.add(name + ": " + e.getMessage());
                } finally {
                    s.execute("deallocate all");
                }
            }
        }
        assertThat(broken).as("queries that no longer plan against the schema").isEmpty();
    }

    @Test
    void aBrokenQueryIsCaught() throws Exception {
        // The check itself can fail: a query naming a column the schema does not have is refused at prepare.
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            var refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> s.execute("prepare checked as select no_such_column from events where event_id = $1"));
            assertThat(refused).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("no_such_column");
        }
    }

    @Test
    void aBrokenStatementThatCannotBePreparedIsCaught() throws Exception {
        // The statements run and rolled back are checked too: a setting the server does not know is refused.
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            String sql = "set no_such_setting_of_bigbox = off";
            assertThat(RUN_AND_ROLLED_BACK.matcher(sql).matches()).isTrue();
            var refused = org.assertj.core.api.Assertions.catchThrowable(() -> runAndRollBack(c, s, sql));
            assertThat(refused).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("no_such_setting");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private static void prepareAndExplain(java.sql.Statement s, String sql) throws java.sql.SQLException {
        Numbered numbered = countAndNumber(sql);
        s.execute("prepare checked as " + numbered.sql());
        s.execute("explain execute checked"
                + (numbered.parameters() == 0
                        ? ""
                        : "(" + String.join(", ", Collections.nCopies(numbered.parameters(), "null")) + ")"));
    }

    // LISTEN, UNLISTEN and NOTIFY take effect at commit; SET, LOCK and trigger DDL are undone by the rollback: nothing
    // outlives the check.
    private static void runAndRollBack(Connection c, java.sql.Statement s, String sql) throws java.sql.SQLException {
        c.setAutoCommit(false);
        try {
            s.execute(sql);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private record Numbered(String sql, int parameters) {}

    private static Numbered countAndNumber(String sql) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(out, "\\$" + ++n);
        }
        m.appendTail(out);
        return new Numbered(out.toString(), n);
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "");
    }

    /** The module's resource sources (the tests run in the module's directory; the classes may be a jar). */
    private static Path root() {
        return Path.of("src/main/resources").toAbsolutePath();
    }

    private static List<Path> queryFiles() throws IOException {
        Path root = root();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".sql"))
                    .filter(p -> !p.startsWith(root.resolve("db")))
                    .sorted()
                    .toList();
        }
    }
}
