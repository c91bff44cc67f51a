package com.bigbox.autonomic.meetings.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as people say them ("twenty five", "fifty million", "twelve point five", "one and a half") or write
 * them ("25", "1,500", "2.5k"). Spoken money often drops the separator: "twelve fifty" is two groups, 12 and 50.
 */
public final class SpokenNumbers {
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty",
            80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of(
            "hundred",
            100L,
            "thousand",
            1_000L,
            "million",
            1_000_000L,
            "billion",
            1_000_000_000L,
            "k",
            1_000L,
            "grand",
            1_000L);
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private SpokenNumbers() {}

    /** A word that is a number on its own (not a connector such as "and" or "point"). */
    public static boolean isNumber(String lower) {
        return SMALL.containsKey(lower)
                || TENS.containsKey(lower)
                || DIGITS.matcher(lower).matches()
                || lower.equals("hundred")
                || lower.equals("thousand")
                || lower.equals("million")
                || lower.equals("billion");
    }

    /**
     * The end (exclusive) of the number starting at word {@code from}, or {@code from} if none starts there.
     * Connectors count only between numbers: "one point five", "two hundred and fifty", "a hundred", "and a half".
     */
    public static int numberEnd(Words w, int from) {
        int i = from;
        if ((w.lower(i).equals("a") || w.lower(i).equals("one"))
                && SCALES.containsKey(w.lower(i + 1))
                && !w.lower(i + 1).equals("k")) {
            i += 1;
        }
        if (!isNumber(w.lower(i))) {
            return from;
        }
        int end = i + 1;
        while (end < w.size()) {
            String next = w.lower(end);
            if (isNumber(next) || (end > from && (next.equals("k") || next.equals("grand")))) {
                end++;
            } else if ((next.equals("point") || next.equals("and")) && isNumber(w.lower(end + 1))) {
                end += 2;
            } else if (next.equals("and")
                    && w.lower(end + 1).equals("a")
                    && w.lower(end + 2).equals("half")) {
                end += 3;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * The groups of a spoken number: "twelve fifty" gives [12, 50], "two hundred and fifty thousand" gives [250000],
     * "twelve point five" gives [12.5]. Empty if the words are not a number.
     */
    public static List<BigDecimal> groups(List<String> lowerWords) {
        var reader = new GroupReader();
        for (int i = 0; i < lowerWords.size(); i++) {
            String t = lowerWords.get(i);
            if (t.equals("and") || t.equals("a")) {
                if (t.equals("a")
                        && i + 1 < lowerWords.size()
                        && lowerWords.get(i + 1).equals("half")
                        && reader.open) {
                    return reader.andAHalf();
                }
                continue;
            }
            if (t.equals("point")) {
                i = reader.point(lowerWords, i);
                continue;
            }
            if (DIGITS.matcher(t).matches()) {
                reader.written(t);
                continue;
            }
            Long scale = SCALES.get(t);
            if (scale != null) {
                reader.scale(scale);
                continue;
            }
            if (!reader.word(t)) {
                return List.of();
            }
        }
        return reader.end();
    }

    /**
     * What {@link #groups} has read so far: the groups done, and the one being read ({@code total + current}) while
     * {@code open}. {@code lastKind} is what the last word was: 1 a small number, 2 tens, 3 a scale, 0 none or written.
     */
    private static final class GroupReader {
        final List<BigDecimal> groups = new ArrayList<>();
        long total;
        long current;
        boolean open;
        int lastKind;

        // "one and a half": the open group plus a half ends the number.
        List<BigDecimal> andAHalf() {
            groups.add(BigDecimal.valueOf(total + current).add(new BigDecimal("0.5")));
            return groups;
        }

        // "twelve point five": the digits after "point" are the decimals; returns the position of the last one read.
        int point(List<String> words, int at) {
            int last = at;
            StringBuilder decimals = new StringBuilder();
            for (int j = at + 1; j < words.size(); j++) {
                Integer digit = SMALL.get(words.get(j));
                if (digit == null || digit >= 10) {
                    break;
                }
                decimals.append(digit);
                last = j;
            }
            groups.add(new BigDecimal((total + current) + "." + (decimals.isEmpty() ? "0" : decimals)));
            total = current = 0;
            open = false;
            return last;
        }

        // "25", "1,500": a group of its own.
        void written(String digits) {
            close();
            total = 0;
            current = 0;
            groups.add(new BigDecimal(digits.replace(",", "")));
            open = false;
            lastKind = 0;
        }

        // "hundred", "thousand": multiplies the group being read, or a written number just before ("2.5 k").
        void scale(long scale) {
            if (!open && !groups.isEmpty() && lastKind == 0) {
                groups.set(groups.size() - 1, groups.getLast().multiply(BigDecimal.valueOf(scale)));
                return;
            }
            current = Math.max(1, current);
            if (scale == 100) {
                current *= 100;
            } else {
                total += current * scale;
                current = 0;
            }
            open = true;
            lastKind = 3;
        }

        // A number word; false when the word is none.
        boolean word(String t) {
            int v = SMALL.containsKey(t) ? SMALL.get(t) : TENS.getOrDefault(t, -1);
            if (v < 0) {
                return false;
            }
            int kind = TENS.containsKey(t) ? 2 : 1;
            // "twelve fifty", "nineteen eighty": a new group begins where a number cannot continue the previous one
            boolean continues = open && (lastKind == 3 || (lastKind == 2 && kind == 1 && v < 10));
            if (open && !continues) {
                close();
                total = current = 0;
            }
            current += v;
            open = true;
            lastKind = kind;
            return true;
        }

        List<BigDecimal> end() {
            close();
            return groups;
        }

        private void close() {
            if (open) {
                groups.add(BigDecimal.valueOf(total + current));
            }
        }
    }

    /** One value for the words: the single group, or "twelve fifty" read as 12.50 when {@code asMoney}. */
    public static Optional<BigDecimal> value(List<String> lowerWords, boolean asMoney) {
        List<BigDecimal> g = groups(lowerWords);
        if (g.size() == 1) {
            return Optional.of(g.getFirst());
        }
        if (asMoney
                && g.size() == 2
                && g.get(1).compareTo(BigDecimal.valueOf(100)) < 0
                && g.get(1).scale() <= 0) {
            return Optional.of(g.get(0).add(g.get(1).movePointLeft(2)));
        }
        return Optional.empty();
    }
}
