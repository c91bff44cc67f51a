package com.bigbox.autonomic.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The service read from a client's words: synonyms, plurals, typing slips, asides, and a confidence by margin. */
class ServiceInferenceTest {
    static Stream<Arguments> words() {
        return Stream.of(
                Arguments.of("a new logo and a style guide", "brand_identity"),
                Arguments.of("we are rebranding the whole company", "brand_identity"),
                Arguments.of("radio spots and billboards for the summer", "campaign"),
                Arguments.of("more customers through social media", "campaign"),
                Arguments.of("a booth at the trade show in March", "event_activation"),
                Arguments.of("a gala for 300 guests at a venue downtown", "event_activation"),
                Arguments.of("an online store with a checkout", "web"),
                Arguments.of("our homepage looks dated", "web"),
                Arguments.of("a new webiste", "web"),
                Arguments.of("an advertising campain", "campaign"),
                Arguments.of("a conferance for our partners", "event_activation"),
                Arguments.of("new websites for both shops", "web"),
                Arguments.of("nothing specific yet", ServiceInference.FALLBACK));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("words")
    void readsTheServiceFromOrdinaryWords(String text, String service) {
        assertThat(ServiceInference.infer(text).service()).isEqualTo(service);
    }

    // Confidence follows the margin over the next service and how much was said, and stays under a stated service's.
    @Test
    void theConfidenceMovesWithTheEvidence() {
        double clear = ServiceInference.infer("a new website with an online shop, a blog and a booking system")
                .confidence();
        double single = ServiceInference.infer("a new website").confidence();
        double mixed = ServiceInference.infer("a new website and some ads").confidence();
        double aside =
                ServiceInference.infer("a new website. Maybe some ads later on").confidence();
        double nothing = ServiceInference.infer("let us talk").confidence();
        assertThat(clear).isGreaterThan(single).isLessThanOrEqualTo(ServiceInference.CEILING);
        assertThat(single).isGreaterThan(aside);
        assertThat(aside).isGreaterThan(mixed);
        assertThat(mixed).isGreaterThan(nothing);
        assertThat(nothing).isEqualTo(0.50);
        assertThat(ServiceInference.infer("a new website. Maybe some ads later on")
                        .service())
                .isEqualTo("web");
    }

    @Test
    void namesTheWordsItHeardAndTheRunnerUp() {
        assertThat(ServiceInference.infer("a new website and some ads").reasons())
                .anySatisfy(r -> assertThat(r).startsWith("also heard"))
                .anySatisfy(r -> assertThat(r).contains("margin 0."));
    }

    @Test
    void aSlipOfTheKeyboardIsOneEditAwayAndNoMore() {
        assertThat(Typos.withinOne("campain", "campaign")).isTrue();
        assertThat(Typos.withinOne("webiste", "website")).isTrue();
        assertThat(Typos.withinOne("wbesite", "website")).isTrue();
        assertThat(Typos.withinOne("wbeiste", "website")).isFalse();
        assertThat(Typos.withinOne("grand", "brandy")).isFalse();
    }
}
