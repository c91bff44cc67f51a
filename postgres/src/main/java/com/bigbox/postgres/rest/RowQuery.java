package com.bigbox.postgres.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code /rest/v1} statement selects, which rows it keeps and in what order, in names the caller took from the
 * schema cache and values to bind. The words that are written into the SQL (operators, {@code is} keywords) are
 * checked here, so that nothing else from a request reaches the statement's text.
 */
public record RowQuery(List<SelectItem> select, List<Condition> where, List<OrderTerm> order) {
    /** The comparison operators and the SQL each is written as. */
    public static final Map<String, String> COMPARISONS = Map.of(
            "eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=", "like", "like", "ilike", "ilike");

    /** What {@code is} compares with. */
    public static final Set<String> IS_KEYWORDS = Set.of("null", "true", "false", "unknown");

    public RowQuery {
        select = List.copyOf(select);
        where = List.copyOf(where);
        order = List.copyOf(order);
    }

    /** A column, or a JSON path into one ({@code payload->>client_id}). */
    public record Field(String column, List<PathStep> path) {
        public Field {
            path = List.copyOf(path);
        }
    }

    /** One {@code ->} (JSON) or {@code ->>} (text) step; numeric keys index arrays. */
    public record PathStep(boolean asText, String key) {}

    public record SelectItem(String alias, Field field) {}

    public record OrderTerm(Field field, boolean descending, Boolean nullsFirst) {}

    public sealed interface Condition permits Comparison, Is, In, Group {}

    /** {@code field operator value}; {@code like} and {@code ilike} compare the field as text. */
    public record Comparison(Field field, boolean negated, String operator, String value) implements Condition {
        public Comparison {
            if (!COMPARISONS.containsKey(operator)) {
                throw new IllegalArgumentException("not a comparison: " + operator);
            }
        }
    }

    /** {@code field is null|true|false|unknown}. */
    public record Is(Field field, boolean negated, String keyword) implements Condition {
        public Is {
            if (!IS_KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("is takes null, true, false or unknown, not " + keyword);
            }
        }
    }

    /** {@code field in (values)}; no values keeps no row. */
    public record In(Field field, boolean negated, List<String> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /** Conditions joined with {@code or} or {@code and}, possibly negated and nested. */
    public record Group(boolean or, boolean negated, List<Condition> conditions) implements Condition {
        public Group {
            conditions = List.copyOf(conditions);
        }
    }
}
