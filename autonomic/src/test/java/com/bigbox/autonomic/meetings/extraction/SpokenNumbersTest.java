package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {
    private static BigDecimal value(String words, boolean money) {
        return SpokenNumbers.value(List.of(words.split(" ")), money).orElseThrow();
    }

    @Test
    void readsNumbersAsPeopleSayThem() {
        assertThat(value("twenty five", false)).isEqualByComparingTo("25");
        assertThat(value("fifty million", false)).isEqualByComparingTo("50000000");
        assertThat(value("two hundred and fifty thousand", false)).isEqualByComparingTo("250000");
        assertThat(value("twelve point five", false)).isEqualByComparingTo("12.5");
        assertThat(value("one and a half", false)).isEqualByComparingTo("1.5");
        assertThat(value("a hundred", false)).isEqualByComparingTo("100");
        assertThat(value("1,500", false)).isEqualByComparingTo("1500");
        assertThat(value("20 k", false)).isEqualByComparingTo("20000");
    }

    @Test
    void twelveFiftyIsTwoGroupsAndTwelveEurosFiftyAsMoney() {
        assertThat(SpokenNumbers.groups(List.of("twelve", "fifty")))
                .containsExactly(BigDecimal.valueOf(12), BigDecimal.valueOf(50));
        assertThat(value("twelve fifty", true)).isEqualByComparingTo("12.50");
        assertThat(SpokenNumbers.value(List.of("twelve", "fifty"), false)).isEmpty();
    }

    @Test
    void connectorsCountOnlyBetweenNumbers() {
        Words w = Words.of("we need two and a half weeks and then some");
        assertThat(SpokenNumbers.numberEnd(w, 2)).isEqualTo(6);
        assertThat(SpokenNumbers.numberEnd(w, 0)).isZero();
        assertThat(SpokenNumbers.numberEnd(Words.of("one point five and more"), 0))
                .isEqualTo(3);
    }
}
