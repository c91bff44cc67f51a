package com.bigbox.app;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real engine on port 0 over a test class's database, with its keys and a small HTTP client. */
final class AccessTesting implements AutoCloseable {
    static final String SECRET = "test-secret-for-the-access-layer-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "long enough password";

    final Engine engine;
    final Tokens tokens = new Tokens(JwtSecret.of(SECRET), Clock.systemUTC(), Duration.ofHours(1));
    final String anonKey = tokens.apiKey(DbRole.ANON, Duration.ofDays(1));
    final String serviceKey = tokens.apiKey(DbRole.SERVICE_ROLE, Duration.ofDays(1));
    final HttpClient http = HttpClient.newHttpClient();

    private AccessTesting(Engine engine) {
        this.engine = engine;
    }

    static AccessTesting start(TestDatabase db, String instance, Map<String, String> extra) throws IOException {
        Path home = Files.createTempDirectory("bigbox-access-");
        var values = new LinkedHashMap<String, String>();
        values.put("DATABASE_URL", db.databaseUrl());
        values.put("BIGBOX_JWT_SECRET", SECRET);
        values.put("BIGBOX_HOME", home.toString());
        values.put("BIGBOX_BCRYPT_COST", "4");
        values.putAll(extra);
        var env = new StringBuilder();
        values.forEach(
                (name, value) -> env.append(name).append('=').append(value).append('\n'));
        Files.writeString(home.resolve(".env"), env);
        return new AccessTesting(Engine.start(Settings.load(home), new Engine.Options("127.0.0.1", 0, instance)));
    }

    String url() {
        return "http://127.0.0.1:" + engine.port();
    }

    /** A request with {@code key} as both apikey and bearer, as supabase-js sends it. */
    HttpRequest.Builder request(String path, String key) {
        var builder = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            builder.header("apikey", anonKey).header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    Response get(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).GET().build());
    }

    Response post(String path, String key, String body) throws IOException, InterruptedException {
        return send(request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Creates a user with the service key and signs it in; its access token. */
    String signedIn(String email, String appRole, String clientId) throws IOException, InterruptedException {
        String meta = clientId == null
                ? "{\"app_role\":\"" + appRole + "\"}"
                : "{\"app_role\":\"" + appRole + "\",\"client_id\":\"" + clientId + "\"}";
        var created = post(
                "/auth/v1/admin/users",
                serviceKey,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"app_metadata\":" + meta + "}");
        if (created.status() != 200) {
            throw new AssertionError("creating " + email + ": " + created);
        }
        return signIn(email, PASSWORD).json().get("access_token").asText();
    }

    /** A password sign-in as the anon key sends it. */
    Response signIn(String email, String password) throws IOException, InterruptedException {
        return post(
                "/auth/v1/token?grant_type=password",
                anonKey,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
