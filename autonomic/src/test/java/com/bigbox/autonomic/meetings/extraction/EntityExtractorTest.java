package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
    private static List<Mention> rules(String text) {
        return new EntityExtractor().extract(new Turn("t1", "A", null, null, null, text));
    }

    @Test
    void aNumberIsTypedByTheUnitThatFollowsIt() {
        assertThat(rules("It should sell for twenty five Euro, with fifty percent margin, in thirty minutes"))
                .extracting(Mention::type, Mention::text, Mention::value)
                .containsExactly(
                        tuple("MONEY", "twenty five Euro", "25 EUR"),
                        tuple("PERCENT", "fifty percent", "50%"),
                        tuple("DURATION", "thirty minutes", "PT30M"));
    }

    @Test
    void spokenCentsAfterTheCurrencyBelongToTheAmount() {
        assertThat(rules("so twelve Euros fifty each"))
                .extracting(Mention::type, Mention::text, Mention::value)
                .containsExactly(tuple("MONEY", "twelve Euros fifty", "12.5 EUR"));
        assertThat(rules("a budget of €25,000"))
                .extracting(Mention::type, Mention::text, Mention::value)
                .containsExactly(tuple("MONEY", "€25,000", "25000 EUR"));
    }

    @Test
    void durationsWithoutANumberAndMeasures() {
        assertThat(rules("give me half an hour, then a couple of weeks for the seven inch screen"))
                .extracting(Mention::type, Mention::text, Mention::value)
                .containsExactly(
                        tuple("DURATION", "half an hour", "PT30M"),
                        tuple("DURATION", "couple of weeks", "P2W"),
                        tuple("MEASURE", "seven inch", "7 inch"));
    }

    @Test
    void evidencePointsAtTheWordsInTheTurn() {
        String text = "The budget is twenty thousand pounds.";
        Mention m = rules(text).getFirst();
        assertThat(text.substring(m.begin(), m.end())).isEqualTo("twenty thousand pounds");
        assertThat(m.turnId()).isEqualTo("t1");
    }

    @Test
    void aBareSmallNumberWithNothingAroundItIsNoEntity() {
        assertThat(rules("one of the things is that two of us disagree")).isEmpty();
    }

    @Test
    void theShippedTyperReadsPricesInContext() {
        var extractor = new EntityExtractor(ShippedModels.load().typer());
        List<Mention> found = extractor.extract(new Turn(
                "t1",
                "A",
                "PM",
                0.0,
                5.0,
                "the remote will sell for twenty five Euro and we have fifty percent profit"));
        assertThat(found).extracting(Mention::type).contains("MONEY", "PERCENT");
    }
}
