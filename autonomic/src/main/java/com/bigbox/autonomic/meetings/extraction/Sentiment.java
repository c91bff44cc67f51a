package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How negative a turn is, from a small lexicon written for this engine (no third-party word list, so no licence
 * to honour) with negation: "not happy" is negative, "not a problem" is not. There are no public meeting
 * sentiment labels, so this is not measured: it flags turns for a person to read, never decides alone.
 */
public final class Sentiment {
    /** A negative turn with the words that made it so. */
    public record Negative(@Nullable String turnId, List<String> words, double score) {}

    private static final Set<String> NEGATIVE = Set.of(
            "disappointed",
            "disappointing",
            "unhappy",
            "frustrated",
            "frustrating",
            "annoyed",
            "angry",
            "upset",
            "worried",
            "concerned",
            "concern",
            "unacceptable",
            "terrible",
            "awful",
            "bad",
            "poor",
            "late",
            "delay",
            "delayed",
            "delays",
            "overdue",
            "missed",
            "wrong",
            "mistake",
            "mistakes",
            "problem",
            "problems",
            "issue",
            "issues",
            "expensive",
            "overpriced",
            "cancel",
            "cancelled",
            "terminate",
            "complaint",
            "complain",
            "useless",
            "waste",
            "slow",
            "unclear",
            "confusing",
            "hate",
            "fail",
            "failed",
            "failure",
            "sloppy",
            "unprofessional",
            "leave",
            "competitor",
            "refund",
            "lawyer",
            "breach");
    private static final Set<String> POSITIVE = Set.of(
            "happy",
            "great",
            "good",
            "love",
            "excellent",
            "pleased",
            "perfect",
            "fantastic",
            "brilliant",
            "nice",
            "glad",
            "thanks",
            "impressed",
            "wonderful",
            "clear",
            "fine");
    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "don't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", "hardly", "nothing",
            "without");

    private Sentiment() {}

    /** Score in [-1, 1] and the negative words, or empty when the turn carries no negative signal. */
    public static java.util.Optional<Negative> negative(Turn turn) {
        Words w = Words.of(turn.text());
        int neg = 0;
        int pos = 0;
        var evidence = new ArrayList<String>();
        for (int i = 0; i < w.size(); i++) {
            String x = w.lower(i);
            boolean negated = NEGATORS.contains(w.lower(i - 1)) || NEGATORS.contains(w.lower(i - 2));
            if (NEGATIVE.contains(x)) {
                if (negated) {
                    pos++;
                } else {
                    neg++;
                    evidence.add(w.words().get(i).surface());
                }
            } else if (POSITIVE.contains(x)) {
                if (negated) {
                    neg++;
                    evidence.add(w.span(Math.max(0, NEGATORS.contains(w.lower(i - 1)) ? i - 1 : i - 2), i + 1));
                } else {
                    pos++;
                }
            }
        }
        if (neg == 0 || neg <= pos) {
            return java.util.Optional.empty();
        }
        double score = -Math.min(1.0, (neg - pos) / 3.0);
        return java.util.Optional.of(new Negative(turn.id(), evidence, score));
    }
}
