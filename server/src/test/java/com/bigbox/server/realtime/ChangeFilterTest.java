package com.bigbox.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {
    private static final Set<String> COLUMNS = Set.of("aggregate_id", "sequence_number", "status");

    @Test
    void comparesNumbersAsNumbersAndTextAsText() throws Exception {
        JsonNode row =
                new ObjectMapper().readTree("{\"aggregate_id\": \"a-1\", \"sequence_number\": 10, \"status\": null}");
        assertThat(ChangeFilter.parse("aggregate_id=eq.a-1", COLUMNS).matches(row))
                .isTrue();
        assertThat(ChangeFilter.parse("aggregate_id=neq.a-1", COLUMNS).matches(row))
                .isFalse();
        assertThat(ChangeFilter.parse("sequence_number=gt.9", COLUMNS).matches(row))
                .isTrue();
        assertThat(ChangeFilter.parse("sequence_number=lt.9", COLUMNS).matches(row))
                .isFalse();
        assertThat(ChangeFilter.parse("sequence_number=gte.10.0", COLUMNS).matches(row))
                .isTrue();
        assertThat(ChangeFilter.parse("aggregate_id=in.(b,\"a-1\")", COLUMNS).matches(row))
                .isTrue();
        assertThat(ChangeFilter.parse("status=eq.null", COLUMNS).matches(row)).isFalse();
    }

    @Test
    void refusesUnknownColumnsAndOperators() {
        assertThatThrownBy(() -> ChangeFilter.parse("nope=eq.1", COLUMNS)).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> ChangeFilter.parse("status=like.a", COLUMNS)).hasMessageContaining("operator");
        assertThatThrownBy(() -> ChangeFilter.parse("status", COLUMNS)).hasMessageContaining("column=operator.value");
        assertThatThrownBy(() -> ChangeFilter.parse("status=in.a,b", COLUMNS)).hasMessageContaining("in takes");
    }
}
