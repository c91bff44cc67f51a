package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, hole 2: client A posted PROJECT_CANCELLED to client B's PROJECT/proj-beta with its own client_id
 * and it was stored as B's event. A stream belongs to the client of its first event; a client's append to
 * another client's stream is refused on every surface, with an answer that reveals neither the stream's
 * version nor whether an event id exists. Default settings, but for the agents.
 */
class StreamOwnershipIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static String alpha;
    static String beta;
    static String betaEventId;

    @BeforeAll
    static void start() throws Exception {
        // The agents would append to the projects' streams themselves; the counts below are the clients' alone.
        access = AccessTesting.start(db, "ownership", Map.of("BIGBOX_AGENTS", "off"));
        alpha = SecurityIT.user(access, "alpha@example.com", "client", "client-alpha");
        beta = SecurityIT.user(access, "beta@example.com", "client", "client-beta");
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("""
                    insert into events (event_type, aggregate_type, aggregate_id, payload) values
                      ('PROJECT_CREATED', 'PROJECT', 'proj-beta', '{"client_id": "client-beta", "name": "Beta launch"}'),
                      ('PROJECT_STARTED', 'PROJECT', 'proj-beta', '{"client_id": "client-beta"}'),
                      ('PROJECT_MILESTONE_REACHED', 'PROJECT', 'proj-beta', '{"client_id": "client-beta"}');
                    """);
            try (var rs = s.executeQuery(
                    "select event_id from events where aggregate_id = 'proj-beta' and sequence_number = 2")) {
                rs.next();
                betaEventId = rs.getString(1);
            }
        }
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aClientCannotAppendToAnotherClientsStreamOnAnySurfaceAndLearnsNothing() throws Exception {
        String cancel =
                "{\"event_type\":\"PROJECT_CANCELLED\",\"aggregate_type\":\"PROJECT\",\"aggregate_id\":\"proj-beta\","
                        + "\"payload\":{\"client_id\":\"client-alpha\",\"reason\":\"hostile\"}";
        List<AccessTesting.Response> answers = List.of(
                access.post("/rest/v1/events", alpha, cancel + "}"),
                access.post("/rest/v1/events", alpha, cancel + ",\"sequence_number\":4}"),
                access.post("/rest/v1/rpc/append_event", alpha, appendEvent(3)),
                access.post("/rest/v1/rpc/append_event", alpha, appendEvent(null)),
                access.post("/api/v1/events", alpha, cancel + "}"),
                access.post("/api/v1/events", alpha, cancel + ",\"expected_version\":3}"),
                // the original's path takes only catalogued types (PROJECT_CANCELLED is not one: 400 for anyone)
                access.post(
                        "/api/events",
                        alpha,
                        "{\"event_type\":\"PROJECT_COMPLETED\",\"entity_type\":\"PROJECT\","
                                + "\"entity_id\":\"proj-beta\",\"payload\":{\"client_id\":\"client-alpha\"}}"),
                access.post("/graphql/v1", alpha, graphqlAppend("proj-beta", "client-alpha", "expectedVersion: 3")),
                access.post("/graphql/v1", alpha, graphqlAppend("proj-beta", "client-alpha", "")));
        for (var answer : answers) {
            assertRefusedRevealingNothing(answer);
        }
        assertThat(count("select count(*) from events where aggregate_id = 'proj-beta'"))
                .isEqualTo(3);
        assertThat(
                        count(
                                "select count(*) from events where payload ->> 'client_id' = 'client-alpha' and aggregate_id like 'proj-beta%'"))
                .isZero();
        assertThat(count("select version from event_streams where aggregate_id = 'proj-beta'"))
                .isEqualTo(3);
    }

    @Test
    void aClientCannotWriteAnotherClientsIdIntoItsOwnOrANewStream() throws Exception {
        assertRefusedRevealingNothing(access.post(
                "/api/v1/events",
                alpha,
                "{\"event_type\":\"NOTE\",\"aggregate_type\":\"PROJECT\","
                        + "\"aggregate_id\":\"proj-new-1\",\"payload\":{\"client_id\":\"client-beta\"}}"));
        assertRefusedRevealingNothing(access.post(
                "/rest/v1/events",
                alpha,
                "{\"event_type\":\"NOTE\",\"aggregate_type\":\"PROJECT\","
                        + "\"aggregate_id\":\"proj-new-2\",\"payload\":{}}"));
        assertThat(count("select count(*) from event_streams where aggregate_id in ('proj-new-1', 'proj-new-2')"))
                .isZero();
    }

    @Test
    void anEventIdOfAnotherClientsStreamIsRefusedLikeAnyOtherRefusal() throws Exception {
        var reused = access.post(
                "/api/v1/events",
                alpha,
                "{\"event_id\":\"" + betaEventId + "\",\"event_type\":\"NOTE\","
                        + "\"aggregate_type\":\"PROJECT\",\"aggregate_id\":\"proj-alpha-ids\",\"payload\":{\"client_id\":\"client-alpha\"}}");
        assertRefusedRevealingNothing(reused);
        var compat = access.post(
                "/api/events",
                alpha,
                "{\"event_id\":\"" + betaEventId + "\",\"event_type\":\"PROJECT_STARTED\","
                        + "\"entity_type\":\"PROJECT\",\"entity_id\":\"proj-alpha-ids\",\"payload\":{\"client_id\":\"client-alpha\"}}");
        assertRefusedRevealingNothing(compat);
        assertThat(reused.body()).doesNotContain("Beta launch", "proj-beta");
    }

    @Test
    void aClientAppendsToItsOwnStreamsAndRetriesAreAnsweredWithWhatIsStored() throws Exception {
        String id = UUID.randomUUID().toString();
        String own = "{\"event_id\":\"" + id + "\",\"event_type\":\"PROJECT_CREATED\",\"aggregate_type\":\"PROJECT\","
                + "\"aggregate_id\":\"proj-alpha\",\"payload\":{\"client_id\":\"client-alpha\"}}";
        assertThat(access.post("/api/v1/events", alpha, own).status()).isEqualTo(201);
        assertThat(access.post("/api/v1/events", alpha, own).status()).isEqualTo(200);
        var next = access.post(
                "/rest/v1/rpc/append_event",
                alpha,
                "{\"p_event_type\":\"PROJECT_STARTED\",\"p_correlation_id\":null,"
                        + "\"p_causation_id\":null,\"p_aggregate_type\":\"PROJECT\",\"p_aggregate_id\":\"proj-alpha\","
                        + "\"p_payload\":{\"client_id\":\"client-alpha\"},\"p_metadata\":{},\"p_emitted_by\":\"portal\"}");
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(count("select version from event_streams where aggregate_id = 'proj-alpha'"))
                .isEqualTo(2);
        assertThat(access.get("/rest/v1/event_streams?select=aggregate_id", alpha)
                        .json()
                        .findValuesAsText("aggregate_id"))
                .containsExactly("proj-alpha");
        // B is not refused its own stream
        var betaOwn = access.post(
                "/api/v1/events",
                beta,
                "{\"event_type\":\"PROJECT_CANCELLED\",\"aggregate_type\":\"PROJECT\","
                        + "\"aggregate_id\":\"proj-beta-own\",\"payload\":{\"client_id\":\"client-beta\"}}");
        assertThat(betaOwn.status()).as(betaOwn.toString()).isEqualTo(201);
    }

    @Test
    void theDatabaseRefusesItToTheClientRoleWhateverTheSurface() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set local role authenticated");
                s.execute(
                        "select set_config('request.jwt.claims', '{\"role\":\"authenticated\",\"app_role\":\"client\","
                                + "\"client_id\":\"client-alpha\"}', true)");
                s.execute(
                        "insert into events (event_type, aggregate_type, aggregate_id, payload, sequence_number) "
                                + "values ('PROJECT_CANCELLED', 'PROJECT', 'proj-beta', '{\"client_id\": \"client-alpha\"}', 4)");
                throw new AssertionError("the insert was accepted");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("42501");
                assertThat(e.getMessage()).doesNotContain("version");
            } finally {
                c.rollback();
            }
        }
    }

    private static void assertRefusedRevealingNothing(AccessTesting.Response answer) {
        if (answer.raw().uri().getPath().startsWith("/graphql")) {
            assertThat(answer.json().path("errors")).as(answer.toString()).isNotEmpty();
            assertThat(answer.json().path("data").path("appendEvent").isMissingNode()
                            || answer.json().path("data").path("appendEvent").isNull())
                    .as(answer.toString())
                    .isTrue();
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        }
        assertThat(answer.body())
                .as(answer.toString())
                .doesNotContainIgnoringCase("version")
                .doesNotContain("is at", "already", "exists", "duplicate", betaEventId);
    }

    private static String appendEvent(Integer expectedVersion) {
        return "{\"p_event_type\":\"PROJECT_CANCELLED\",\"p_correlation_id\":null,\"p_causation_id\":null,"
                + "\"p_aggregate_type\":\"PROJECT\",\"p_aggregate_id\":\"proj-beta\",\"p_payload\":{\"client_id\":\"client-alpha\"},"
                + "\"p_metadata\":{},\"p_emitted_by\":\"portal\""
                + (expectedVersion == null ? "" : ",\"p_expected_version\":" + expectedVersion) + "}";
    }

    private static String graphqlAppend(String aggregateId, String clientId, String extra) {
        return "{\"query\":\"mutation($p: JSON!) { appendEvent(input: {eventType: \\\"PROJECT_CANCELLED\\\", aggregateType: \\\"PROJECT\\\", "
                + "aggregateId: \\\"" + aggregateId + "\\\", payload: $p " + extra
                + "}) { eventId } }\",\"variables\":{\"p\":{\"client_id\":\""
                + clientId + "\"}}}";
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
