package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.testkit.TestDatabase;
import com.bigbox.testkit.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's schema is our compatibility contract; the Supabase file is the same SQL. */
class SchemaContractIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Databases no engine has touched, for the Supabase path: the file applied by psql. */
    @RegisterExtension
    static final TestDatabase fresh = new TestDatabase();

    @RegisterExtension
    static final TestDatabase olderFile = new TestDatabase();

    @RegisterExtension
    static final TestDatabase theirs = new TestDatabase();

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final String SUPABASE_FILE = "supabase/migrations/001_autonomic_engine_schema.sql";

    static Database database;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "schema");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static final Map<String, String> SEED_COLUMNS = Map.ofEntries(
            Map.entry(
                    "events",
                    "event_id uuid, event_type text, correlation_id uuid, causation_id uuid, aggregate_type text, "
                            + "aggregate_id text, sequence_number bigint, payload jsonb, metadata jsonb, emitted_by text, "
                            + "confidence numeric(3,2), timestamp timestamp with time zone, created_at timestamp with time zone"),
            Map.entry(
                    "event_snapshots",
                    "snapshot_id uuid, aggregate_type text, aggregate_id text, sequence_number bigint, "
                            + "state jsonb, created_at timestamp with time zone"),
            Map.entry(
                    "human_approvals",
                    "approval_id uuid, event_id uuid, agent_id text, decision_context jsonb, "
                            + "recommended_action text, confidence numeric(3,2), status text, timeout_at timestamp with time zone, "
                            + "resolved_at timestamp with time zone, resolved_by text, resolution_notes text, created_at timestamp with time zone"),
            Map.entry(
                    "sop_definitions",
                    "sop_id text, version integer, definition jsonb, created_at timestamp with time zone, "
                            + "activated_at timestamp with time zone, deactivated_at timestamp with time zone, previous_version integer, "
                            + "approval_mechanism text"),
            Map.entry(
                    "sop_executions",
                    "execution_id uuid, sop_id text, sop_version integer, correlation_id uuid, "
                            + "started_at timestamp with time zone, completed_at timestamp with time zone, cycle_time_hours numeric(10,2), "
                            + "total_steps integer, automated_steps integer, automation_rate numeric(3,2), human_hours numeric(10,2), "
                            + "estimated_cost numeric(10,2), quality_score numeric(3,2), status text, outcome jsonb"),
            Map.entry(
                    "agent_metrics",
                    "metric_id uuid, agent_id text, window_start timestamp with time zone, "
                            + "window_end timestamp with time zone, events_processed integer, events_emitted integer, "
                            + "human_escalations integer, avg_confidence numeric(3,2), confidence_variance numeric(10,4), "
                            + "automation_rate numeric(3,2), human_hours_saved numeric(10,2), created_at timestamp with time zone"),
            Map.entry(
                    "client_health",
                    "client_id text, last_event_at timestamp with time zone, events_last_30d integer, "
                            + "meetings_last_30d integer, avg_response_time_hours numeric(10,2), quality_score numeric(3,2), "
                            + "nps_score integer, revenue_30d numeric(12,2), margin_30d numeric(3,2), trust_score numeric(3,2), "
                            + "automation_rate numeric(3,2), proactive_interventions integer, health_status text, "
                            + "updated_at timestamp with time zone"),
            Map.entry(
                    "chaos_experiments",
                    "experiment_id uuid, experiment_type text, intensity text, "
                            + "started_at timestamp with time zone, ended_at timestamp with time zone, duration_minutes integer, "
                            + "target_filter jsonb, events_affected integer, system_degradation numeric(3,2), failures_detected integer, "
                            + "recovery_time_seconds integer, status text"));

    @Test
    void everySeedTableHasEverySeedColumnWithItsType() throws SQLException {
        try (Connection c = db.connect();
                var s = c.prepareStatement("""
                        select column_name || ' ' || case when data_type = 'numeric'
                                 then 'numeric(' || numeric_precision || ',' || numeric_scale || ')' else data_type end
                          from information_schema.columns where table_schema = 'public' and table_name = ?""")) {
            for (var table : SEED_COLUMNS.entrySet()) {
                s.setString(1, table.getKey());
                var actual = new ArrayList<String>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        actual.add(rs.getString(1));
                    }
                }
                assertThat(actual)
                        .as(table.getKey())
                        .containsAll(List.of(table.getValue().split(", ")));
            }
        }
    }

    @Test
    void seedIndexesRlsPoliciesAndRealtimePublicationExist() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            assertThat(strings(s, "select indexname from pg_indexes where tablename = 'events'"))
                    .contains(
                            "idx_events_timestamp",
                            "idx_events_type",
                            "idx_events_correlation",
                            "idx_events_aggregate",
                            "idx_events_emitted_by",
                            "idx_events_payload_gin");
            // V75: the seed's single-column idx_events_emitted_by was a prefix of (emitted_by, "timestamp"),
            // which now carries the name: a lookup by emitter is still served by it.
            assertThat(strings(s, "select indexdef from pg_indexes where indexname = 'idx_events_emitted_by'"))
                    .singleElement()
                    .asString()
                    .contains("(emitted_by, \"timestamp\")");
            assertThat(
                            strings(
                                    s,
                                    "select tablename from pg_policies where policyname = 'Enable all for authenticated users'"))
                    .containsAll(SEED_COLUMNS.keySet());
            assertThat(
                            strings(
                                    s,
                                    "select relname from pg_class where relrowsecurity and relname = any(array['events','human_approvals'])"))
                    .hasSize(2);
            assertThat(strings(s, "select tablename from pg_publication_tables where pubname = 'supabase_realtime'"))
                    .contains("events", "human_approvals", "sop_executions");
            assertThat(
                            strings(
                                    s,
                                    "select rolname from pg_roles where rolname in ('anon','authenticated','service_role') and (rolname <> 'service_role' or rolbypassrls)"))
                    .hasSize(3);
        }
    }

    @Test
    void seedFunctionsKeepTheirParameterNames() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("set role authenticated");
            // a staff user's token (a client's is confined to its client's streams, migration V50)
            s.execute("set request.jwt.claims = '{\"role\":\"authenticated\",\"app_role\":\"employee\"}'");
            try (var rs = s.executeQuery("""
                    select append_event(p_event_type => 'LEAD_INQUIRY_RECEIVED', p_correlation_id => null,
                      p_causation_id => null, p_aggregate_type => 'LEAD', p_aggregate_id => 'seed-1',
                      p_payload => '{"name":"Test Client"}', p_metadata => '{}', p_emitted_by => 'IntakeAgent',
                      p_confidence => 0.95)""")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(
                            strings(
                                    s,
                                    "select event_type from get_event_stream(p_aggregate_type => 'LEAD', p_aggregate_id => 'seed-1', p_from_sequence => 0)"))
                    .containsExactly("LEAD_INQUIRY_RECEIVED");
            assertThat(strings(s, "select auth.jwt() ->> 'role'")).containsExactly("authenticated");
            assertThatThrownBy(() -> s.executeQuery(
                            "select append_event('X', null, null, 'LEAD', 'seed-1', '{}', '{}', 'me', null, 0)"))
                    .hasMessageContaining("wrong expected version");
        }
    }

    @Test
    void anonSeesNoEventsAndServiceRoleBypassesRowLevelSecurity() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                            + "values ('RLS_CHECK', gen_random_uuid(), 'SYSTEM', 'rls', '{}', 'test')");
            s.execute("set role anon");
            assertThat(strings(s, "select event_type from events where aggregate_id = 'rls'"))
                    .isEmpty();
            s.execute("reset role");
            s.execute("set role service_role");
            assertThat(strings(s, "select event_type from events where aggregate_id = 'rls'"))
                    .containsExactly("RLS_CHECK");
        }
    }

    @Test
    void theSupabaseMigrationIsExactlyTheSqlTheMigrationsApply() throws IOException {
        var expected = new StringBuilder(
                "-- Generated by scripts/supabase-schema from postgres/src/main/resources/db/migration: do not edit.\n");
        for (Path file : migrationFiles()) {
            expected.append("\n-- ==== ")
                    .append(file.getFileName())
                    .append(" ====\n")
                    .append(Files.readString(file, StandardCharsets.UTF_8));
        }
        expected.append("\n-- ==== after_migrations.sql ====\n")
                .append(Files.readString(
                        ROOT.resolve("postgres/src/main/resources/db/after_migrations.sql"), StandardCharsets.UTF_8));
        String supabase = Files.readString(ROOT.resolve(SUPABASE_FILE));
        assertThat(supabase)
                .as("run scripts/supabase-schema after changing a migration")
                .startsWith(expected + "\n-- ==== schema history ====\n");
    }

    @Test
    void theSupabaseFileAppliesOnAFreshDatabaseAndAgainWithoutHarm() throws Exception {
        try (Connection c = fresh.connect();
                var s = c.createStatement()) {
            s.execute("create table my_own_customers (id int primary key, name text)"); // the user's, untouched
            s.execute("insert into my_own_customers values (1, 'mine')");
        }
        Tools.psql(fresh.databaseUrl(), ROOT.resolve(SUPABASE_FILE));
        Tools.psql(fresh.databaseUrl(), ROOT.resolve(SUPABASE_FILE)); // again, as a re-run in the SQL editor
        try (var engine = new Database(DatabaseUrl.parse(fresh.jdbcUrl()), 10, "supabase-path")) {
            assertThat(Migrations.apply(engine.pool()))
                    .as("the file recorded every migration it holds")
                    .isZero();
        }
        try (Connection c = fresh.connect();
                var s = c.createStatement()) {
            assertThat(strings(s, "select version from flyway_schema_history where success order by installed_rank"))
                    .containsExactlyElementsOf(migrationFiles().stream()
                            .map(SchemaContractIT::version)
                            .map(String::valueOf)
                            .toList());
            assertThat(strings(s, "select name from my_own_customers")).containsExactly("mine");
            assertThat(strings(s, "select count(*)::text from sop_definitions")).containsExactly("0");
        }
    }

    @Test
    void theEngineAppliesOnlyTheMigrationsNewerThanAnOlderSupabaseFile() throws Exception {
        List<Path> files = migrationFiles();
        int newest = version(files.getLast());
        Path older = Files.createTempFile("supabase-before-v" + newest, ".sql");
        try {
            Files.writeString(
                    older,
                    Tools.run(List.of(
                            ROOT.resolve("scripts/supabase-schema").toString(), "--below", String.valueOf(newest))));
            try (Connection c = olderFile.connect();
                    var s = c.createStatement()) {
                s.execute("create table my_own_orders (id int primary key)");
            }
            Tools.psql(olderFile.databaseUrl(), older);
            try (var engine = new Database(DatabaseUrl.parse(olderFile.jdbcUrl()), 10, "supabase-older")) {
                assertThat(Migrations.apply(engine.pool()))
                        .as("only V%d, newer than the file", newest)
                        .isEqualTo(1);
            }
            try (Connection c = olderFile.connect();
                    var s = c.createStatement()) {
                assertThat(strings(s, "select script from flyway_schema_history order by installed_rank desc limit 1"))
                        .containsExactly(files.getLast().getFileName().toString());
            }
        } finally {
            Files.delete(older);
        }
    }

    @Test
    void theEngineMigratesADatabaseThatHoldsOnlyTheUsersOwnTables() throws Exception {
        try (Connection c = theirs.connect();
                var s = c.createStatement()) {
            s.execute("create table invoices (id int primary key)");
        }
        try (var engine = new Database(DatabaseUrl.parse(theirs.jdbcUrl()), 10, "their-tables")) {
            assertThat(Migrations.apply(engine.pool()))
                    .isEqualTo(migrationFiles().size());
        }
        try (Connection c = theirs.connect();
                var s = c.createStatement()) {
            assertThat(strings(s, "select count(*)::text from invoices")).containsExactly("0");
            assertThat(strings(s, "select to_regclass('public.events')::text")).containsExactly("events");
        }
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> list = Files.list(ROOT.resolve("postgres/src/main/resources/db/migration"))) {
            return list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(SchemaContractIT::version))
                    .toList();
        }
    }

    private static int version(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> strings(java.sql.Statement s, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static Map<String, String> sorted(Map<String, String> map) {
        return new TreeMap<>(map);
    }
}
