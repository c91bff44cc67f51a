package com.bigbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The queries of docs/seed-queries.sql, by name, and their results as rows of strings. */
final class SeedQueries {
    private SeedQueries() {}

    static Map<String, String> load() throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/seed-queries.sql");
        var queries = new LinkedHashMap<String, String>();
        String name = null;
        var sql = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }

    static List<List<String>> run(Connection c, String sql) throws SQLException {
        String statement = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        try (var s = c.createStatement();
                var rs = s.executeQuery(statement)) {
            var rows = new ArrayList<List<String>>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
