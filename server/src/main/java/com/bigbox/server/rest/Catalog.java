package com.bigbox.server.rest;

import com.bigbox.postgres.rest.SchemaReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables, views and functions of the {@code public} schema, as PostgREST's schema cache: every
 * table, column and function name in a request is looked up here and only catalog names reach SQL.
 * Rights are not decided here; the caller's role and row-level security decide in the database. But a
 * caller is shown only the tables and functions its role has a privilege on ({@link #visibleTo}): what the
 * access rules give a role nothing on does not exist for it, in requests and in the OpenAPI document.
 */
public final class Catalog {
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

    /** The schema cache of what {@link SchemaReader} read. */
    public static Catalog of(SchemaReader.Schema schema) {
        return new Catalog(tables(schema.columns()), functions(schema.functions()), schema.privileges());
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

    private static Map<String, Table> tables(List<SchemaReader.ColumnRow> rows) {
        var columnsByTable = new LinkedHashMap<String, LinkedHashMap<String, Column>>();
        var views = new LinkedHashMap<String, Boolean>();
        for (SchemaReader.ColumnRow row : rows) {
            views.put(row.table(), row.view());
            columnsByTable
                    .computeIfAbsent(row.table(), t -> new LinkedHashMap<>())
                    .putIfAbsent(
                            row.name(),
                            new Column(
                                    row.name(),
                                    row.type(),
                                    row.baseType(),
                                    row.nullable(),
                                    row.hasDefault(),
                                    row.generated(),
                                    row.primaryKey()));
        }
        var tables = new LinkedHashMap<String, Table>();
        columnsByTable.forEach((name, columns) ->
                tables.put(name, new Table(name, views.get(name), Collections.unmodifiableMap(columns))));
        return Collections.unmodifiableMap(tables);
    }

    private static Map<String, List<Function>> functions(List<SchemaReader.FunctionRow> rows) {
        var functions = new LinkedHashMap<String, List<Function>>();
        for (SchemaReader.FunctionRow row : rows) {
            var arguments = row.arguments().stream()
                    .map(a -> new Argument(a.name(), a.type(), a.hasDefault()))
                    .toList();
            functions
                    .computeIfAbsent(row.name(), n -> new ArrayList<>())
                    .add(new Function(row.name(), arguments, row.returnType(), row.returnsSet(), row.volatile_()));
        }
        return functions;
    }
}
