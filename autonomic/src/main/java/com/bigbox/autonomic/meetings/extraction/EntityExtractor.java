package com.bigbox.autonomic.meetings.extraction;

import static com.bigbox.autonomic.meetings.extraction.EntityWords.CLOCK;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.CURRENCY;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.MEASURE_CUES;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.MEASURE_UNITS;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.MONEY_CUES;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.SIGNS;
import static com.bigbox.autonomic.meetings.extraction.EntityWords.TIME_UNITS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds money, percentages, durations, measures, clock times and dates in one turn. A number (spoken or written)
 * is typed by the unit that follows it; a bare number by the words around it, where talk about prices or ages
 * tells what it counts — and is left out when nothing does, since most bare numbers in talk are not amounts.
 */
public final class EntityExtractor {
    private final @Nullable EntityTyper typer;

    /** Rules alone: a number is typed by its unit or the words around it. */
    public EntityExtractor() {
        this(null);
    }

    /** Rules propose, the trained typer decides (null: rules alone). */
    public EntityExtractor(@Nullable EntityTyper typer) {
        this.typer = typer;
    }

    /** A place in the turn where an amount may start, and what the rules make of it (empty: nothing). */
    record Candidate(int from, int numberEnd, Optional<Found> rule) {}

    /** Every place an amount may start in the words: numbers and the few duration phrases said without one. */
    List<Candidate> candidates(Words w) {
        var out = new ArrayList<Candidate>();
        int i = 0;
        while (i < w.size()) {
            int end = SpokenNumbers.numberEnd(w, i);
            if (end > i) {
                out.add(new Candidate(i, end, typeNumber(w, i, end)));
                i = end;
            } else {
                Optional<Found> p = phrase(w, i);
                if (p.isPresent()) {
                    out.add(new Candidate(i, i, p));
                }
                i = p.map(Found::to).orElse(i + 1);
            }
        }
        return out;
    }

    /** Every mention in the turn, left to right, without overlaps. */
    public List<Mention> extract(Turn turn) {
        Words w = Words.of(turn.text());
        var out = new ArrayList<Mention>();
        int i = 0;
        for (Candidate c : candidates(w)) {
            if (c.from() < i) {
                continue;
            }
            Optional<Found> found = typer == null ? c.rule() : typer.decide(w, c);
            if (found.isPresent()) {
                Found f = found.get();
                out.add(new Mention(
                        f.type,
                        w.span(f.from, f.to),
                        f.value,
                        turn.id(),
                        w.words().get(f.from).begin(),
                        w.words().get(f.to - 1).end(),
                        f.confidence));
                i = f.to;
            }
        }
        return out;
    }

    /** What a candidate is: its type, its extent in words, its normalised value and the confidence in it. */
    record Found(String type, int from, int to, @Nullable String value, double confidence) {}

    private Optional<Found> typeNumber(Words w, int from, int end) {
        List<String> words = lower(w, from, end);
        String before = w.lower(from - 1);
        String next = w.lower(end);
        if (SIGNS.containsKey(before)) {
            return Optional.of(money(from - 1, end, words, SIGNS.get(before), 0.9));
        }
        if (CURRENCY.containsKey(next) && !(next.equals("p") && !before.isEmpty())) {
            int to = end + 1;
            // "twelve Euros fifty": the cents follow the currency
            int cents = SpokenNumbers.numberEnd(w, to);
            if (cents > to
                    && SpokenNumbers.value(lower(w, to, cents), false)
                            .map(v -> v.compareTo(BigDecimal.valueOf(100)) < 0)
                            .orElse(false)) {
                var all = new ArrayList<>(words);
                all.addAll(lower(w, to, cents));
                return Optional.of(money(from, cents, all, CURRENCY.get(next), 0.9));
            }
            return Optional.of(money(from, to, words, CURRENCY.get(next), 0.9));
        }
        if (next.equals("percent") || next.equals("%") || next.equals("perc")) {
            return Optional.of(new Found("PERCENT", from, end + 1, plain(words) + "%", 0.95));
        }
        if (next.equals("per") && w.lower(end + 1).equals("cent")) {
            return Optional.of(new Found("PERCENT", from, end + 2, plain(words) + "%", 0.95));
        }
        if (TIME_UNITS.containsKey(next)) {
            String after = w.lower(end + 1);
            if (after.equals("old") || after.equals("olds")) {
                return Optional.of(new Found("MEASURE", from, end + 1, plain(words) + " " + next, 0.8));
            }
            return Optional.of(new Found("DURATION", from, end + 1, duration(words, TIME_UNITS.get(next)), 0.9));
        }
        if (MEASURE_UNITS.contains(next)) {
            return Optional.of(new Found("MEASURE", from, end + 1, plain(words) + " " + next, 0.85));
        }
        if (CLOCK.contains(next)) {
            return Optional.of(new Found("TIME", from, end + 1, null, 0.85));
        }
        return bare(w, from, end, words);
    }

    /** A bare number: an amount only when the talk around it says what it counts. */
    private Optional<Found> bare(Words w, int from, int end, List<String> words) {
        Optional<BigDecimal> v = SpokenNumbers.value(words, true);
        boolean written =
                words.size() == 1 && Character.isDigit(words.getFirst().charAt(0));
        if (v.isEmpty() || (v.get().compareTo(BigDecimal.TEN) < 0 && words.size() == 1 && !written)) {
            return Optional.empty();
        }
        int money = 0;
        int measure = 0;
        for (int k = Math.max(0, from - 8); k < Math.min(w.size(), end + 4); k++) {
            if (k >= from && k < end) {
                continue;
            }
            money += MONEY_CUES.contains(w.lower(k)) ? 1 : 0;
            measure += MEASURE_CUES.contains(w.lower(k)) ? 1 : 0;
        }
        if (money > measure && money > 0) {
            return Optional.of(money(from, end, words, null, 0.6));
        }
        if (measure > 0) {
            return Optional.of(new Found("MEASURE", from, end, plain(words), 0.55));
        }
        return Optional.empty();
    }

    /** Durations said without a number: "half an hour", "a couple of weeks", "a few minutes". */
    private Optional<Found> phrase(Words w, int i) {
        String t = w.lower(i);
        if (t.equals("half") && w.lower(i + 1).equals("an") && w.lower(i + 2).equals("hour")) {
            return Optional.of(new Found("DURATION", i, i + 3, "PT30M", 0.9));
        }
        if (t.equals("half") && w.lower(i + 1).equals("hour")) {
            return Optional.of(new Found("DURATION", i, i + 2, "PT30M", 0.9));
        }
        if ((t.equals("couple") || t.equals("few"))
                && w.lower(i + 1).equals("of")
                && TIME_UNITS.containsKey(w.lower(i + 2))) {
            return Optional.of(new Found(
                    "DURATION",
                    i,
                    i + 3,
                    duration(
                            List.of(t.equals("couple") ? "two" : "three"),
                            Objects.requireNonNull(TIME_UNITS.get(w.lower(i + 2)))),
                    0.75));
        }
        if (t.equals("few")
                && TIME_UNITS.containsKey(w.lower(i + 1))
                && w.lower(i + 1).endsWith("s")) {
            return Optional.of(new Found(
                    "DURATION",
                    i,
                    i + 2,
                    duration(List.of("three"), Objects.requireNonNull(TIME_UNITS.get(w.lower(i + 1)))),
                    0.7));
        }
        return Optional.empty();
    }

    static Found money(int from, int to, List<String> words, @Nullable String currency, double confidence) {
        Optional<BigDecimal> v = SpokenNumbers.value(words, true);
        String value = v.map(x -> x.stripTrailingZeros().toPlainString() + (currency == null ? "" : " " + currency))
                .orElse(null);
        return new Found("MONEY", from, to, value, confidence);
    }

    private static @Nullable String duration(List<String> words, String unit) {
        Optional<BigDecimal> v = SpokenNumbers.value(words, false);
        if (v.isEmpty()) {
            return null;
        }
        String n = v.get().stripTrailingZeros().toPlainString();
        return switch (unit) {
            case "S", "M", "H" -> "PT" + n + unit;
            case "MO" -> "P" + n + "M";
            case "10Y" ->
                "P" + v.get().multiply(BigDecimal.TEN).stripTrailingZeros().toPlainString() + "Y";
            default -> "P" + n + unit;
        };
    }

    static String plain(List<String> words) {
        return SpokenNumbers.value(words, false)
                .map(v -> v.stripTrailingZeros().toPlainString())
                .orElse(String.join(" ", words));
    }

    static List<String> lower(Words w, int from, int to) {
        var out = new ArrayList<String>();
        for (int k = from; k < to; k++) {
            out.add(w.lower(k).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
