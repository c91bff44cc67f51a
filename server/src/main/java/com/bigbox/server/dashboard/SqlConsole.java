package com.bigbox.server.dashboard;

import com.bigbox.core.UnitOfWork;
import com.bigbox.server.ApiException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PSQLException;

/**
 * Runs one administrator's query in the caller's transaction: read-only, with a statement timeout, through
 * {@code bigbox_dashboard.console_query} (migration V49), which admits exactly one query and keeps it under
 * the caller's role. At most {@code maxRows} rows come back.
 */
final class SqlConsole {
    static final int MAX_SQL_LENGTH = 20_000;
    private static final String READ_ONLY = "set transaction read only";
    private static final String TIMEOUT = "select set_config('statement_timeout', ?, true)";
    private static final String QUERY = "select console_query from bigbox_dashboard.console_query(?, ?)";
    private static final String QUERY_CANCELED = "57014";

    private final Duration timeout;
    private final int maxRows;
    private final ObjectMapper json;
    // A value is read from the middle of a row's token stream: what follows it is the next column.
    private final ObjectReader value;

    SqlConsole(Duration timeout, int maxRows, ObjectMapper json) {
        this.timeout = timeout;
        this.maxRows = maxRows;
        this.json = json;
        this.value = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    SqlConsoleResult run(UnitOfWork work, String sql) {
        long start = System.nanoTime();
        try {
            // The pool retires a connection on some errors (0A000, "feature not supported"), which a user's
            // query can cause at will; its errors are the query's, not the connection's, so the pool's
            // wrapper is stepped around.
            Connection c = work.unwrap(Connection.class).unwrap(PgConnection.class);
            try (var s = c.createStatement()) {
                s.execute(READ_ONLY);
            }
            try (var s = c.prepareStatement(TIMEOUT)) {
                s.setString(1, timeout.toMillis() + "ms");
                s.execute();
            }
            var columns = new ArrayList<String>();
            var rows = new ArrayList<List<JsonNode>>();
            try (var s = c.prepareStatement(QUERY)) {
                s.setString(1, sql);
                s.setInt(2, maxRows + 1);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(values(rs.getString(1), rows.isEmpty() ? columns : null));
                    }
                }
            }
            // The function was asked for one row more than is shown: its presence says there were more.
            boolean truncated = rows.size() > maxRows;
            List<List<JsonNode>> shown = truncated ? rows.subList(0, maxRows) : rows;
            return new SqlConsoleResult(columns, List.copyOf(shown), truncated, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw refusal(e);
        }
    }

    // A row is a JSON object in column order; it is read as tokens so that repeated column names
    // ("select 1, 1") keep both values.
    private List<JsonNode> values(String row, List<String> columns) {
        var values = new ArrayList<JsonNode>();
        try (JsonParser parser = json.createParser(row)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the console returned a row that is not an object: " + row);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                values.add(value.readValue(parser));
                if (columns != null) {
                    columns.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private ApiException refusal(SQLException e) {
        String message = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage() : e.getMessage();
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return new ApiException(400, "statement_timeout",
                    "the query ran longer than the console's statement timeout of " + timeout.toMillis() + " ms", "sql");
        }
        return new ApiException(400, "sql_error", message, "sql");
    }
}
