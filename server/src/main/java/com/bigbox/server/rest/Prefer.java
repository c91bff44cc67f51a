package com.bigbox.server.rest;

import java.util.Locale;

/** The {@code Prefer} header's parts that this layer honours, as PostgREST reads them. */
record Prefer(String returning, boolean count, String resolution) {
    static Prefer parse(String header) {
        String returning = "minimal";
        boolean count = false;
        String resolution = null;
        if (header != null) {
            for (String part : header.split(",")) {
                String[] kv = part.strip().toLowerCase(Locale.ROOT).split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                switch (kv[0]) {
                    case "return" -> returning = kv[1];
                    case "count" -> count = true;
                    case "resolution" -> resolution = kv[1];
                    default -> {
                        // other preferences (missing, tx, timezone) are not honoured, as PostgREST ignores unknown ones
                    }
                }
            }
        }
        return new Prefer(returning, count, resolution);
    }

    boolean representation() {
        return returning.equals("representation");
    }
}
