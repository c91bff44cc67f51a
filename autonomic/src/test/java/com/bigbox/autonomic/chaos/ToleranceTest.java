package com.bigbox.autonomic.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void exactValuesCompareNumbersByValue() {
        assertThat(new Tolerance.Exactly(0).accepts(0.0)).isTrue();
        assertThat(new Tolerance.Exactly(0).accepts(1L)).isFalse();
        assertThat(new Tolerance.Exactly(true).accepts(true)).isTrue();
        assertThat(new Tolerance.Exactly(true).accepts("true")).isFalse();
        assertThat(new Tolerance.Exactly("up").accepts("up")).isTrue();
        assertThat(new Tolerance.Exactly(1.0).accepts(Double.NaN)).isFalse();
    }

    @Test
    void oneOfRangeAndRegexLookAtTheTargetField() {
        assertThat(new Tolerance.OneOf(List.of(200, 204)).accepts(204)).isTrue();
        assertThat(new Tolerance.OneOf(List.of(200, 204)).accepts(503)).isFalse();
        var range = new Tolerance.Range(0, 30, "seconds");
        assertThat(range.accepts(Map.of("seconds", 12.5))).isTrue();
        assertThat(range.accepts(Map.of("seconds", 31))).isFalse();
        assertThat(range.accepts(Map.of("other", 1))).isFalse();
        assertThat(new Tolerance.Range(1, 2, null).accepts("1"))
                .as("text is not a number")
                .isFalse();
        assertThat(new Tolerance.Regex(Pattern.compile("\"status\":\"up\""), "body")
                        .accepts(Map.of("body", "{\"status\":\"up\"}")))
                .isTrue();
        assertThatThrownBy(() -> new Tolerance.Range(3, 1, null)).hasMessageContaining("low <= high");
    }

    @Test
    void jsonPathFindsNestedValues() {
        Map<String, Object> value = Map.of("anomalies", 0, "instances", List.of(Map.of("lost", 0), Map.of("lost", 2)));
        assertThat(new Tolerance.JsonPath("$.anomalies", List.of(0), null).accepts(value))
                .isTrue();
        assertThat(new Tolerance.JsonPath("$.instances[1].lost", List.of(0), null).accepts(value))
                .isFalse();
        assertThat(new Tolerance.JsonPath("$.instances[0]", List.of(), null).accepts(value))
                .as("exists")
                .isTrue();
        assertThat(new Tolerance.JsonPath("$.missing", List.of(), null).accepts(value))
                .isFalse();
        assertThatThrownBy(() -> new Tolerance.JsonPath("$..deep", List.of(), null))
                .hasMessageContaining("tolerance.path");
        assertThat(new Tolerance.JsonPath("$.a", List.of(1), null).describe()).containsEntry("type", "jsonpath");
    }
}
