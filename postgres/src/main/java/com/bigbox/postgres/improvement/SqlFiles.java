package com.bigbox.postgres.improvement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The queries of self-improvement, kept as {@code .sql} resources beside this package. */
final class SqlFiles {
    private SqlFiles() {}

    static String load(String name) {
        String path = "/com/bigbox/postgres/improvement/" + name + ".sql";
        try (InputStream in = SqlFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
