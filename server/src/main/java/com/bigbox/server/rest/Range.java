package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RestSession.Page;
import java.util.regex.Pattern;

/** The rows a read answers: {@code limit} (null: all) after {@code offset}. */
record Range(Long limit, long offset) {
    private static final Pattern HEADER = Pattern.compile("^\\s*(?:items=)?(\\d+)-(\\d*)\\s*$");

    /** At most {@code maxRows}, as PostgREST's db-max-rows: a larger or missing limit is cut to it. */
    Range atMost(long maxRows) {
        return limit != null && limit <= maxRows ? this : new Range(maxRows, offset);
    }

    Page page() {
        return new Page(limit, offset);
    }

    /** {@code Range: 0-9} pages as limit and offset do; explicit limit/offset parameters win. */
    static Range of(String header, Long limit, long offset) {
        if (header == null || header.isBlank() || limit != null || offset > 0) {
            return new Range(limit, offset);
        }
        var matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new PostgrestException(
                    416, "PGRST103", "Requested range not satisfiable", "Range must be like 0-9", null);
        }
        long from = Long.parseLong(matcher.group(1));
        if (matcher.group(2).isEmpty()) {
            return new Range(null, from);
        }
        long to = Long.parseLong(matcher.group(2));
        if (to < from) {
            throw new PostgrestException(
                    416, "PGRST103", "Requested range not satisfiable", "the range ends before it starts", null);
        }
        return new Range(to - from + 1, from);
    }
}
