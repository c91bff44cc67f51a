package com.bigbox.app;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bigbox <args>} as a separate JVM, as a user runs it, with its output captured line by line. */
final class EngineProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private final Thread reader;

    private EngineProcess(Process process) {
        this.process = process;
        reader = Thread.ofVirtual().start(() -> {
            try (var reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static EngineProcess start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        var builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(environment);
        return new EngineProcess(builder.start());
    }

    /** Waits for the "listening on" line and returns the port. */
    int awaitListening() {
        // A JVM, its migrations and its subscriptions start in a minute on a quiet machine; on a busy one
        // (several builds sharing two cores) two at once have taken longer than 90 s.
        return awaitListening(Duration.ofSeconds(240));
    }

    /** Waits as long as {@code limit} for the "listening on" line (a first start creates the embedded database). */
    int awaitListening(Duration limit) {
        await().atMost(limit).until(() -> port() > 0 || !process.isAlive());
        if (port() <= 0) {
            throw new IllegalStateException("the engine did not start:\n" + output());
        }
        return port();
    }

    private int port() {
        synchronized (lines) {
            for (String line : lines) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return -1;
    }

    boolean printed(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    long count(String text) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains(text)).count();
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** After the process ended: waits until its last lines have passed the output reader. */
    void awaitOutputEnd(Duration limit) throws InterruptedException {
        reader.join(limit);
    }

    /**
     * Sends SIGTERM, as Ctrl-C or a service manager would, and waits for a clean exit and its last lines. Through
     * the process handle: {@code Process.destroy()} also closes our end of its output, so whatever it prints while
     * stopping (its final "stopped" line) would be lost to us, and written by it into a closed pipe.
     */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        int exit = awaitExit(Duration.ofSeconds(30));
        awaitOutputEnd(Duration.ofSeconds(15));
        return exit;
    }

    /** Sends SIGKILL, as {@code kill -9}: nothing is released cleanly; waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
