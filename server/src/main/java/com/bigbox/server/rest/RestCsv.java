package com.bigbox.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as {@code text/csv}, as PostgREST answers {@code Accept: text/csv} (supabase-js {@code .csv()}): a
 * header of the columns, then one line per row; null is an empty field, a JSON value its JSON text.
 */
final class RestCsv {
    private static final CsvMapper CSV = new CsvMapper();

    private RestCsv() {}

    static String of(ArrayNode rows) {
        if (rows.isEmpty()) {
            return "";
        }
        var columns = new ArrayList<String>();
        rows.get(0).fieldNames().forEachRemaining(columns::add);
        var schema = CsvSchema.builder()
                .addColumns(columns, CsvSchema.ColumnType.STRING)
                .build()
                .withHeader();
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            var line = new LinkedHashMap<String, String>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                line.put(
                        column,
                        value == null || value.isNull()
                                ? null
                                : value.isValueNode() ? value.asText() : value.toString());
            }
            lines.add(line);
        }
        try {
            return CSV.writer(schema).writeValueAsString(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
