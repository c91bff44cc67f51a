package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file over {@value #MAX_LINES} lines: a file that long holds more than one job, and a new maintainer
 * reads it all before changing any of it. The files still over the limit are listed by name; the list can only
 * shrink, since a file listed here that has come under the limit (or is gone) fails the test too.
 */
class UnitSizeTest {
    static final int MAX_LINES = 300;

    /** The files still over the limit, to be split; remove a file from here once it is under. */
    static final Set<String> STILL_OVER = Set.of();

    @Test
    void noMainSourceFileIsOverTheLimit() {
        Map<String, Long> over = new TreeMap<>();
        sizes().forEach((file, lines) -> {
            if (lines > MAX_LINES && !STILL_OVER.contains(file)) {
                over.put(file, lines);
            }
        });
        assertThat(over)
                .as("main source files over %d lines: split them by job (see docs/architecture.md)", MAX_LINES)
                .isEmpty();
    }

    @Test
    void theListOfFilesStillOverOnlyShrinks() {
        Map<String, Long> sizes = sizes();
        var underOrGone = new TreeMap<String, Long>();
        for (String file : STILL_OVER) {
            long lines = sizes.getOrDefault(file, 0L);
            if (lines <= MAX_LINES) {
                underOrGone.put(file, lines);
            }
        }
        assertThat(underOrGone)
                .as("files under %d lines (or gone) still listed in UnitSizeTest.STILL_OVER: remove them", MAX_LINES)
                .isEmpty();
    }

    // Lines of every main Java source file of every module, by path from the repository root.
    private static Map<String, Long> sizes() {
        Path root = repositoryRoot();
        var sizes = new TreeMap<String, Long>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        try (Stream<String> lines = Files.lines(file)) {
                            sizes.put(root.relativize(file).toString().replace('\\', '/'), lines.count());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sizes).as("main sources under %s", root).isNotEmpty();
        return sizes;
    }

    // The tests run in the app module's directory; the modules sit beside it.
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !(Files.isDirectory(dir.resolve("core")) && Files.isDirectory(dir.resolve("autonomic")))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
