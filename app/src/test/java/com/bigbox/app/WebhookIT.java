package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.access.WebhookSecretStore;
import com.bigbox.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/webhooks/lead}: signatures, staleness, replays, rotation with two active secrets. */
class WebhookIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static final String LEAD =
            "{\"name\":\"Grace\",\"email\":\"grace@example.com\",\"company\":\"Navy\",\"phone\":\"555\","
                    + "\"budget\":25000,\"message\":\"We need a brand\",\"urgency\":\"high\"}";

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "webhook", Map.of());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void withoutASecretTheWebhookIsUnavailableAndStoresNothing() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("update bigbox_access.webhook_secrets set retired_at = now()");
        }
        var response =
                deliver("whatever-secret-whatever-secret-1234", Instant.now().getEpochSecond(), LEAD);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("message").asText()).contains("webhook-secret rotate");
    }

    @Test
    void aSignedLeadBecomesLeadReceivedAndBadOnesStoreNothing() throws Exception {
        String secret = rotate();
        long before = leads();
        var accepted = deliver(secret, Instant.now().getEpochSecond(), LEAD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("event_type").asText()).isEqualTo("LEAD_RECEIVED");
        assertThat(accepted.json().get("aggregate_type").asText()).isEqualTo("LEAD");
        assertThat(accepted.json().at("/payload/urgency").asText()).isEqualTo("high");
        assertThat(accepted.json().at("/payload/budget").asInt()).isEqualTo(25000);
        assertThat(leads()).isEqualTo(before + 1);

        long now = Instant.now().getEpochSecond();
        assertThat(deliver("another-secret-another-secret-12345", now, LEAD).status())
                .isEqualTo(401);
        assertThat(deliver(secret, now - 3600, LEAD).status()).as("stale").isEqualTo(401);
        assertThat(deliver(secret, now + 3600, LEAD).status())
                .as("from the future")
                .isEqualTo(401);
        var tampered = send(now, LEAD.replace("Grace", "Mallory"), signature(secret, now, LEAD));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.json().get("error").asText()).isEqualTo("invalid_signature");
        assertThat(send(now, LEAD, null).status()).isEqualTo(401);
        assertThat(send(now, LEAD, "v1=zz").status()).isEqualTo(401);
        assertThat(leads()).isEqualTo(before + 1);

        assertThat(deliver(secret, now, "{\"name\":\"No Email\"}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("email");
        assertThat(deliver(secret, now, "{\"name\":\"X\",\"email\":\"x@example.com\",\"urgency\":\"panic\"}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("urgency");
        assertThat(deliver(secret, now, "{\"name\":\"X\",\"email\":\"x@example.com\",\"budget\":-1}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("budget");
        assertThat(deliver(secret, now, "{\"name\":\"X\",\"email\":\"x@example.com\",\"admin\":true}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("admin");
        assertThat(leads()).isEqualTo(before + 1);
    }

    @Test
    void aReplayedDeliveryStoresNothingNew() throws Exception {
        String secret = rotate();
        long now = Instant.now().getEpochSecond();
        String body = LEAD.replace("Grace", "Replay");
        assertThat(deliver(secret, now, body).status()).isEqualTo(202);
        long after = leads();
        var replay = deliver(secret, now, body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(leads()).isEqualTo(after);
    }

    // Issue 10, item 7: the same timestamp and body with the signature re-encoded stored a new lead each time.
    @Test
    void aReplayWithTheSignatureReEncodedStoresNothingNew() throws Exception {
        String secret = rotate();
        long now = Instant.now().getEpochSecond();
        String body = LEAD.replace("Grace", "Re-encoded");
        String signature = signature(secret, now, body);
        var first = send(now, body, signature);
        assertThat(first.status()).isEqualTo(202);
        long after = leads();
        String hex = signature.substring("v1=".length());
        for (String reEncoded : List.of(
                "v1=" + hex.toUpperCase(Locale.ROOT),
                "v1=deadbeef," + signature,
                "v1=deadbeef, v1=" + hex.toUpperCase(Locale.ROOT),
                signature + ",v1=00",
                " " + signature + " ")) {
            var replay = send(now, body, reEncoded);
            assertThat(replay.status()).as(reEncoded).isEqualTo(200);
            assertThat(replay.json().get("event_id").asText())
                    .isEqualTo(first.json().get("event_id").asText());
        }
        assertThat(leads()).isEqualTo(after);
    }

    @Test
    void rotationKeepsThePreviousSecretAndRetiresTheOneBefore() throws Exception {
        String first = rotate();
        String second = rotateWithTheCommand();
        long now = Instant.now().getEpochSecond();
        assertThat(deliver(first, now, LEAD.replace("Grace", "First")).status()).isEqualTo(202);
        assertThat(deliver(second, now, LEAD.replace("Grace", "Second")).status())
                .isEqualTo(202);
        rotate();
        assertThat(deliver(first, now, LEAD.replace("Grace", "Third")).status()).isEqualTo(401);
        assertThat(deliver(second, now, LEAD.replace("Grace", "Fourth")).status())
                .isEqualTo(202);
    }

    private static String rotate() {
        String secret = "test-secret-" + java.util.UUID.randomUUID();
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 2, "test")) {
            new WebhookSecretStore(database.pool()).rotate(secret);
        }
        return secret;
    }

    private static String rotateWithTheCommand() throws Exception {
        Path directory = Files.createTempDirectory("bigbox-webhook-");
        Files.writeString(directory.resolve(".env"), "DATABASE_URL=" + db.databaseUrl() + "\n");
        var out = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exit = commandLine.execute("webhook-secret", "rotate", "--directory", directory.toString());
        assertThat(exit).as(out.toString()).isZero();
        String line = out.toString()
                .lines()
                .filter(l -> l.startsWith("BIGBOX_WEBHOOK_SECRET="))
                .findFirst()
                .orElseThrow();
        assertThat(out.toString()).contains("2 secret(s) active");
        return line.substring("BIGBOX_WEBHOOK_SECRET=".length());
    }

    private static AccessTesting.Response deliver(String secret, long timestamp, String body) throws Exception {
        return send(timestamp, body, signature(secret, timestamp, body));
    }

    private static AccessTesting.Response send(long timestamp, String body, String signature) throws Exception {
        var request = access.request("/api/v1/webhooks/lead", null)
                .header("Content-Type", "application/json")
                .header("X-Bigbox-Timestamp", Long.toString(timestamp));
        if (signature != null) {
            request.header("X-Bigbox-Signature", signature);
        }
        return access.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    // What a sender computes, written here independently of the server's code.
    private static String signature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static long leads() throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select count(*) from events where event_type = 'LEAD_RECEIVED' and aggregate_type = 'LEAD'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
