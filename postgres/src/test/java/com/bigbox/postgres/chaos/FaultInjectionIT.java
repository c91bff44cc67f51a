package com.bigbox.postgres.chaos;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultInjectingHandler;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.core.EventFilter;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fault declared once in the database reaches the handlers of every instance: two nodes share a
 * durable subscription wrapped in the fault-injecting handler, one dies mid-stream, and exactly the
 * events the fault selects are dropped — the same ones whichever node handled them — while protected
 * types always pass.
 */
class FaultInjectionIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static SubscriptionHandler recording(String node) {
        return (event, work) -> {
            try (var s = work.unwrap(Connection.class)
                    .prepareStatement("insert into handled (event_id, node) values (?, ?)")) {
                s.setObject(1, event.eventId());
                s.setString(2, node);
                s.executeUpdate();
            }
        };
    }

    static Set<UUID> handled() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select event_id from handled")) {
            var ids = new HashSet<UUID>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    @Test
    void aDatabaseDeclaredFaultDropsTheSameEventsOnEveryInstanceAndNeverAProtectedOne() throws Exception {
        try (var a = new Database(DatabaseUrl.parse(db.jdbcUrl()), 6, "fault-a");
                var b = new Database(DatabaseUrl.parse(db.jdbcUrl()), 6, "fault-b")) {
            Migrations.apply(a.pool());
            try (var faultsA = PgActiveFaults.start(a.pool(), "fault-a");
                    var faultsB = PgActiveFaults.start(b.pool(), "fault-b")) {
                dropsTheSameEvents(a, b, faultsA, faultsB);
            }
        }
    }

    private void dropsTheSameEvents(Database a, Database b, PgActiveFaults faultsA, PgActiveFaults faultsB)
            throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("create table handled (event_id uuid not null, node text not null)");
        }
        Fault fault = dropsHalfOfAgentTest();
        new ChaosControl(a.pool()).inject(fault);
        // A declared fault reaches an instance within PgActiveFaults.REFRESH: the events are written once both see it.
        await().atMost(10, SECONDS)
                .until(() -> Stream.of(faultsA, faultsB)
                        .allMatch(f ->
                                f.current().stream().anyMatch(seen -> seen.id().equals(fault.id()))));
        EventFilter filter = EventFilter.types("LEAD_RECEIVED", "PAYMENT_RECEIVED");
        PgNode nodeA = PgNode.start(a, "fault-a");
        List<UUID> leads = new ArrayList<>();
        List<UUID> payments = new ArrayList<>();
        try (PgNode nodeB = PgNode.start(b, "fault-b")) {
            nodeA.subscriptions()
                    .subscribe(
                            "agent:test",
                            filter,
                            Position.START,
                            FaultInjectingHandler.wrap("agent:test", recording("a"), faultsA, Clock.systemUTC()));
            await().atMost(5, SECONDS).until(() -> nodeA.subscriptions().owns("agent:test"));
            nodeB.subscriptions()
                    .subscribe(
                            "agent:test",
                            filter,
                            Position.START,
                            FaultInjectingHandler.wrap("agent:test", recording("b"), faultsB, Clock.systemUTC()));
            for (int i = 0; i < 300; i++) {
                var lead = NewEvent.of("LEAD_RECEIVED", "{}");
                nodeA.store().append(StreamId.of("LEAD", "l-" + i), lead);
                leads.add(lead.eventId());
                if (i % 10 == 0) {
                    var payment = NewEvent.of("PAYMENT_RECEIVED", "{}");
                    nodeA.store().append(StreamId.of("INVOICE", "i-" + i), payment);
                    payments.add(payment.eventId());
                }
                if (i == 150) {
                    nodeA.close();
                }
            }
            Set<UUID> expected = new HashSet<>(payments);
            leads.stream().filter(id -> !fault.selects(id)).forEach(expected::add);
            await().atMost(30, SECONDS).until(() -> handled().size() == expected.size());
            assertThat(handled()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(handled()).containsAll(payments);
            long dropped = leads.stream().filter(fault::selects).count();
            assertThat(dropped).as("about half at high intensity").isBetween(100L, 200L);
            // Hits are written by each instance's fault loop, a moment after the handler.
            await().atMost(30, SECONDS).until(() -> droppedHits().getFirst() == dropped);
            assertThat(droppedHits())
                    .as("every drop recorded once, by both instances")
                    .containsExactly(dropped, 2L);
            try (Connection c = db.connect();
                    var s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from handled group by event_id having count(*) > 1")) {
                assertThat(rs.next()).as("no event handled twice").isFalse();
            }
        } finally {
            nodeA.close();
        }
    }

    /** A fault in force for five minutes that drops about half of the events of the subscription agent:test. */
    static Fault dropsHalfOfAgentTest() {
        Instant now = Instant.now();
        return new Fault(
                UUID.randomUUID(),
                null,
                FaultKind.DROP_EVENT,
                Intensity.HIGH,
                "agent:test",
                Set.of(),
                null,
                null,
                0,
                now.minusSeconds(1),
                now.plus(Duration.ofMinutes(5)));
    }

    // How many drops were recorded, and by how many instances.
    private List<Long> droppedHits() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select count(*), count(distinct instance) from chaos_fault_hits where effect = 'dropped'")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        }
    }

    @Test
    void theDatabaseRefusesAFaultOnAProtectedType() throws Exception {
        try (var a = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "fault-check")) {
            Migrations.apply(a.pool());
            try (Connection c = db.connect();
                    var s = c.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> s.execute(
                                        "insert into chaos_faults (kind, intensity, target_event_types, ends_at) "
                                                + "values ('drop_event', 'high', array['INVOICE_ISSUED'], now() + interval '1 minute')"))
                        .hasMessageContaining("chaos_faults_target_event_types_check");
            }
        }
    }
}
