package com.bigbox.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's programs some tests drive (psql, node, Chromium). A missing one fails the test with one
 * line saying what to install: a test that skips itself on a bare machine would prove nothing there.
 */
public final class Tools {
    private static final long TIMEOUT_SECONDS = 300;

    private Tools() {}

    /** Fails, naming what to install, unless {@code program} (a name on PATH or an absolute path) is there. */
    public static void require(String program, String install) {
        if (!available(program)) {
            throw new AssertionError("this test needs " + program + ", which is not installed: " + install);
        }
    }

    public static boolean available(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Applies an SQL file with psql, stopping at the first error, as a user following the Supabase guide would. */
    public static void psql(String databaseUrl, Path file) {
        require("psql", "apt-get install postgresql-client");
        run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", databaseUrl, "-f", file.toString()));
    }

    /** Runs a command to its end; its standard output, or an AssertionError with everything it printed. */
    public static String run(List<String> command) {
        try {
            Path errors = Files.createTempFile("bigbox-tool-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(
                            String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                            + out + Files.readString(errors));
                }
                return out;
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
