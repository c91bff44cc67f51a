package com.bigbox.autonomic.meetings.extraction;

import org.jspecify.annotations.Nullable;

/**
 * An amount, date, time or duration someone mentioned.
 *
 * @param type DATE, TIME, DURATION, MONEY, MEASURE or PERCENT
 * @param text the words as said
 * @param value the normalised value where the words allow one (e.g. {@code 12.50 EUR}, {@code P2W}), else null
 * @param turnId the turn it was said in
 * @param begin character offset of the words in the turn's text
 */
public record Mention(
        String type,
        String text,
        @Nullable String value,
        @Nullable String turnId,
        int begin,
        int end,
        double confidence) {}
