package com.bigbox.postgres.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.postgres.rest.RowQuery.Comparison;
import com.bigbox.postgres.rest.RowQuery.Field;
import com.bigbox.postgres.rest.RowQuery.Group;
import com.bigbox.postgres.rest.RowQuery.In;
import com.bigbox.postgres.rest.RowQuery.Is;
import com.bigbox.postgres.rest.RowQuery.PathStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL a request becomes holds catalog identifiers and placeholders, never a value from the request. */
class SqlWriterTest {
    private static final Field AGGREGATE_ID = new Field("aggregate_id", List.of());

    @Test
    void valuesAndJsonKeysAreBoundNeverWritten() {
        String sql = new SqlWriter()
                .text("select * from events")
                .where(
                        "events",
                        List.of(
                                new Comparison(AGGREGATE_ID, false, "eq", "x' or '1'='1"),
                                new In(
                                        new Field(
                                                "payload",
                                                List.of(new PathStep(true, "client_id'); drop table events; --"))),
                                        false,
                                        List.of("a", "b,c")),
                                new Group(
                                        true,
                                        false,
                                        List.of(
                                                new Comparison(AGGREGATE_ID, false, "like", "*evil*"),
                                                new Is(AGGREGATE_ID, false, "null")))))
                .toString();
        assertThat(sql)
                .doesNotContain("'1'='1")
                .doesNotContain("drop table")
                .doesNotContain("evil")
                .doesNotContain("b,c");
        assertThat(sql)
                .contains("\"events\".\"aggregate_id\" = ?")
                .contains("\"events\".\"payload\" ->> ?::text in (?, ?)")
                .contains("(\"events\".\"aggregate_id\")::text like ?")
                .contains("is null");
    }

    @Test
    void onlyKnownOperatorsAndKeywordsAreWritten() {
        assertThatThrownBy(() -> new Comparison(AGGREGATE_ID, false, "= 1 or true --", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Is(AGGREGATE_ID, false, "null; drop table events"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyInListKeepsNoRow() {
        assertThat(new SqlWriter()
                        .where("events", List.of(new In(AGGREGATE_ID, true, List.of())))
                        .toString())
                .isEqualTo(" where not (false)");
    }

    @Test
    void identifiersAreQuotedWithQuotesDoubled() {
        assertThat(SqlWriter.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}
