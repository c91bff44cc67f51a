package com.bigbox.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL a request becomes holds catalog identifiers and placeholders, never a value from the request. */
class SqlWriterTest {
    private static final Catalog.Table EVENTS =
            new Catalog.Table("events", false, columns("event_id", "aggregate_id", "payload"));

    @Test
    void valuesAndJsonKeysAreBoundNeverWritten() {
        var query = new QueryParser(EVENTS)
                .parse(Map.of(
                        "aggregate_id", List.of("eq.x' or '1'='1"),
                        "payload->>client_id'); drop table events; --", List.of("in.(a,\"b,c\")"),
                        "or", List.of("(aggregate_id.like.*evil*,aggregate_id.is.null)")));
        String sql = new SqlWriter()
                .text("select * from events")
                .where("events", query.where())
                .toString();
        assertThat(sql)
                .doesNotContain("'1'='1")
                .doesNotContain("drop table")
                .doesNotContain("evil")
                .doesNotContain("b,c");
        assertThat(sql)
                .contains("\"events\".\"aggregate_id\" = ?")
                .contains("\"events\".\"payload\" ->> ?::text in (?, ?)")
                .contains("is null");
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
        assertThatThrownBy(() -> new SqlWriter()
                        .where(
                                "events",
                                parser.parse(Map.of("aggregate_id", List.of("is.maybe")))
                                        .where()))
                .hasMessageContaining("failed to parse filter (is.maybe)");
    }

    @Test
    void identifiersAreQuotedWithQuotesDoubled() {
        assertThat(SqlWriter.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    private static Map<String, Catalog.Column> columns(String... names) {
        var columns = new LinkedHashMap<String, Catalog.Column>();
        for (String name : names) {
            columns.put(name, new Catalog.Column(name, "text", "text", true, false, false, false));
        }
        return columns;
    }
}
