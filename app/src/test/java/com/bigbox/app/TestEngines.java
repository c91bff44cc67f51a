package com.bigbox.app;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts engines against a test class's database and talks to them over HTTP. */
final class TestEngines {
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path HOME = home();
    /** Every request carries the service_role key, as the engine's own backends would. */
    static final String SERVICE_KEY = new Tokens(
                    JwtSecret.of(AccessTesting.SECRET), Clock.systemUTC(), Duration.ofHours(1))
            .apiKey(DbRole.SERVICE_ROLE, Duration.ofDays(1));

    private static Path home() {
        try {
            return java.nio.file.Files.createTempDirectory("bigbox-ops-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TestEngines() {}

    static Settings settings(TestDatabase db, Map<String, String> extra) {
        return settingsFor(db.databaseUrl(), extra);
    }

    static Settings settingsFor(String databaseUrl, Map<String, String> extra) {
        var values = new HashMap<String, String>();
        values.put("DATABASE_URL", databaseUrl);
        values.put("BIGBOX_JWT_SECRET", AccessTesting.SECRET);
        values.put("BIGBOX_HOME", HOME.toString());
        values.put("BIGBOX_POOL_SIZE", "6");
        values.putAll(extra);
        return Settings.of(values, Path.of("").toAbsolutePath());
    }

    static Engine start(TestDatabase db, String name) throws IOException {
        return start(db, name, Map.of());
    }

    static Engine start(TestDatabase db, String name, Map<String, String> extra) throws IOException {
        return Engine.start(settings(db, extra), new Engine.Options("127.0.0.1", 0, name));
    }

    static HttpResponse<String> get(Engine engine, String path) throws IOException, InterruptedException {
        return http.send(
                withKey(HttpRequest.newBuilder(uri(engine, path)))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Engine engine, String path, String json) throws IOException, InterruptedException {
        return http.send(
                withKey(HttpRequest.newBuilder(uri(engine, path)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return request.header("apikey", SERVICE_KEY).header("Authorization", "Bearer " + SERVICE_KEY);
    }

    static URI uri(Engine engine, String path) {
        return URI.create("http://127.0.0.1:" + engine.port() + path);
    }
}
