package com.bigbox.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A {@code postgres_changes} filter as Supabase Realtime takes it: {@code column=op.value} with
 * {@code eq}, {@code neq}, {@code lt}, {@code lte}, {@code gt}, {@code gte} or {@code in.(a,b)}.
 * Numbers compare as numbers, everything else as text.
 */
record ChangeFilter(String column, String operator, List<String> values) {
    static final Set<String> OPERATORS = Set.of("eq", "neq", "lt", "lte", "gt", "gte", "in");

    /** Parses {@code text}; {@code columns} are the table's, so a filter on an unknown column is refused. */
    static ChangeFilter parse(String text, Set<String> columns) {
        int equals = text.indexOf('=');
        int dot = text.indexOf('.', Math.max(equals, 0));
        if (equals <= 0 || dot < 0) {
            throw new IllegalArgumentException("filter '" + text + "' is not column=operator.value");
        }
        String column = text.substring(0, equals).strip();
        String operator = text.substring(equals + 1, dot).strip();
        String value = text.substring(dot + 1);
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("filter '" + text + "': no column '" + column + "'");
        }
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("filter '" + text + "': operator must be one of " + OPERATORS);
        }
        List<String> values;
        if (operator.equals("in")) {
            if (!value.startsWith("(") || !value.endsWith(")")) {
                throw new IllegalArgumentException("filter '" + text + "': in takes (a,b,c)");
            }
            values = Arrays.stream(value.substring(1, value.length() - 1).split(","))
                    .map(String::strip)
                    .map(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                            ? v.substring(1, v.length() - 1)
                            : v)
                    .toList();
        } else {
            values = List.of(value);
        }
        return new ChangeFilter(column, operator, values);
    }

    boolean matches(JsonNode record) {
        if (record == null) {
            return false;
        }
        JsonNode field = record.get(column);
        if (field == null || field.isNull()) {
            return false;
        }
        String actual = field.isValueNode() ? field.asText() : field.toString();
        return switch (operator) {
            case "eq" -> compare(actual, values.getFirst()) == 0;
            case "neq" -> compare(actual, values.getFirst()) != 0;
            case "lt" -> compare(actual, values.getFirst()) < 0;
            case "lte" -> compare(actual, values.getFirst()) <= 0;
            case "gt" -> compare(actual, values.getFirst()) > 0;
            case "gte" -> compare(actual, values.getFirst()) >= 0;
            case "in" -> values.stream().anyMatch(v -> compare(actual, v) == 0);
            default -> false;
        };
    }

    private static int compare(String actual, String expected) {
        try {
            return new BigDecimal(actual).compareTo(new BigDecimal(expected));
        } catch (NumberFormatException notNumbers) {
            return actual.compareTo(expected);
        }
    }
}
