package com.bigbox.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one way this module reads a query kept as a {@code .sql} resource: the file sits beside the class that
 * runs it ({@code <package of owner>/<name>.sql}), and {@code SqlResourcesExplainIT} plans every such file
 * against the migrated schema in each build.
 */
public final class SqlResource {
    private SqlResource() {}

    public static String load(Class<?> owner, String name) {
        String path = name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing SQL resource " + owner.getPackageName().replace('.', '/') + "/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
