package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code bigbox} command line, capturing what it prints: in this JVM with given settings, or as a user
 * runs it, a separate process whose only configuration is {@code DATABASE_URL}.
 */
final class Cli {
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(Settings settings, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Main.commandLine(new Main(() -> settings));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code bigbox args...} as a separate process in {@code directory}; {@code hang} only guards against a hang. */
    static Run process(Path directory, String databaseUrl, Duration hang, String... args)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.bigbox.app.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        Process process = builder.start();
        // Both streams at once: a command that fills one pipe while the other is read would never end.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String out = text(process.getInputStream());
        assertThat(process.waitFor(hang.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err.join());
    }

    private static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
