package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.dashboard.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A newcomer's first hour as one story, with processes as the user starts them: in an empty directory
 * {@code bigbox up} (embedded PostgreSQL), {@code keys --write-env}, {@code users add}, sign in, a lead that
 * must wait for a person, its approval decided in the dashboard (Chromium), a {@code demo} run alongside that
 * leaves the real approvals and events alone, Ctrl-C, and a restart that keeps everything.
 */
class NewcomerJourneyIT {
    static final String PASSWORD = "newcomer password 1";
    static final Pattern DATABASE = Pattern.compile("using database (postgresql://\\S+)");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    // Any free port for the embedded database too: other test runs share this machine.
    /** A first start creates the embedded database; a machine busy with other test runs may take minutes. */
    static final Duration FIRST_START = Duration.ofMinutes(5);

    static final Map<String, String> ENV = Map.of("BIGBOX_EMBEDDED_PORT", "0", "BIGBOX_BCRYPT_COST", "4");

    @TempDir
    Path directory;

    @Test
    void fromAnEmptyDirectoryToADecidedApprovalThatSurvivesARestart() throws Exception {
        assertThat(directory).isEmptyDirectory();
        String jdbc;
        Snapshot before;
        try (EngineProcess engine = EngineProcess.start(directory, ENV, "up", "--port", "0")) {
            int port = engine.awaitListening(FIRST_START);
            jdbc = jdbcUrl(engine.output());
            String base = "http://127.0.0.1:" + port;

            run("keys", "--write-env", "--port", String.valueOf(port));
            String env = Files.readString(directory.resolve(".env"));
            assertThat(env).contains("SUPABASE_URL=" + base);
            String anonKey = value(env, "SUPABASE_ANON_KEY");
            run("users", "add", "--email", "ceo@newcomer.test", "--role", "ceo", "--password", PASSWORD);
            run("users", "add", "--email", "sam@newcomer.test", "--role", "employee", "--password", PASSWORD);

            JsonNode session = signIn(base, anonKey, "ceo@newcomer.test");
            assertThat(session.path("access_token").asText()).isNotEmpty();

            String lead = run("lead", "--name", "Newcomer Lead", "--email", "hello@newcomer.test", "--wait", "90");
            assertThat(lead)
                    .contains("The lead now waits for a person's approval")
                    .doesNotContain("no engine answered");
            String approvals = get(
                    base + "/api/v1/approvals?status=pending",
                    anonKey,
                    session.path("access_token").asText());
            assertThat(approvals).contains("Newcomer Lead");

            try (var browser = new Browser(base)) {
                browser.signIn("sam@newcomer.test", PASSWORD);
                browser.go("#/approvals");
                By item = By.xpath("//li[contains(@class,'approval')][contains(., 'Newcomer Lead')]");
                browser.waitUntil(
                        "queue live",
                        d -> d.findElement(By.id("queue-status")).getText().equals("live"));
                browser.waitFor(item);
                browser.click(item, By.cssSelector("button.approve"));
                browser.waitUntil("decided", d -> d.findElements(item).isEmpty());
            }
            await().atMost(30, SECONDS)
                    .until(() -> Snapshot.of(jdbc).approvalStatus().equals("approved"));
            before = Snapshot.of(jdbc);

            // The demo alongside, with DATABASE_URL pointing at the real database: it must use its own.
            String realUrl = DATABASE.matcher(engine.output())
                    .results()
                    .findFirst()
                    .orElseThrow()
                    .group(1);
            try (EngineProcess demo = EngineProcess.start(
                    directory, Map.of("DATABASE_URL", realUrl, "BIGBOX_EMBEDDED_PORT", "0"), "demo", "--leads", "1")) {
                assertThat(demo.awaitExit(Duration.ofMinutes(5)))
                        .as(demo.output())
                        .isZero();
                assertThat(demo.output()).contains("its own scratch database").contains("stories told");
            }
            assertThat(Snapshot.of(jdbc).untouchedPart())
                    .as("the demo left the real database alone")
                    .isEqualTo(before.untouchedPart());
            assertThat(before.futureDated()).isZero();
            assertThat(eventsUpTo(jdbc, before.lastPosition()))
                    .as("the real events, none removed")
                    .isEqualTo(before.events());

            int printedBeforeStop = engine.output().split("\n").length;
            assertThat(engine.alive())
                    .as("still running before Ctrl-C:\n" + engine.output())
                    .isTrue();
            int exit = engine.stop();
            assertThat(exit).as("a clean stop").isIn(0, 130, 143);
            // The process has exited; its last lines may still be on their way through the output reader.
            assertThat(engine.printed("' stopped"))
                    .as("a final 'stopped' line (exit " + exit + "):\n" + engine.output())
                    .isTrue();
            List<String> shutdown = List.of(engine.output().split("\n"))
                    .subList(printedBeforeStop, engine.output().split("\n").length);
            assertThat(shutdown)
                    .as("shutting down")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
            assertThat(shutdown.getLast()).contains("stopped");
        }

        try (EngineProcess again = EngineProcess.start(directory, ENV, "up", "--port", "0")) {
            int port = again.awaitListening(FIRST_START);
            List<String> atStart = new ArrayList<>();
            for (String line : again.output().split("\n")) {
                if (line.contains(" INFO ")) {
                    atStart.add(line);
                }
                if (line.contains("listening on")) {
                    break;
                }
            }
            assertThat(atStart).as("one INFO line at start").hasSize(1);
            String restarted = jdbcUrl(again.output());
            Snapshot after = Snapshot.of(restarted);
            assertThat(after.approvalStatus()).isEqualTo("approved");
            assertThat(after.resolvedBy())
                    .as("decided by the person who decided it")
                    .isEqualTo(before.resolvedBy())
                    .isNotBlank();
            assertThat(eventsUpTo(restarted, before.lastPosition()))
                    .as("every event kept")
                    .isEqualTo(before.events());
            String anonKey = value(Files.readString(directory.resolve(".env")), "SUPABASE_ANON_KEY");
            assertThat(signIn("http://127.0.0.1:" + port, anonKey, "sam@newcomer.test")
                            .path("access_token")
                            .asText())
                    .isNotEmpty();
        }
    }

    /**
     * What the newcomer's database holds: its events, the lead's approval as decided, and what a demo would leave
     * behind (future-dated events, events by the demo's people).
     */
    record Snapshot(
            long events,
            long lastPosition,
            String approvalStatus,
            String resolvedAt,
            String resolvedBy,
            long futureDated,
            long byDemoPeople,
            long approvals) {
        static Snapshot of(String jdbc) throws Exception {
            try (Connection c = DriverManager.getConnection(jdbc);
                    var s = c.createStatement();
                    var rs = s.executeQuery("""
                    select (select count(*) from events), (select coalesce(max(global_position), 0) from events),
                           a.status, a.resolved_at::text, a.resolved_by,
                           (select count(*) from events where timestamp > now() + interval '5 minutes'),
                           (select count(*) from events where emitted_by like 'demo%' or emitted_by like 'client:%'
                                or emitted_by in ('bank', 'account-manager')),
                           (select count(*) from human_approvals)
                      from human_approvals a where a.recommended_action like '%Newcomer Lead%'""")) {
                if (!rs.next()) {
                    return new Snapshot(0, 0, "none", null, null, 0, 0, 0);
                }
                return new Snapshot(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8));
            }
        }

        /** The same approvals, decided the same way, and nothing a demo writes. */
        Snapshot untouchedPart() {
            return new Snapshot(0, 0, approvalStatus, resolvedAt, resolvedBy, futureDated, byDemoPeople, approvals);
        }
    }

    private static long eventsUpTo(String jdbc, long position) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
                var s = c.prepareStatement("select count(*) from events where global_position <= ?")) {
            s.setLong(1, position);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String run(String... args) throws Exception {
        try (EngineProcess command = EngineProcess.start(directory, ENV, args)) {
            int exit = command.awaitExit(Duration.ofMinutes(3));
            assertThat(exit)
                    .as(String.join(" ", args) + ":\n" + command.output())
                    .isZero();
            return command.output();
        }
    }

    private static String jdbcUrl(String output) {
        Matcher m = DATABASE.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        String url = m.group(1);
        return "jdbc:" + url.replaceFirst("postgresql://postgres@", "postgresql://") + "?user=postgres";
    }

    private static String value(String env, String name) {
        return env.lines()
                .filter(l -> l.startsWith(name + "="))
                .findFirst()
                .orElseThrow()
                .substring(name.length() + 1);
    }

    private static JsonNode signIn(String base, String anonKey, String email) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/auth/v1/token?grant_type=password"))
                        .header("apikey", anonKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String get(String url, String anonKey, String token) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("apikey", anonKey)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
