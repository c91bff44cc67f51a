package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RowQuery;
import com.bigbox.server.rest.RestQuery.Condition;
import com.bigbox.server.rest.RestQuery.Filter;
import com.bigbox.server.rest.RestQuery.Group;
import java.util.List;
import java.util.Locale;

/**
 * Reads the values of a request's filters for the statement: {@code is} takes a keyword, {@code in} a list. The
 * statement is written in the request's transaction, and these refusals come from there, where PostgREST's come
 * from too: after every check of the request itself.
 */
final class RestConditions {
    private RestConditions() {}

    static List<RowQuery.Condition> of(List<Condition> conditions) {
        return conditions.stream().map(RestConditions::of).toList();
    }

    private static RowQuery.Condition of(Condition condition) {
        return switch (condition) {
            case Group g -> new RowQuery.Group(g.or(), g.negated(), of(g.conditions()));
            case Filter f ->
                switch (f.operator()) {
                    case "is" -> new RowQuery.Is(f.field(), f.negated(), keyword(f.value()));
                    case "in" -> new RowQuery.In(f.field(), f.negated(), QueryParser.list(f.value()));
                    default -> new RowQuery.Comparison(f.field(), f.negated(), f.operator(), f.value());
                };
        };
    }

    private static String keyword(String value) {
        String keyword = value.toLowerCase(Locale.ROOT);
        if (!RowQuery.IS_KEYWORDS.contains(keyword)) {
            throw PostgrestException.parse(
                    "\"failed to parse filter (is." + value + ")\"", "is takes null, true, false or unknown");
        }
        return keyword;
    }
}
