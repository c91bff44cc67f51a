package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RowQuery;
import com.bigbox.postgres.rest.RowQuery.Field;
import com.bigbox.postgres.rest.RowQuery.OrderTerm;
import com.bigbox.postgres.rest.RowQuery.SelectItem;
import java.util.List;

/**
 * A parsed {@code /rest/v1} request: what to select, the conditions, the order and the page. The conditions keep
 * their values as the query string gave them until {@link #rows()} reads them for the statement.
 */
record RestQuery(List<SelectItem> select, List<Condition> where, List<OrderTerm> order, Long limit, long offset) {

    sealed interface Condition permits Filter, Group {}

    /** {@code field=[not.]operator.value}. */
    record Filter(Field field, boolean negated, String operator, String value) implements Condition {}

    /** {@code or=(...)}, {@code and=(...)}, possibly negated and nested. */
    record Group(boolean or, boolean negated, List<Condition> conditions) implements Condition {}

    /** The statement's part of this query; a value {@code is} or {@code in} cannot take is refused here. */
    RowQuery rows() {
        return new RowQuery(select, RestConditions.of(where), order);
    }
}
