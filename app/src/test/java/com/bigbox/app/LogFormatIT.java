package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real {@code bigbox up} process: quiet human-readable lines by default, one JSON object per line on request. */
class LogFormatIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Starts {@code bigbox up}, waits for it to say it listens, stops it, and returns what it printed. */
    static List<String> runUp(String instance, String logFormat) throws Exception {
        // The app's own classpath, without the test classes (their logback-test.xml would win).
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        var builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "com.bigbox.app.Main",
                        "up",
                        "--port",
                        "0",
                        "--instance",
                        instance)
                .redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", db.databaseUrl());
        builder.environment().remove("BIGBOX_LOG_FORMAT");
        if (logFormat != null) {
            builder.environment().put("BIGBOX_LOG_FORMAT", logFormat);
        }
        Process process = builder.start();
        var lines = new LinkedBlockingQueue<String>();
        var reading = Thread.ofPlatform().daemon().start(() -> {
            try (var reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process is gone
            }
        });
        try {
            // A readiness wait, not a speed check: a loaded machine may take minutes to start a JVM and migrate.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            boolean started = false;
            while (!started && System.nanoTime() < deadline) {
                Thread.sleep(100);
                started = lines.stream().anyMatch(l -> l.contains("listening on http"));
            }
            assertThat(started).as("it started: " + lines).isTrue();
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
            reading.join(5_000);
        } finally {
            process.destroyForcibly();
        }
        return new ArrayList<>(lines);
    }

    @Test
    void jsonLogsAreOneJsonObjectPerLine() throws Exception {
        List<String> lines = runUp("json-logs", "json");
        var json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("level")
                            && entry.has("loggerName")
                            && entry.has("formattedMessage")
                            && entry.has("timestamp"))
                    .as(line)
                    .isTrue();
        }
        assertThat(lines.stream().map(l -> {
                    try {
                        return json.readTree(l).get("formattedMessage").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .anyMatch(m -> m.startsWith("Big Box engine 'json-logs' listening on http://127.0.0.1:"));
    }

    @Test
    void theDefaultIsQuietHumanReadableLines() throws Exception {
        List<String> lines = runUp("plain-logs", null);
        assertThat(lines).allMatch(l -> !l.startsWith("{"), "no JSON");
        assertThat(lines)
                .allMatch(
                        l -> l.matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (INFO |WARN |ERROR) \\S+ .*"),
                        "time, level, logger, message");
        // One line per subscription this instance takes (agents, governor, projections, the loops' executor), and
        // besides those only a few to start and stop.
        List<String> others = lines.stream()
                .filter(l -> !l.contains(" SubscriptionWorker Subscription "))
                .toList();
        assertThat(others).as("quiet: a few lines to start and stop").hasSizeLessThan(8);
        assertThat(lines.size() - others.size())
                .as("one line per subscription taken")
                .isLessThanOrEqualTo(12);
    }
}
