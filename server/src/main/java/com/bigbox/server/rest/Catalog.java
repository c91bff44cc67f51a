package com.bigbox.server.rest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The tables, views and functions of the {@code public} schema, as PostgREST's schema cache: every
 * table, column and function name in a request is looked up here and only catalog names reach SQL.
 * Rights are not decided here; the caller's role and row-level security decide in the database. But a
 * caller is shown only the tables and functions its role has a privilege on ({@link #visibleTo}): what the
 * access rules give a role nothing on does not exist for it, in requests and in the OpenAPI document.
 */
public final class Catalog {
    private static final String COLUMNS = """
            select c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
                   not a.attnotnull, a.atthasdef or a.attidentity <> '', a.attidentity = 'a' or a.attgenerated <> '',
                   coalesce(a.attnum = any(i.indkey), false)
              from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
              join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
              join pg_type t on t.oid = a.atttypid
              left join pg_index i on i.indrelid = c.oid and i.indisprimary
             where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
             order by c.relname, a.attnum""";
    private static final String FUNCTIONS = """
            select p.proname, p.proargnames, p.proargmodes, p.proallargtypes::regtype[]::text[],
                   p.proargtypes::regtype[]::text[], p.pronargdefaults, format_type(p.prorettype, null), p.proretset,
                   p.provolatile
              from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'public' and p.prokind = 'f'
               and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype, 'internal'::regtype)
             order by p.proname, p.oid""";

    // Which of them each database role has any privilege on (migration V50's rules decide).
    private static final String VISIBLE = """
            select r.rolname, c.relname
              from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
              cross join pg_roles r
             where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
               and r.rolname in ('anon', 'authenticated', 'bigbox_staff', 'service_role')
               and has_table_privilege(r.oid, c.oid, 'select, insert, update, delete')
            union
            select r.rolname, p.proname
              from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
              cross join pg_roles r
             where n.nspname = 'public' and p.prokind = 'f'
               and r.rolname in ('anon', 'authenticated', 'bigbox_staff', 'service_role')
               and has_function_privilege(r.oid, p.oid, 'execute')""";

    /** A column; {@code type} is PostgreSQL's name of it, as a cast takes it. */
    public record Column(
            String name,
            String type,
            String baseType,
            boolean nullable,
            boolean hasDefault,
            boolean generated,
            boolean primaryKey) {}

    public record Table(String name, boolean view, Map<String, Column> columns) {
        public Optional<Column> column(String name) {
            return Optional.ofNullable(columns.get(name));
        }

        public List<String> primaryKey() {
            return columns.values().stream()
                    .filter(Column::primaryKey)
                    .map(Column::name)
                    .toList();
        }
    }

    public record Argument(String name, String type, boolean hasDefault) {}

    /**
     * @param volatile_ whether the function may write (called only by POST)
     */
    public record Function(
            String name, List<Argument> arguments, String returnType, boolean returnsSet, boolean volatile_) {}

    private final Map<String, Table> tables;
    private final Map<String, List<Function>> functions;
    private final Map<String, Set<String>> visible;
    private final Map<String, Catalog> views = new ConcurrentHashMap<>();

    private Catalog(
            Map<String, Table> tables, Map<String, List<Function>> functions, Map<String, Set<String>> visible) {
        this.tables = tables;
        this.functions = functions;
        this.visible = visible;
    }

    public static Catalog load(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return new Catalog(tables(c), functions(c), visible(c));
        }
    }

    /** The tables and functions a database role has a privilege on: all another role sees of this schema. */
    public Catalog visibleTo(String databaseRole) {
        return views.computeIfAbsent(databaseRole, this::view);
    }

    private Catalog view(String databaseRole) {
        Set<String> names = visible.getOrDefault(databaseRole, Set.of());
        var shownTables = new LinkedHashMap<String, Table>(tables);
        shownTables.keySet().retainAll(names);
        var shownFunctions = new LinkedHashMap<String, List<Function>>(functions);
        shownFunctions.keySet().retainAll(names);
        return new Catalog(Collections.unmodifiableMap(shownTables), shownFunctions, visible);
    }

    /** This catalog with only the tables named (the ones a caller may read); functions stay. */
    public Catalog only(java.util.Set<String> tableNames) {
        var kept = new LinkedHashMap<String, Table>();
        tables.forEach((name, table) -> {
            if (tableNames.contains(name)) {
                kept.put(name, table);
            }
        });
        return new Catalog(kept, functions, visible);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public List<Function> functions(String name) {
        return functions.getOrDefault(name, List.of());
    }

    public Collection<List<Function>> functions() {
        return functions.values();
    }

    private static Map<String, Table> tables(Connection c) throws SQLException {
        var columnsByTable = new LinkedHashMap<String, LinkedHashMap<String, Column>>();
        var views = new LinkedHashMap<String, Boolean>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                String table = rs.getString(1);
                views.put(table, !"r".equals(rs.getString(2)) && !"p".equals(rs.getString(2)));
                columnsByTable
                        .computeIfAbsent(table, t -> new LinkedHashMap<>())
                        .putIfAbsent(
                                rs.getString(3),
                                new Column(
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getBoolean(6),
                                        rs.getBoolean(7),
                                        rs.getBoolean(8),
                                        rs.getBoolean(9)));
            }
        }
        var tables = new LinkedHashMap<String, Table>();
        columnsByTable.forEach((name, columns) ->
                tables.put(name, new Table(name, views.get(name), Collections.unmodifiableMap(columns))));
        return Collections.unmodifiableMap(tables);
    }

    private static Map<String, List<Function>> functions(Connection c) throws SQLException {
        var functions = new LinkedHashMap<String, List<Function>>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(FUNCTIONS)) {
            while (rs.next()) {
                String[] names = strings(rs.getArray(2));
                String[] modes = strings(rs.getArray(3));
                String[] allTypes = strings(rs.getArray(4));
                String[] inTypes = strings(rs.getArray(5));
                String[] types = allTypes != null ? allTypes : inTypes;
                int defaults = rs.getInt(6);
                var arguments = new ArrayList<Argument>();
                int inputs = 0;
                for (int i = 0; i < types.length; i++) {
                    String mode = modes == null ? "i" : modes[i];
                    if (mode.equals("i") || mode.equals("b") || mode.equals("v")) {
                        inputs++;
                    }
                }
                int inputIndex = 0;
                for (int i = 0; i < types.length; i++) {
                    String mode = modes == null ? "i" : modes[i];
                    if (!(mode.equals("i") || mode.equals("b") || mode.equals("v"))) {
                        continue;
                    }
                    String name = names == null || i >= names.length ? "" : names[i];
                    arguments.add(new Argument(name, types[i], inputIndex >= inputs - defaults));
                    inputIndex++;
                }
                var function = new Function(
                        rs.getString(1),
                        List.copyOf(arguments),
                        rs.getString(7),
                        rs.getBoolean(8),
                        "v".equals(rs.getString(9)));
                functions
                        .computeIfAbsent(function.name(), n -> new ArrayList<>())
                        .add(function);
            }
        }
        return functions;
    }

    private static Map<String, Set<String>> visible(Connection c) throws SQLException {
        var visible = new HashMap<String, Set<String>>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(VISIBLE)) {
            while (rs.next()) {
                visible.computeIfAbsent(rs.getString(1), r -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return visible;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
