package com.bigbox.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.postgres.rest.RowQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request's query string becomes catalog names and values: a name the table does not have, an unknown operator or
 * modifier is refused before any SQL is written; values stay values (the statement binds them).
 */
class QueryParserTest {
    private static final Catalog.Table EVENTS =
            new Catalog.Table("events", false, columns("event_id", "aggregate_id", "payload"));

    @Test
    void valuesStayValues() {
        var query = new QueryParser(EVENTS)
                .parse(Map.of(
                        "aggregate_id", List.of("eq.x' or '1'='1"),
                        "payload->>client_id'); drop table events; --", List.of("in.(a,\"b,c\")")));
        assertThat(query.rows().where())
                .containsExactlyInAnyOrder(
                        new RowQuery.Comparison(
                                new RowQuery.Field("aggregate_id", List.of()), false, "eq", "x' or '1'='1"),
                        new RowQuery.In(
                                new RowQuery.Field(
                                        "payload",
                                        List.of(new RowQuery.PathStep(true, "client_id'); drop table events; --"))),
                                false,
                                List.of("a", "b,c")));
    }

    @Test
    void logicTreesNestWithTheirValuesUnquoted() {
        var query =
                new QueryParser(EVENTS).parse(Map.of("or", List.of("(aggregate_id.like.*evil*,aggregate_id.is.NULL)")));
        var field = new RowQuery.Field("aggregate_id", List.of());
        assertThat(query.rows().where())
                .containsExactly(new RowQuery.Group(
                        true,
                        false,
                        List.of(
                                new RowQuery.Comparison(field, false, "like", "*evil*"),
                                new RowQuery.Is(field, false, "null"))));
    }

    @Test
    void unknownColumnsOperatorsAndModifiersAreRefusedBeforeSql() {
        var parser = new QueryParser(EVENTS);
        assertThatThrownBy(() -> parser.parse(Map.of("nope", List.of("eq.1"))))
                .hasMessageContaining("events.nope does not exist");
        assertThatThrownBy(() -> parser.parse(Map.of("aggregate_id", List.of("sql.1"))))
                .hasMessageContaining("failed to parse filter");
        assertThatThrownBy(() -> parser.parse(Map.of("order", List.of("aggregate_id;drop"))))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> parser.parse(Map.of("order", List.of("aggregate_id.up"))))
                .hasMessageContaining("failed to parse order");
        assertThatThrownBy(() -> parser.parse(Map.of("select", List.of("aggregate_id::text"))))
                .hasMessageContaining("select");
        assertThatThrownBy(() -> parser.parse(Map.of("or", List.of("(aggregate_id.eq.1"))))
                .hasMessageContaining("logic tree");
        assertThatThrownBy(() -> parser.parse(Map.of("limit", List.of("1; drop"))))
                .hasMessageContaining("limit");
    }

    @Test
    void isAndInValuesAreReadForTheStatement() {
        var parser = new QueryParser(EVENTS);
        var maybe = parser.parse(Map.of("aggregate_id", List.of("is.maybe")));
        assertThatThrownBy(maybe::rows)
                .isInstanceOf(PostgrestException.class)
                .hasMessageContaining("failed to parse filter (is.maybe)");
        var notAList = parser.parse(Map.of("aggregate_id", List.of("in.a,b")));
        assertThatThrownBy(notAList::rows).hasMessageContaining("failed to parse filter (in.a,b)");
    }

    private static Map<String, Catalog.Column> columns(String... names) {
        var columns = new LinkedHashMap<String, Catalog.Column>();
        for (String name : names) {
            columns.put(name, new Catalog.Column(name, "text", "text", true, false, false, false));
        }
        return columns;
    }
}
