package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentAndServiceTest {
    private static Turn turn(String text) {
        return new Turn("t1", "Chloe", "client", null, null, text);
    }

    @Test
    void negativeWordsMakeANegativeTurnAndNegationTurnsThemAround() {
        var n = Sentiment.negative(turn("Honestly we are disappointed, the last delivery was late"))
                .orElseThrow();
        assertThat(n.words()).containsExactly("disappointed", "late");
        assertThat(n.score()).isLessThan(-0.5);
        assertThat(Sentiment.negative(turn("That is not a problem at all"))).isEmpty();
        assertThat(Sentiment.negative(turn("We are not happy with the colours"))
                        .orElseThrow()
                        .words())
                .containsExactly("not happy");
        assertThat(Sentiment.negative(turn("Great work, we love it"))).isEmpty();
    }

    @Test
    void theServiceWantedMapsToTheSopCatalogueTypes() {
        var wanted = ServiceTypes.wanted(
                List.of(turn("We want a fresh brand"), turn("and a new logo"), turn("maybe a website")));
        assertThat(wanted.serviceType()).isEqualTo("brand_identity");
        assertThat(wanted.mentions()).isEqualTo(2);
        assertThat(wanted.words()).isEqualTo("brand");
        assertThat(ServiceTypes.wanted(List.of(turn("let's talk"))))
                .extracting(ServiceTypes.Wanted::serviceType)
                .isEqualTo("creative_services");
    }
}
