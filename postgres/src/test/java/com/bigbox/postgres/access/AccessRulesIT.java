package com.bigbox.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Default deny (migration V50): every table, view, sequence and function of every schema an API role can
 * reach has a declared rule for each of ceo, employee, client, anon and service_role, and the database's
 * grants are exactly what the rules say. A table or function added without rules fails this test and is
 * granted to nobody meanwhile.
 */
class AccessRulesIT {
    static final List<String> ROLES = List.of("ceo", "employee", "client", "anon", "service_role");

    // Read from the catalog, not from the rules' own helper: every object of every schema an API role has
    // USAGE on (what PostgREST, psql and rpc can reach), apart from what extensions bring.
    static final String OBJECTS = """
            with api_schemas as (
              select n.oid, n.nspname from pg_namespace n
               where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                 and exists (select 1 from unnest(array['anon', 'authenticated', 'bigbox_staff', 'service_role']) r
                              where has_schema_privilege(r, n.oid, 'usage')))
            select s.nspname, c.relname, case when c.relkind = 'S' then 'sequence' else 'table' end
              from pg_class c join api_schemas s on s.oid = c.relnamespace
             where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
               and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
            union
            select s.nspname, p.proname, 'function'
              from pg_proc p join api_schemas s on s.oid = p.pronamespace
             where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
            order by 1, 2""";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;

    @BeforeAll
    static void migrate() {
        database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "access-rules");
        Migrations.apply(database.pool());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyObjectTheApiCanReachHasARuleForEveryRole() throws SQLException {
        assertThat(unruled())
                .as("objects without a rule for each of " + ROLES
                        + " (add them to bigbox_access.access_rules in a migration; see docs/access.md)")
                .isEmpty();
    }

    @Test
    void theGrantsAreExactlyWhatTheRulesSay() throws SQLException {
        String mismatches = """
                with checks as (
                  select r.schema_name, r.object_name, r.api_role, p.privilege,
                         case r.api_role when 'ceo' then 'bigbox_staff' when 'employee' then 'bigbox_staff'
                                         when 'client' then 'authenticated' else r.api_role end as db_role,
                         r.privileges @> array[p.privilege] as wanted, r.object_kind
                    from bigbox_access.access_rules r
                    cross join lateral unnest(case r.object_kind when 'function' then array['execute']
                                                                 when 'sequence' then array['usage', 'select']
                                                                 else array['select', 'insert', 'update', 'delete'] end) p(privilege))
                select c.schema_name || '.' || c.object_name || ' ' || c.api_role || ' ' || c.privilege
                  from checks c
                 where c.object_kind <> 'function' and exists (select 1 from pg_class k join pg_namespace n on n.oid = k.relnamespace
                                                                where n.nspname = c.schema_name and k.relname = c.object_name)
                   and has_table_privilege(c.db_role, format('%I.%I', c.schema_name, c.object_name),
                                           case c.object_kind when 'sequence' then 'select' else c.privilege end) <> c.wanted
                union all
                select c.schema_name || '.' || c.object_name || ' ' || c.api_role || ' execute'
                  from checks c
                  join pg_namespace n on n.nspname = c.schema_name
                  join pg_proc p on p.pronamespace = n.oid and p.proname = c.object_name
                 where c.object_kind = 'function' and has_function_privilege(c.db_role, p.oid, 'execute') <> c.wanted""";
        assertThat(strings(mismatches)).isEmpty();
    }

    @Test
    void aTableOrFunctionAddedWithoutRulesIsGrantedToNobodyAndFailsTheRuleCheck() throws SQLException {
        try (Connection c = database.pool().getConnection();
                var s = c.createStatement()) {
            s.execute("""
                    create table public.sneaky (id int primary key, secret text);
                    grant all on public.sneaky to anon, authenticated, service_role;
                    create function public.sneaky_fn() returns int language sql as 'select 1';
                    grant execute on function public.sneaky_fn() to anon, authenticated;
                    """);
            try {
                // what Migrations.apply does after the migrations
                s.execute("select bigbox_access.apply_access_rules()");
                assertThat(unruled()).contains("public.sneaky (table)", "public.sneaky_fn (function)");
                assertThat(strings("""
                        select r from unnest(array['anon', 'authenticated', 'bigbox_staff', 'service_role', 'bigbox_console']) r
                         where has_table_privilege(r, 'public.sneaky', 'select, insert, update, delete')
                            or has_function_privilege(r, 'public.sneaky_fn()', 'execute')""")).isEmpty();
            } finally {
                s.execute("drop table public.sneaky; drop function public.sneaky_fn()");
            }
        }
    }

    @Test
    void theConsoleRoleCannotTakeAdvisoryLocksNorReachOtherSessions() throws SQLException {
        assertThat(strings("""
                select p.oid::regprocedure::text from pg_proc p
                 where p.pronamespace = 'pg_catalog'::regnamespace
                   and (p.proname like 'pg\\_%advisory%' or p.proname in ('pg_terminate_backend', 'pg_cancel_backend'))
                   and has_function_privilege('bigbox_console', p.oid, 'execute')""")).isEmpty();
        assertThat(strings("""
                select r from unnest(array['anon', 'authenticated', 'service_role']) r
                 where has_function_privilege(r, 'pg_advisory_lock(bigint)', 'execute')""")).isEmpty();
    }

    private static List<String> unruled() throws SQLException {
        var missing = new ArrayList<String>();
        try (Connection c = database.pool().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(OBJECTS);
                var rules = c.prepareStatement("""
                        select array_agg(api_role) from bigbox_access.access_rules
                         where schema_name = ? and object_name = ? and object_kind = ?""")) {
            while (rs.next()) {
                rules.setString(1, rs.getString(1));
                rules.setString(2, rs.getString(2));
                rules.setString(3, rs.getString(3));
                try (var r = rules.executeQuery()) {
                    r.next();
                    var ruled = r.getArray(1) == null
                            ? List.of()
                            : List.of((Object[]) r.getArray(1).getArray());
                    if (!ruled.containsAll(ROLES)) {
                        missing.add(rs.getString(1) + "." + rs.getString(2) + " (" + rs.getString(3) + ")");
                    }
                }
            }
        }
        return missing;
    }

    private static List<String> strings(String sql) throws SQLException {
        var out = new ArrayList<String>();
        try (Connection c = database.pool().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
