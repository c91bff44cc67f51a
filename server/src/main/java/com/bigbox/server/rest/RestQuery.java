package com.bigbox.server.rest;

import java.util.List;

/** A parsed {@code /rest/v1} request: what to select, the conditions, the order and the page. */
record RestQuery(List<SelectItem> select, List<Condition> where, List<OrderTerm> order, Long limit, long offset) {

    /** A column, or a JSON path into one ({@code payload->>client_id}). */
    record FieldRef(String column, List<PathStep> path) {
        /** The name PostgREST gives the value in results: the last key of a path, else the column. */
        String defaultAlias() {
            return path.isEmpty() ? column : path.getLast().key();
        }
    }

    /** One {@code ->} (JSON) or {@code ->>} (text) step; numeric keys index arrays. */
    record PathStep(boolean asText, String key) {}

    record SelectItem(String alias, FieldRef field) {}

    sealed interface Condition permits Filter, Group {}

    /** {@code field=[not.]operator.value}. */
    record Filter(FieldRef field, boolean negated, String operator, String value) implements Condition {}

    /** {@code or=(...)}, {@code and=(...)}, possibly negated and nested. */
    record Group(boolean or, boolean negated, List<Condition> conditions) implements Condition {}

    record OrderTerm(FieldRef field, boolean descending, Boolean nullsFirst) {}

    boolean selectsAll() {
        return select.isEmpty();
    }
}
