package com.bigbox.server.dashboard;

import com.bigbox.postgres.DatabaseException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs one administrator's query in a console session ({@link ConsoleSessions}: its own connection,
 * read-only, as the console's role, closed afterwards), with a statement timeout, through
 * {@code bigbox_dashboard.console_query} (migration V49), which admits exactly one query. At most
 * {@code maxRows} rows and about {@code maxBytes} of row data come back.
 */
final class SqlConsole {
    static final int MAX_SQL_LENGTH = 20_000;
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
        var reading = new Reading();
        long elapsed;
        try {
            // One row more than is shown is asked for: its presence says there were more.
            elapsed = sessions.query(claimsJson, timeout, sql, maxRows + 1, reading);
        } catch (DatabaseException e) {
            throw refusal(e);
        }
        List<List<JsonNode>> rows = reading.rows;
        boolean truncated = reading.tooLarge || rows.size() > maxRows;
        List<List<JsonNode>> shown = rows.size() > maxRows ? rows.subList(0, maxRows) : rows;
        return new SqlConsoleResult(reading.columns, List.copyOf(shown), truncated, elapsed);
    }

    /** Takes rows as they are read until they come to about {@code maxBytes}. */
    private final class Reading implements Predicate<String> {
        final List<String> columns = new ArrayList<>();
        final List<List<JsonNode>> rows = new ArrayList<>();
        long bytes;
        boolean tooLarge;

        @Override
        public boolean test(String row) {
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
            return !tooLarge;
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

    private ApiException refusal(DatabaseException e) {
        String message = e.serverMessage();
        if (QUERY_CANCELED.equals(e.sqlState())) {
            return new ApiException(
                    400,
                    "statement_timeout",
                    "the query ran longer than the console's statement timeout of " + timeout.toMillis() + " ms",
                    "sql");
        }
        return new ApiException(400, "sql_error", message, "sql");
    }
}
