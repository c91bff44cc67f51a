package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalRequest;
import com.bigbox.autonomic.notifications.BusinessCalendar;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications through a real SMTP server (GreenMail, in this process) and a local HTTP receiver for
 * Slack and webhooks, with two engine instances on one database: each notification arrives once,
 * failures are retried and dead-lettered, quiet hours hold, links work once.
 */
class NotificationIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final GreenMailExtension mail =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static final String HOOK_SECRET = "hook-secret-0123456789";
    static final HttpClient http = HttpClient.newHttpClient();
    static Receiver receiver;
    static Engine a;
    static Engine b;

    @BeforeAll
    static void start() throws Exception {
        receiver = Receiver.start();
        var settings = Map.of(
                "BIGBOX_SMTP_URL",
                "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "BIGBOX_SMTP_FROM",
                "bigbox@agency.test",
                "BIGBOX_NOTIFY_RETRY_SECONDS",
                "1",
                "BIGBOX_NOTIFY_ATTEMPTS",
                "3",
                "BIGBOX_JOB_POLL_MS",
                "100");
        a = TestEngines.start(db, "notify-a", settings);
        b = TestEngines.start(db, "notify-b", settings);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        receiver.close();
    }

    static void sql(String statement) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long number(String query) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void channel(String subject, String kind, String target, String secret) throws Exception {
        sql("insert into bigbox_notify.channels (subject, kind, target, secret, created_by) values ('" + subject
                + "', '" + kind + "', '" + target + "', " + (secret == null ? "null" : "'" + secret + "'")
                + ", 'test')");
    }

    /** An approval, requested through instance a as Oversight would. */
    static Approval request(String actionClass, String role, boolean ceo) {
        return request(actionClass, role, ceo, null);
    }

    static Approval request(String actionClass, String role, boolean ceo, UUID flow) {
        return a.node().store().inTransaction(w -> {
            UUID id = UUID.randomUUID();
            RecordedEvent decision = w.append(
                            StreamId.of("QUOTE", "q-" + id),
                            new NewEvent(
                                    id,
                                    "NOTIFY_TEST_DECISION",
                                    "{\"client_id\": \"acme\"}",
                                    "{}",
                                    flow,
                                    null,
                                    "StrategyAgent",
                                    null,
                                    null))
                    .events()
                    .getFirst();
            return a.autonomic()
                    .approvals()
                    .request(
                            w,
                            new ApprovalRequest(
                                    decision,
                                    "acme",
                                    "Send quote " + id,
                                    "{\"amount\": 1200, \"agent_reasons\": [\"budget confirmed\"], \"oversight_reasons\": [\"above threshold\"]}",
                                    actionClass,
                                    role,
                                    "medium",
                                    !ceo && "routine".equals(actionClass),
                                    1,
                                    List.of("budget confirmed"),
                                    ceo,
                                    "test"));
        });
    }

    static long events(String type, UUID approvalId) throws Exception {
        return number("select count(*) from events where event_type = '" + type + "' and payload ->> 'approval_id' = '"
                + approvalId + "'");
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aRequestReachesEveryChannelOfTheRoleOnceAcrossTwoInstances() throws Exception {
        channel("role:employee", "email", "team@agency.test", null);
        channel("role:employee", "slack", receiver.url("/slack"), null);
        channel("role:employee", "webhook", receiver.url("/hook"), HOOK_SECRET);
        Approval approval = request("routine", "employee", false);
        await().atMost(30, SECONDS).until(() -> events("NOTIFICATION_SENT", approval.approvalId()) == 3);
        // Every delivery's job is done: nothing is left that could send a second time.
        assertThat(number(
                        "select count(*) from scheduled_jobs where kind = 'notification.deliver' and status <> 'done' "
                                + "and payload ->> 'approval_id' = '" + approval.approvalId() + "'"))
                .isZero();
        List<MimeMessage> mails = mailTo("team@agency.test").stream()
                .filter(m -> subject(m).contains(approval.recommendedAction()))
                .toList();
        assertThat(mails).hasSize(1);
        String body = text(mails.getFirst());
        assertThat(body)
                .contains(
                        "StrategyAgent",
                        approval.recommendedAction(),
                        "Confidence: 1.00",
                        "Amount: 1200",
                        "Deadline: " + approval.timeoutAt(),
                        "budget confirmed",
                        "above threshold",
                        "/approve/");
        assertThat(receiver.received("/slack", approval.recommendedAction())).hasSize(1);
        List<Receiver.Request> hooks = receiver.received("/hook", approval.recommendedAction());
        assertThat(hooks).hasSize(1);
        Receiver.Request hook = hooks.getFirst();
        assertThat(hook.header("X-Bigbox-Signature"))
                .isEqualTo(com.bigbox.server.webhooks.WebhookSignature.header(
                        HOOK_SECRET,
                        hook.header("X-Bigbox-Timestamp"),
                        hook.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(hook.body())
                .contains(
                        "\"type\":\"approval.requested\"", "\"recommended_action\":\"" + approval.recommendedAction());
    }

    @Test
    void aRefusingChannelIsRetriedWithBackoffThenDeadLetteredAndRetriedByHand() throws Exception {
        receiver.failNext("/flaky", 1);
        channel("role:finance", "webhook", receiver.url("/flaky"), HOOK_SECRET);
        Approval flaky = request("financial", "finance", false);
        await().atMost(30, SECONDS).until(() -> events("NOTIFICATION_SENT", flaky.approvalId()) == 1);
        assertThat(events("NOTIFICATION_FAILED", flaky.approvalId())).isEqualTo(1);
        assertThat(number(
                        "select count(*) from events where event_type = 'NOTIFICATION_FAILED' and payload ->> 'approval_id' = '"
                                + flaky.approvalId()
                                + "' and payload ->> 'reason' = 'webhook answered 500: try again'"))
                .isEqualTo(1);
        assertThat(receiver.received("/flaky", flaky.recommendedAction())).hasSize(2);

        receiver.failNext("/down", 3);
        channel("role:strategist", "slack", receiver.url("/down"), null);
        Approval down = request("routine", "strategist", false);
        await().atMost(30, SECONDS)
                .until(() -> number("select count(*) from events where event_type = 'NOTIFICATION_FAILED' "
                                + "and payload ->> 'approval_id' = '" + down.approvalId()
                                + "' and (payload ->> 'dead_lettered')::boolean")
                        == 1);
        assertThat(events("NOTIFICATION_FAILED", down.approvalId()))
                .as("three attempts")
                .isEqualTo(3);
        var letters = TestEngines.get(b, "/api/v1/notifications/dead-letters");
        assertThat(letters.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"delivery_id\":\"([0-9a-f-]{36})\",\"approval_id\":\"" + down.approvalId())
                .matcher(letters.body());
        assertThat(id.find()).as(letters.body()).isTrue();
        assertThat(TestEngines.post(b, "/api/v1/notifications/dead-letters/" + id.group(1) + "/retry", "{}")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(30, SECONDS).until(() -> events("NOTIFICATION_SENT", down.approvalId()) == 1);
        assertThat(TestEngines.get(a, "/api/v1/notifications/dead-letters").body())
                .doesNotContain(down.approvalId().toString());
    }

    @Test
    void quietHoursHoldARequestButNotACeoInterrupt() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        String from = now.minusHours(1).withSecond(0).withNano(0).toString();
        String until = now.plusHours(2).withSecond(0).withNano(0).toString();
        sql("insert into bigbox_access.users (email, password_hash, app_role) values ('boss@agency.test', '$2a$10$"
                + "x".repeat(53) + "', 'ceo')");
        sql("insert into bigbox_notify.preferences (subject, roles, quiet_from, quiet_until, time_zone) values "
                + "('user:boss@agency.test', '{manager}', '" + from + "', '" + until + "', 'UTC')");
        channel("user:boss@agency.test", "email", "boss@agency.test", null);
        Approval routine = request("delivery_risk", "manager", false);
        await().atMost(30, SECONDS)
                .until(() -> number("select count(*) from scheduled_jobs where kind = 'notification.deliver' "
                                + "and payload ->> 'approval_id' = '" + routine.approvalId() + "'")
                        == 1);
        assertThat(number(
                        "select count(*) from scheduled_jobs where kind = 'notification.deliver' and payload ->> 'approval_id' = '"
                                + routine.approvalId()
                                + "' and status = 'scheduled' and run_at > now() + interval '1 hour'"))
                .as("held until the quiet hours end")
                .isEqualTo(1);
        Approval interrupt = request("pricing_commitment", "ceo", true);
        await().atMost(30, SECONDS).until(() -> events("NOTIFICATION_SENT", interrupt.approvalId()) == 1);
        assertThat(mailTo("boss@agency.test"))
                .hasSize(1)
                .allSatisfy(m -> assertThat(subject(m)).startsWith("[CRITICAL]"));
        assertThat(events("NOTIFICATION_SENT", routine.approvalId())).isZero();
    }

    @Test
    void aLowRiskLinkDecidesOnceAndAWeightierOneOnlyLeadsToSignIn() throws Exception {
        channel("role:designer", "email", "design@agency.test", null);
        Approval low = request("routine", "designer", false);
        await().atMost(30, SECONDS).until(() -> mailTo("design@agency.test").size() == 1);
        String link = link(text(mailTo("design@agency.test").getFirst()));
        assertThat(get(link).statusCode()).isEqualTo(200);
        assertThat(get(link).body()).as("opening uses nothing").contains("Approve", "Reject");
        assertThat(post(link, "decision=approve").statusCode()).isEqualTo(200);
        assertThat(a.node()
                        .store()
                        .inTransaction(w -> a.autonomic().approvals().get(w, low.approvalId()))
                        .status())
                .isEqualTo(Approval.APPROVED);
        assertThat(post(link, "decision=approve").statusCode()).as("single use").isEqualTo(410);
        assertThat(get(link.substring(0, link.length() - 3) + "abc").statusCode())
                .as("forged")
                .isEqualTo(404);

        channel("role:account_manager", "email", "accounts@agency.test", null);
        Approval weighty = request("pricing_commitment", "account_manager", false);
        await().atMost(30, SECONDS).until(() -> mailTo("accounts@agency.test").size() == 1);
        String signIn = link(text(mailTo("accounts@agency.test").getFirst()));
        assertThat(text(mailTo("accounts@agency.test").getFirst())).contains("sign-in required");
        assertThat(post(signIn, "decision=approve").statusCode()).isEqualTo(403);
        assertThat(a.node()
                        .store()
                        .inTransaction(w -> a.autonomic().approvals().get(w, weighty.approvalId()))
                        .status())
                .isEqualTo(Approval.PENDING);
        sql("update bigbox_notify.approval_links set expires_at = now() - interval '1 second' where approval_id = '"
                + weighty.approvalId() + "'");
        assertThat(get(signIn).statusCode()).as("expired").isEqualTo(410);
    }

    /**
     * The message goes out before the delivery's transaction commits, and its reader may open the link at
     * once: the link must already be stored then, and stay valid if that transaction rolls back after
     * sending (it used to be stored in it: "link not valid", now and for good).
     */
    @Test
    void aLinkWorksWhileTheDeliveryThatIssuedItIsStillOpenAndAfterItRollsBack() throws Exception {
        Approval approval = request("pricing_commitment", "account_manager", false);
        var links = new com.bigbox.postgres.notifications.PgApprovalLinks(
                a.node().store(),
                new com.bigbox.autonomic.notifications.LinkToken(
                        com.bigbox.server.auth.JwtSecret.of(AccessTesting.SECRET)
                                .derivedKey("approval-links")),
                () -> "http://127.0.0.1:" + a.port());
        String[] issued = new String[1];
        int[] whileOpen = new int[1];
        try {
            a.node().store().inTransaction(w -> {
                issued[0] = links.issue(approval.approvalId(), "role:account_manager", false, approval.timeoutAt());
                try {
                    whileOpen[0] = get(issued[0]).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the delivery fails after sending");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the delivery fails after sending");
        }
        assertThat(whileOpen[0]).as("opened before the delivery committed").isEqualTo(200);
        assertThat(get(issued[0]).statusCode())
                .as("after the delivery rolled back")
                .isEqualTo(200);
        assertThat(post(issued[0], "decision=approve").statusCode())
                .as("sign-in only")
                .isEqualTo(403);
    }

    @Test
    void anSopKeptToBusinessHoursCountsItsApprovalsDeadlineInOpenTimeOnly() throws Exception {
        UUID flow = UUID.randomUUID();
        sql(
                "insert into sop_definitions (sop_id, version, definition) values ('notify-hours', 1, '{\"metadata\": {\"id\": "
                        + "\"notify-hours\"}, \"automation_policy\": {\"time_restrictions\": {\"business_hours_only\": true}}, "
                        + "\"escalation_rules\": [{\"trigger\": \"low_confidence\", \"notification_channels\": [\"email\"]}]}')");
        sql("insert into sop_executions (sop_id, sop_version, correlation_id) values ('notify-hours', 1, '" + flow
                + "')");
        Approval approval = request("routine", "employee", false, flow);
        var hours = new BusinessCalendar(
                LocalTime.of(9, 0), LocalTime.of(17, 0), BusinessCalendar.WEEKDAYS, ZoneOffset.UTC, Set.of());
        assertThat(approval.timeoutAt())
                .as("24 open hours: three working days at least")
                .isEqualTo(hours.plus(approval.createdAt(), Duration.ofHours(24)))
                .isAfterOrEqualTo(approval.createdAt().plus(Duration.ofHours(24 * 3 - 16)));
        // The SOP chooses e-mail only for a new request: one delivery planned, none to Slack or the webhook.
        await().atMost(30, SECONDS)
                .until(() -> number("select count(*) from scheduled_jobs where kind = 'notification.deliver' "
                                + "and payload ->> 'approval_id' = '" + approval.approvalId() + "'")
                        == 1);
        assertThat(number(
                        "select count(*) from scheduled_jobs where kind = 'notification.deliver' and payload ->> 'approval_id' = '"
                                + approval.approvalId() + "' and payload ->> 'channel' = 'email' and run_at >= '"
                                + hours.nextOpen(approval.createdAt())
                                + "'"))
                .isEqualTo(1);
    }

    @Test
    void theTablesAreGrantedToNoApiRoleAndTheRoutesCheckTheCaller() throws Exception {
        for (String role : List.of("anon", "authenticated", "service_role")) {
            assertThat(number("select count(*) from (values ('channels'), ('preferences'), ('approval_links')) t(name) "
                            + "where has_table_privilege('" + role
                            + "', 'bigbox_notify.' || name, 'SELECT,INSERT,UPDATE,DELETE')"))
                    .isZero();
            assertThat(number("select count(*) where has_schema_privilege('" + role + "', 'bigbox_notify', 'USAGE')"))
                    .isZero();
        }
        String employee = userToken("erin@agency.test", "employee", null);
        String client = userToken("carl@acme.test", "client", "acme");
        assertThat(call("GET", "/api/v1/notifications/channels", null, null).statusCode())
                .isEqualTo(401);
        // The channels are kept for the CEO and the service key: a refused anon key gets 403 there (AccessRules).
        assertThat(call("GET", "/api/v1/notifications/channels", ANON, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/notifications/dead-letters", employee, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/notifications/me", client, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/notifications/me", TestEngines.SERVICE_KEY, null)
                        .statusCode())
                .as("a key is nobody")
                .isEqualTo(403);
        var saved = call(
                "PUT",
                "/api/v1/notifications/me",
                employee,
                "{\"roles\": [\"designer\"], \"quiet_from\": \"22:00\", \"quiet_until\": \"06:30\", \"time_zone\": \"Europe/Berlin\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body())
                .contains("\"subject\":\"user:erin@agency.test\"", "\"quiet_from\":\"22:00", "\"designer\"");
        assertThat(call("PUT", "/api/v1/notifications/me", employee, "{\"time_zone\": \"Mars/Olympus\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call(
                                "POST",
                                "/api/v1/notifications/me/channels",
                                employee,
                                "{\"kind\": \"webhook\", \"target\": \"https://x.test/h\"}")
                        .statusCode())
                .as("a webhook needs its signing secret")
                .isEqualTo(400);
        var added = call(
                "POST",
                "/api/v1/notifications/me/channels",
                employee,
                "{\"kind\": \"email\", \"target\": \"erin@agency.test\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(call(
                                "POST",
                                "/api/v1/notifications/channels",
                                employee,
                                "{\"subject\": \"role:ceo\", \"kind\": \"email\", \"target\": \"x@agency.test\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(number("select count(*) from bigbox_notify.channels where subject = 'user:erin@agency.test'"))
                .isEqualTo(1);
    }

    static final com.bigbox.server.auth.Tokens TOKENS = new com.bigbox.server.auth.Tokens(
            com.bigbox.server.auth.JwtSecret.of(AccessTesting.SECRET),
            java.time.Clock.systemUTC(),
            Duration.ofHours(1));
    static final String ANON = TOKENS.apiKey(com.bigbox.postgres.access.DbRole.ANON, Duration.ofHours(1));

    /** A real user, created with the service key and signed in (sessions are checked on every request). */
    static String userToken(String email, String role, String clientId) throws Exception {
        String meta = clientId == null
                ? "{\"app_role\":\"" + role + "\"}"
                : "{\"app_role\":\"" + role + "\",\"client_id\":\"" + clientId + "\"}";
        var created = call(
                "POST",
                "/auth/v1/admin/users",
                TestEngines.SERVICE_KEY,
                "{\"email\":\"" + email + "\",\"password\":\"" + AccessTesting.PASSWORD + "\",\"app_metadata\":" + meta
                        + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        var signedIn = http.send(
                HttpRequest.newBuilder(TestEngines.uri(b, "/auth/v1/token?grant_type=password"))
                        .header("apikey", ANON)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + AccessTesting.PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(signedIn.body());
        assertThat(token.find()).as(signedIn.body()).isTrue();
        return token.group(1);
    }

    static HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        var request = HttpRequest.newBuilder(TestEngines.uri(b, path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("apikey", ANON).header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The message's text, decoded (the raw body is quoted-printable, with soft line breaks anywhere). */
    static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String link(String body) {
        Matcher m = Pattern.compile("(http://\\S+/approve/\\S+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
