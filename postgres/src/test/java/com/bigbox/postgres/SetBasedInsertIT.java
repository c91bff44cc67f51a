package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Multi-row inserts through the trigger (V76): a stream's version row is written once per run of its
 * events, and every numbering rule holds as when it was written per event — dense numbers in insert
 * order, a named number checked against the stream, the version row equal to the last number, across
 * statements, reservations, savepoints and concurrent writers.
 */
class SetBasedInsertIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "set-based-it");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    // Inserts one event per name, in order, into streams of type t, in one statement.
    private static void insert(Statement s, String t, String... ids) throws SQLException {
        s.executeUpdate("insert into events (event_type, aggregate_type, aggregate_id, payload) "
                + "select 'E', '" + t + "', id, '{}' from unnest(array['" + String.join("','", ids)
                + "']) with ordinality as x(id, n) order by n");
    }

    private static List<String> numbers(Statement s, String t) throws SQLException {
        return numbers(s, t, "global_position");
    }

    // Per stream of type t: "id:numbers in the given order=the stream's version".
    private static List<String> numbers(Statement s, String t, String order) throws SQLException {
        var out = new ArrayList<String>();
        try (var rs = s.executeQuery("select aggregate_id || ':' || string_agg(sequence_number::text, ',' order by "
                + order + ") || '=' || (select version from event_streams v where v.aggregate_type = e.aggregate_type "
                + "and v.aggregate_id = e.aggregate_id) from events e where aggregate_type = '" + t
                + "' group by e.aggregate_type, e.aggregate_id order by e.aggregate_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String type() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void runsAndInterleavedStreamsAreNumberedDenselyWithTheirVersionRowsCurrent() throws SQLException {
        String t = type();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            insert(s, t, "a", "a", "b", "b", "a", "a", "c", "b", "a");
            insert(s, t, "c", "c", "b");
            assertThat(numbers(s, t)).containsExactly("a:1,2,3,4,5=5", "b:1,2,3,4=4", "c:1,2,3=3");
        }
    }

    @Test
    void aNamedNumberInARunIsCheckedAndAWrongOneStoresNothing() throws SQLException {
        String t = type();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            String insert = "insert into events (event_type, aggregate_type, aggregate_id, sequence_number, payload) "
                    + "select 'E', '" + t + "', 'x', n, '{}' from unnest(?::bigint[]) n";
            s.executeUpdate(insert.replace("?", "'{1,2,3}'"));
            assertThatThrownBy(() -> s.executeUpdate(insert.replace("?", "'{4,5,7}'")))
                    .hasMessageContaining("wrong expected version")
                    .hasMessageContaining("expected version 6, stream is at version 5");
            assertThatThrownBy(() -> s.executeUpdate(insert.replace("?", "'{3}'")))
                    .hasMessageContaining("expected version 2, stream is at version 3");
            s.executeUpdate(insert.replace("?", "'{4,5}'"));
            assertThat(numbers(s, t)).containsExactly("x:1,2,3,4,5=5");
        }
    }

    @Test
    void statementsReservationsAndSavepointsOfOneTransactionKeepTheVersionRowRight() throws SQLException {
        String t = type();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            insert(s, t, "y", "y", "y");
            insert(s, t, "y", "y");
            s.execute("select events_reserve('" + t + "', 'y', 2, 5)");
            s.executeUpdate("insert into events (event_type, aggregate_type, aggregate_id, sequence_number, payload) "
                    + "values ('E', '" + t + "', 'y', 6, '{}'), ('E', '" + t + "', 'y', 7, '{}')");
            insert(s, t, "y", "z", "y");
            var savepoint = c.setSavepoint();
            insert(s, t, "y", "y", "z");
            c.rollback(savepoint);
            insert(s, t, "y");
            c.commit();
            assertThat(numbers(s, t)).containsExactly("y:1,2,3,4,5,6,7,8,9,10=10", "z:1=1");
        }
    }

    @Test
    void concurrentMultiRowInsertsIntoTheSameStreamsGetDenseNumbers() throws Exception {
        String t = type();
        int writers = 6;
        int statements = 10;
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = db.connect();
                            Statement s = c.createStatement()) {
                        start.await();
                        for (int i = 0; i < statements; i++) {
                            insert(s, t, "p", "p", "q", "q", "q", "r");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            // Writers draw global positions before they wait for a stream's row: the numbers are dense, not
            // necessarily in position order.
            assertThat(numbers(s, t, "sequence_number"))
                    .containsExactly(
                            "p:" + dense(2 * writers * statements),
                            "q:" + dense(3 * writers * statements),
                            "r:" + dense(writers * statements));
        }
    }

    // "1,2,...,n=n": numbers 1 to n in the order they were stored, and the version row at n.
    private static String dense(int n) {
        var b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "" : ",").append(i);
        }
        return b.append('=').append(n).toString();
    }
}
