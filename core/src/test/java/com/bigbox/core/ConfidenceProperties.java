package com.bigbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ConfidenceProperties {
    @Property
    void everyValueBetweenZeroAndOneIsKeptToTwoDecimals(@ForAll @DoubleRange(min = 0, max = 1) double value) {
        Confidence c = Confidence.of(value);
        assertThat(c.value()).isBetween(0.0, 1.0).isCloseTo(value, org.assertj.core.data.Offset.offset(0.005));
        assertThat(c.value() * 100).isCloseTo(Math.rint(c.value() * 100), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Property
    void everyValueOutsideIsRefusedNamingConfidence(@ForAll double value) {
        if (value >= 0 && value <= 1) {
            return;
        }
        assertThatThrownBy(() -> Confidence.of(value))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("confidence"));
    }
}
