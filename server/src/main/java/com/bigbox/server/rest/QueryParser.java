package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RowQuery.Field;
import com.bigbox.postgres.rest.RowQuery.OrderTerm;
import com.bigbox.postgres.rest.RowQuery.PathStep;
import com.bigbox.postgres.rest.RowQuery.SelectItem;
import com.bigbox.server.rest.RestQuery.Condition;
import com.bigbox.server.rest.RestQuery.Filter;
import com.bigbox.server.rest.RestQuery.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses PostgREST's query string: {@code select}, column filters ({@code col=op.value}), {@code or} /
 * {@code and} trees, {@code order}, {@code limit} and {@code offset}. Every column it names must exist
 * in the table (or the function's result); anything else is refused before SQL is written.
 */
final class QueryParser {
    static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "in", "is");
    static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "columns", "on_conflict");

    private final Catalog.Table table;

    QueryParser(Catalog.Table table) {
        this.table = table;
    }

    /** @param params the query string; for RPC over GET, the function's own arguments are removed first */
    RestQuery parse(Map<String, List<String>> params) {
        List<SelectItem> select = select(single(params, "select"));
        var where = new ArrayList<Condition>();
        for (var entry : params.entrySet()) {
            String key = entry.getKey();
            if (RESERVED.contains(key)) {
                continue;
            }
            for (String value : entry.getValue()) {
                switch (key) {
                    case "or", "and" -> where.add(new Group(key.equals("or"), false, tree(key, value)));
                    case "not.or", "not.and" -> where.add(new Group(key.equals("not.or"), true, tree(key, value)));
                    default -> where.add(filter(field(key), value));
                }
            }
        }
        return new RestQuery(
                select,
                List.copyOf(where),
                order(single(params, "order")),
                number(params, "limit"),
                number(params, "offset") == null ? 0 : number(params, "offset"));
    }

    List<SelectItem> select(String select) {
        if (select == null || select.isBlank() || select.strip().equals("*")) {
            return List.of();
        }
        var items = new ArrayList<SelectItem>();
        for (String raw : splitTopLevel(select, "select")) {
            String item = raw.strip();
            if (item.contains("(") || item.contains("::") || item.contains("!")) {
                throw PostgrestException.parse(
                        "\"failed to parse select parameter (" + select + ")\"",
                        "embedding related tables and casts are not supported; select columns or JSON paths");
            }
            if (item.equals("*")) {
                return List.of();
            }
            String alias = null;
            int colon = item.indexOf(':');
            if (colon > 0) {
                alias = item.substring(0, colon).strip();
                item = item.substring(colon + 1).strip();
            }
            Field field = field(item);
            items.add(new SelectItem(alias == null ? defaultAlias(field) : alias, field));
        }
        return items;
    }

    List<OrderTerm> order(String order) {
        if (order == null || order.isBlank()) {
            return List.of();
        }
        var terms = new ArrayList<OrderTerm>();
        for (String raw : order.split(",")) {
            String[] parts = raw.strip().split("\\.");
            Field field = field(parts[0]);
            boolean descending = false;
            Boolean nullsFirst = null;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i]) {
                    case "asc" -> descending = false;
                    case "desc" -> descending = true;
                    case "nullsfirst" -> nullsFirst = true;
                    case "nullslast" -> nullsFirst = false;
                    default ->
                        throw PostgrestException.parse(
                                "\"failed to parse order (" + order + ")\"",
                                "unexpected '" + parts[i] + "'; expecting asc, desc, nullsfirst or nullslast");
                }
            }
            terms.add(new OrderTerm(field, descending, nullsFirst));
        }
        return terms;
    }

    /** The name PostgREST gives a value in results: the last key of a path, else the column. */
    private static String defaultAlias(Field field) {
        return field.path().isEmpty() ? field.column() : field.path().getLast().key();
    }

    /** {@code col} or {@code col->a->>b}; the column must be one of the table's. */
    Field field(String text) {
        String trimmed = text.strip();
        int arrow = trimmed.indexOf("->");
        String column = arrow < 0 ? trimmed : trimmed.substring(0, arrow);
        if (table.column(column).isEmpty()) {
            throw PostgrestException.unknownColumn(table.name(), column);
        }
        var path = new ArrayList<PathStep>();
        int i = arrow;
        while (i >= 0 && i < trimmed.length()) {
            boolean asText = trimmed.startsWith("->>", i);
            int start = i + (asText ? 3 : 2);
            int next = trimmed.indexOf("->", start);
            String key = next < 0 ? trimmed.substring(start) : trimmed.substring(start, next);
            if (key.isEmpty()) {
                throw PostgrestException.parse("\"failed to parse JSON path (" + text + ")\"", "a key is empty");
            }
            path.add(new PathStep(asText, key));
            i = next;
        }
        return new Field(column, List.copyOf(path));
    }

    private Filter filter(Field field, String expression) {
        boolean negated = false;
        String rest = expression;
        if (rest.startsWith("not.")) {
            negated = true;
            rest = rest.substring(4);
        }
        int dot = rest.indexOf('.');
        String operator = dot < 0 ? rest : rest.substring(0, dot);
        if (!OPERATORS.contains(operator)) {
            throw PostgrestException.parse(
                    "\"failed to parse filter (" + expression + ")\"",
                    "unknown operator '" + operator + "'; expecting one of " + OPERATORS);
        }
        if (dot < 0) {
            throw PostgrestException.parse("\"failed to parse filter (" + expression + ")\"", "the value is missing");
        }
        return new Filter(field, negated, operator, rest.substring(dot + 1));
    }

    private List<Condition> tree(String key, String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) {
            throw PostgrestException.parse(
                    "\"failed to parse logic tree (" + value + ")\"", key + " takes (condition, ...)");
        }
        var conditions = new ArrayList<Condition>();
        for (String item : splitTopLevel(trimmed.substring(1, trimmed.length() - 1), "logic tree")) {
            String part = item.strip();
            boolean negated = part.startsWith("not.");
            String inner = negated ? part.substring(4) : part;
            if (inner.startsWith("or(") || inner.startsWith("and(")) {
                boolean or = inner.startsWith("or(");
                conditions.add(new Group(or, negated, tree(or ? "or" : "and", inner.substring(or ? 2 : 3))));
                continue;
            }
            int arrowOrDot = fieldEnd(part);
            if (arrowOrDot < 0) {
                throw PostgrestException.parse(
                        "\"failed to parse logic tree (" + value + ")\"",
                        "expecting column.operator.value, got '" + part + "'");
            }
            Filter filter = filter(field(part.substring(0, arrowOrDot)), part.substring(arrowOrDot + 1));
            conditions.add(new Filter(filter.field(), filter.negated(), filter.operator(), unquote(filter.value())));
        }
        return conditions;
    }

    // The dot that ends the field of "field.op.value" (a JSON path's keys contain no dots here).
    private static int fieldEnd(String condition) {
        return condition.indexOf('.');
    }

    /** Splits on commas outside parentheses and double quotes. */
    static List<String> splitTopLevel(String text, String what) {
        var parts = new ArrayList<String>();
        int depth = 0;
        boolean quoted = false;
        var current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && quoted && i + 1 < text.length()) {
                current.append(ch).append(text.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0 && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (depth != 0 || quoted) {
            throw PostgrestException.parse(
                    "\"failed to parse " + what + " (" + text + ")\"", "unbalanced parentheses or quotes");
        }
        parts.add(current.toString());
        return parts;
    }

    /** The values of {@code in.(a,"b,c")}. */
    static List<String> list(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) {
            throw PostgrestException.parse(
                    "\"failed to parse filter (in." + value + ")\"", "in takes a list: in.(a,b,c)");
        }
        String inner = trimmed.substring(1, trimmed.length() - 1);
        if (inner.isBlank()) {
            return List.of();
        }
        return splitTopLevel(inner, "in list").stream()
                .map(QueryParser::unquote)
                .toList();
    }

    static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw PostgrestException.parse("\"" + name + " is given more than once\"", null);
        }
        return values.getFirst();
    }

    private static Long number(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw PostgrestException.parse("\"" + name + " must not be negative\"", null);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw PostgrestException.parse(
                    "\"failed to parse " + name + " parameter (" + value + ")\"", "expecting a whole number");
        }
    }
}
