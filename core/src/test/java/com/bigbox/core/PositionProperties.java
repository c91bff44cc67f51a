package com.bigbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The global order is by writing transaction first, then by insert: a total order. */
class PositionProperties {
    @Property
    void aLaterTransactionComesAfterWhateverItsGlobalPosition(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seq,
            @ForAll @LongRange(min = 1, max = 1_000_000) long a,
            @ForAll @LongRange(min = 1, max = 1_000_000) long b) {
        assertThat(new Position(seq + 1, a).isAfter(new Position(seq, b))).isTrue();
    }

    @Property
    void comparisonIsAntisymmetricAndConsistentWithEquals(
            @ForAll @LongRange(max = 50) long s1,
            @ForAll @LongRange(max = 50) long g1,
            @ForAll @LongRange(max = 50) long s2,
            @ForAll @LongRange(max = 50) long g2) {
        Position x = new Position(s1, g1);
        Position y = new Position(s2, g2);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
        assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
        assertThat(Position.START.compareTo(x) <= 0).isTrue();
    }
}
