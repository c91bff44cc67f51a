package com.bigbox.server.dashboard;

import com.bigbox.postgres.access.ConsoleSessions;
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
import org.postgresql.util.PSQLException;

/**
 * Runs one administrator's query in a console session ({@link ConsoleSessions}: its own connection,
 * read-only, as the console's role, closed afterwards), with a statement timeout, through
 * {@code bigbox_dashboard.console_query} (migration V49), which admits exactly one query. At most
 * {@code maxRows} rows and about {@code maxBytes} of row data come back.
 */
final class SqlConsole {
    static final int MAX_SQL_LENGTH = 20_000;
    private static final String TIMEOUT = "select set_config('statement_timeout', ?, true)";
    private static final String QUERY = "select console_query from bigbox_dashboard.console_query(?, ?)";
    private static final String QUERY_CANCELED = "57014";

    private final Duration timeout;
    private final int maxRows;
    private final int maxBytes;
    private final ObjectMapper json;
    // A value is read from the middle of a row's token stream: what follows it is the next column.
    private final ObjectReader value;

    SqlConsole(Duration timeout, int maxRows, int maxBytes, ObjectMapper json) {
        this.timeout = timeout;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.json = json;
        this.value = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    SqlConsoleResult run(ConsoleSessions sessions, String claimsJson, String sql) {
        try {
            return sessions.run(claimsJson, c -> run(c, sql));
        } catch (SQLException e) {
            throw refusal(e);
        }
    }

    private SqlConsoleResult run(Connection c, String sql) throws SQLException {
        long start = System.nanoTime();
        try (var s = c.prepareStatement(TIMEOUT)) {
            s.setString(1, timeout.toMillis() + "ms");
            s.execute();
        }
        var columns = new ArrayList<String>();
        var rows = new ArrayList<List<JsonNode>>();
        boolean tooLarge = false;
        try (var s = c.prepareStatement(QUERY)) {
            s.setString(1, sql);
            s.setInt(2, maxRows + 1);
            s.setFetchSize(100);
            long bytes = 0;
            try (var rs = s.executeQuery()) {
                while (rs.next() && !tooLarge) {
                    String row = rs.getString(1);
                    bytes += row.length();
                    tooLarge = bytes > maxBytes;
                    if (tooLarge && rows.isEmpty()) {
                        throw new ApiException(
                                400,
                                "row_too_large",
                                "a row is larger than the console's limit of " + maxBytes + " bytes an answer",
                                "sql");
                    }
                    if (!tooLarge) {
                        rows.add(values(row, rows.isEmpty() ? columns : null));
                    }
                }
            }
        }
        // The function was asked for one row more than is shown: its presence says there were more.
        boolean truncated = tooLarge || rows.size() > maxRows;
        List<List<JsonNode>> shown = rows.size() > maxRows ? rows.subList(0, maxRows) : rows;
        return new SqlConsoleResult(columns, List.copyOf(shown), truncated, (System.nanoTime() - start) / 1_000_000);
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
                ? p.getServerErrorMessage().getMessage()
                : e.getMessage();
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return new ApiException(
                    400,
                    "statement_timeout",
                    "the query ran longer than the console's statement timeout of " + timeout.toMillis() + " ms",
                    "sql");
        }
        return new ApiException(400, "sql_error", message, "sql");
    }
}
