package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.chaos.PgActiveFaults;
import com.bigbox.testkit.DerivedTables;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/** One engine instance with all of autonomic operations on a test database, on a clock the test moves. */
public final class AutonomicHarness implements AutoCloseable {
    public static final Path SOPS =
            Path.of(System.getProperty("user.dir")).getParent().resolve("sops");

    private final TestDatabase db;
    private final Database database;
    private final PgNode node;
    private final PostgresAdapters adapters;
    private final AutonomicOperations ops;
    private final PgActiveFaults faults; // null without chaos

    private AutonomicHarness(
            TestDatabase db,
            Database database,
            PgNode node,
            PostgresAdapters adapters,
            AutonomicOperations ops,
            PgActiveFaults faults) {
        this.db = db;
        this.database = database;
        this.node = node;
        this.adapters = adapters;
        this.ops = ops;
        this.faults = faults;
    }

    public static AutonomicHarness start(TestDatabase db, String name, MutableClock clock) {
        return start(db, name, clock, ShippedAgents.all());
    }

    public static AutonomicHarness start(TestDatabase db, String name, MutableClock clock, List<Agent> agents) {
        return start(db, name, clock, agents, AutonomicOperations.Settings.defaults());
    }

    public static AutonomicHarness start(
            TestDatabase db,
            String name,
            MutableClock clock,
            List<Agent> agents,
            AutonomicOperations.Settings settings) {
        return start(db, name, clock, agents, settings, false);
    }

    /** @param chaos whether the chaos faults declared in the database reach this instance */
    public static AutonomicHarness start(
            TestDatabase db,
            String name,
            MutableClock clock,
            List<Agent> agents,
            AutonomicOperations.Settings settings,
            boolean chaos) {
        var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 12, name);
        Migrations.apply(database.pool());
        PgNode node = PgNode.start(database, name, null, Duration.ofMillis(100));
        PgActiveFaults declared = chaos ? PgActiveFaults.start(database.pool(), name) : null;
        ActiveFaults faults = declared == null ? ActiveFaults.NONE : declared;
        PostgresAdapters adapters = PostgresAdapters.start(node, clock, Duration.ofMillis(100), faults);
        var ops = new AutonomicOperations(
                        adapters.ports(),
                        clock,
                        Reasoner.rules(),
                        settings,
                        agents,
                        GoLive.fromFirstEvent(),
                        Doctrine.shipped())
                .start();
        return new AutonomicHarness(db, database, node, adapters, ops, declared);
    }

    public AutonomicOperations ops() {
        return ops;
    }

    public PgNode node() {
        return node;
    }

    public Database database() {
        return database;
    }

    public PostgresAdapters adapters() {
        return adapters;
    }

    public <T> T tx(Function<UnitOfWork, T> work) {
        return node.store().inTransaction(work);
    }

    public SopLoader.Report loadShippedSops() {
        return tx(w -> ops.sopLoader().load(w, shippedSops(), "test"));
    }

    public static List<SopFile> shippedSops() {
        try (Stream<Path> files = Files.list(SOPS)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new SopFile(p.getFileName().toString(), Files.readString(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fact a person or an outside system posts (a meeting's notes, a payment), at the clock's time, as the API does. */
    public RecordedEvent post(StreamId stream, String type, String payload, String by, MutableClock clock) {
        return tx(w -> w.append(
                        stream,
                        ExpectedVersion.any(),
                        List.of(Flows.continuing(
                                w,
                                stream,
                                NewEvent.of(type, payload).emittedBy(by).at(clock.instant()))))
                .events()
                .getFirst());
    }

    public List<RecordedEvent> flow(UUID correlation) {
        return events(
                "select event_id from events where correlation_id = ? order by transaction_seq, global_position",
                correlation);
    }

    public List<RecordedEvent> ofType(String type) {
        return events(
                "select event_id from events where event_type = ? order by transaction_seq, global_position", type);
    }

    /** A decision as the strategy agent would emit it at {@code at}, without running a whole flow first. */
    public RecordedEvent strategyDecision(
            String type, double confidence, String payload, String actionClass, Instant at) {
        String metadata =
                "{\"reasons\": [\"test\"], \"action_class\": \"" + actionClass + "\", \"summary\": \"test decision\"}";
        return node.store()
                .append(
                        StreamId.of("QUOTE", "Q-" + UUID.randomUUID()),
                        ExpectedVersion.any(),
                        List.of(new NewEvent(
                                UUID.randomUUID(),
                                type,
                                payload,
                                metadata,
                                null,
                                null,
                                "StrategyAgent",
                                Confidence.of(confidence),
                                at)))
                .events()
                .getFirst();
    }

    private List<RecordedEvent> events(String sql, Object param) {
        var ids = new ArrayList<UUID>();
        query(sql, rs -> ids.add(rs.getObject(1, UUID.class)), param);
        return ids.stream().map(id -> node.store().find(id).orElseThrow()).toList();
    }

    public RecordedEvent awaitEvent(String type, java.util.function.Predicate<RecordedEvent> matching) {
        await().atMost(20, SECONDS).until(() -> ofType(type).stream().anyMatch(matching));
        return ofType(type).stream().filter(matching).findFirst().orElseThrow();
    }

    /** The release (execution or human decision) of the decision {@code decisionId}. */
    public RecordedEvent awaitRelease(UUID decisionId) {
        await().atMost(20, SECONDS).until(() -> releaseOf(decisionId) != null);
        return releaseOf(decisionId);
    }

    private RecordedEvent releaseOf(UUID decisionId) {
        for (String type : List.of(
                "AUTONOMIC_DECISION_EXECUTED", "HUMAN_APPROVAL_GRANTED", "HUMAN_OVERRIDE", "APPROVED_BY_SILENCE")) {
            for (RecordedEvent e : ofType(type)) {
                if (e.payload().contains(decisionId.toString())) {
                    return e;
                }
            }
        }
        return null;
    }

    public Approval awaitPendingApproval(UUID decisionId) {
        await().atMost(20, SECONDS).until(() -> pendingFor(decisionId) != null);
        return pendingFor(decisionId);
    }

    private Approval pendingFor(UUID decisionId) {
        return tx(w -> ops.approvals().list(w, ApprovalFilter.pending().withLimit(500))).stream()
                .filter(a -> a.eventId().equals(decisionId))
                .findFirst()
                .orElse(null);
    }

    /** Every subscription has handled everything committed so far. */
    public void awaitQuiet() {
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            Position head = node.store().head();
            Map<String, Long> positions = new LinkedHashMap<>();
            query(
                    "select subscription_name, global_position from subscription_checkpoints",
                    rs -> positions.put(rs.getString(1), rs.getLong(2)));
            return ops.subscriptionNames().stream().allMatch(n -> positions.containsKey(n) && caughtUp(n, head));
        });
    }

    private boolean caughtUp(String name, Position head) {
        long[] lag = new long[1];
        query("""
                select count(*) from events e, subscription_checkpoints c
                 where c.subscription_name = ? and (e.transaction_seq, e.global_position) > (c.transaction_seq, c.global_position)
                   and (e.transaction_seq, e.global_position) <= (?, ?)""", rs -> lag[0] = rs.getLong(1), name, head.transactionSeq(), head.globalPosition());
        return lag[0] == 0;
    }

    @FunctionalInterface
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    public void query(String sql, Row row, Object... params) {
        try (Connection c = db.connect();
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every table derived from events, as {@link DerivedTables} compares them. */
    public Map<String, List<String>> derivedTables() {
        try (Connection c = db.connect()) {
            return DerivedTables.snapshot(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query as text, one string per row, for comparisons. */
    public List<String> rows(String sql, Object... params) {
        var rows = new ArrayList<String>();
        query(
                sql,
                rs -> {
                    var cells = new ArrayList<String>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" | ", cells));
                },
                params);
        return rows;
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ops.close();
        adapters.close();
        if (faults != null) {
            faults.close();
        }
        node.close();
        database.close();
    }
}
