package com.bigbox.postgres.rest;

import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.SqlResource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the {@code public} schema's tables, views and functions from {@code pg_catalog}, and which API role has a
 * privilege on each: the rows PostgREST's schema cache ({@code com.bigbox.server.rest.Catalog}) is built from.
 */
public final class SchemaReader {
    private static final String COLUMNS = SqlResource.load(SchemaReader.class, "schema_columns");
    private static final String FUNCTIONS = SqlResource.load(SchemaReader.class, "schema_functions");
    private static final String PRIVILEGES = SqlResource.load(SchemaReader.class, "schema_privileges");

    /** A column of a table or view; {@code type} is PostgreSQL's name of it, as a cast takes it. */
    public record ColumnRow(
            String table,
            boolean view,
            String name,
            String type,
            String baseType,
            boolean nullable,
            boolean hasDefault,
            boolean generated,
            boolean primaryKey) {}

    /** An input argument: IN, INOUT or VARIADIC. */
    public record ArgumentRow(String name, String type, boolean hasDefault) {}

    /** @param volatile_ whether the function may write */
    public record FunctionRow(
            String name, List<ArgumentRow> arguments, String returnType, boolean returnsSet, boolean volatile_) {}

    /**
     * @param columns every column, by table and position
     * @param privileges by API role, the tables, views and functions it has any privilege on
     */
    public record Schema(List<ColumnRow> columns, List<FunctionRow> functions, Map<String, Set<String>> privileges) {}

    private final DataSource pool;

    public SchemaReader(DataSource pool) {
        this.pool = pool;
    }

    public Schema read() {
        try (Connection c = pool.getConnection()) {
            return new Schema(columns(c), functions(c), privileges(c));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static List<ColumnRow> columns(Connection c) throws SQLException {
        var columns = new ArrayList<ColumnRow>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                columns.add(new ColumnRow(
                        rs.getString(1),
                        !"r".equals(rs.getString(2)) && !"p".equals(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8),
                        rs.getBoolean(9)));
            }
        }
        return columns;
    }

    private static List<FunctionRow> functions(Connection c) throws SQLException {
        var functions = new ArrayList<FunctionRow>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(FUNCTIONS)) {
            while (rs.next()) {
                String[] allTypes = strings(rs.getArray(4));
                List<ArgumentRow> arguments = arguments(
                        strings(rs.getArray(2)),
                        strings(rs.getArray(3)),
                        allTypes != null ? allTypes : strings(rs.getArray(5)),
                        rs.getInt(6));
                functions.add(new FunctionRow(
                        rs.getString(1), arguments, rs.getString(7), rs.getBoolean(8), "v".equals(rs.getString(9))));
            }
        }
        return functions;
    }

    // The input arguments (modes i, b, v; all are inputs when there are no modes); the last `defaults` have defaults.
    private static List<ArgumentRow> arguments(String[] names, String[] modes, String[] types, int defaults) {
        int inputs = 0;
        for (int i = 0; i < types.length; i++) {
            if (input(modes, i)) {
                inputs++;
            }
        }
        var arguments = new ArrayList<ArgumentRow>();
        int inputIndex = 0;
        for (int i = 0; i < types.length; i++) {
            if (!input(modes, i)) {
                continue;
            }
            String name = names == null || i >= names.length ? "" : names[i];
            arguments.add(new ArgumentRow(name, types[i], inputIndex >= inputs - defaults));
            inputIndex++;
        }
        return List.copyOf(arguments);
    }

    private static boolean input(String[] modes, int i) {
        String mode = modes == null ? "i" : modes[i];
        return mode.equals("i") || mode.equals("b") || mode.equals("v");
    }

    private static Map<String, Set<String>> privileges(Connection c) throws SQLException {
        var visible = new HashMap<String, Set<String>>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(PRIVILEGES)) {
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
