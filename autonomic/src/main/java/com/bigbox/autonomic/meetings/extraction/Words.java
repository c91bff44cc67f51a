package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A turn's words with their character offsets, so that evidence can quote the exact words. */
public record Words(String text, List<Word> words) {

    /** One word: its surface form, lower-cased form and where it sits in the turn's text. */
    public record Word(String surface, String lower, int begin, int end) {}

    // Letters, digits, underscores (AMI writes "P_M_") and apostrophes inside words; currency and percent signs alone.
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+(?:['’.,][\\p{L}\\p{N}_]+)*|[€$£%]");

    public static Words of(String text) {
        var out = new ArrayList<Word>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String s = m.group();
            out.add(new Word(s, s.toLowerCase(Locale.ROOT).replace('’', '\''), m.start(), m.end()));
        }
        return new Words(text, List.copyOf(out));
    }

    public int size() {
        return words.size();
    }

    public String lower(int i) {
        return i >= 0 && i < words.size() ? words.get(i).lower() : "";
    }

    /** The text from word {@code from} to word {@code to} (exclusive), as written. */
    public String span(int from, int to) {
        return text.substring(words.get(from).begin(), words.get(to - 1).end());
    }
}
