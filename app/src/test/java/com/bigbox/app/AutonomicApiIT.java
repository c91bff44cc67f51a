package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's autonomic API and the original engine's /api paths, over real HTTP on a real engine. */
class AutonomicApiIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static Engine engine;
    static String key;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "api-it", Map.of());
        engine = access.engine;
        key = access.serviceKey;
        var files = new ArrayList<Map<String, String>>();
        try (var paths =
                Files.list(Path.of(System.getProperty("user.dir")).getParent().resolve("sops"))) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.add(Map.of("name", p.getFileName().toString(), "content", Files.readString(p)));
            }
        }
        var loaded = post("/api/v1/sops", Map.of("files", files, "loaded_by", "api-test"));
        assertThat(loaded.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    /** As the API's callers send it: the anon key as apikey, the caller's token as bearer. */
    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + path))
                .header("apikey", access.anonKey)
                .header("Authorization", "Bearer " + key);
    }

    record Reply(int statusCode, JsonNode body) {}

    static Reply get(String path) throws Exception {
        var response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }

    static Reply post(String path, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        var response = http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    void theOriginalReadmesEventExampleFlowsThroughTheAgents() throws Exception {
        // curl -X POST http://localhost:3000/api/events -H 'Content-Type: application/json' -d '{...}'
        Reply created = post("/api/events", """
                {"event_type": "LEAD_RECEIVED", "entity_type": "LEAD", "entity_id": "lead-123",
                 "payload": {"name": "Jane Smith", "email": "jane@acme.test", "phone": "+1 555 0100", "company": "Acme Corp",
                             "message": "We need a complete rebrand for our product launch next quarter, including a new visual identity.",
                             "urgency": "high", "budget": 50000},
                 "confidence": 1.0, "emitted_by": "website-form", "metadata": {"tags": ["inbound"]}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body().path("entity_type").asText()).isEqualTo("LEAD");
        assertThat(created.body().path("entity_id").asText()).isEqualTo("lead-123");
        assertThat(created.body().path("metadata").path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("metadata").path("tags").get(0).asText()).isEqualTo("inbound");

        await().atMost(20, SECONDS)
                .until(() -> types(get("/api/events/entity/LEAD/lead-123").body())
                        .containsAll(List.of(
                                "LEAD_RECEIVED",
                                "LEAD_INQUIRY_RECEIVED",
                                "LEAD_QUALIFIED",
                                "AUTONOMIC_DECISION_EXECUTED")));
        JsonNode timeline = get("/api/events/entity/LEAD/lead-123").body();
        JsonNode qualified = find(timeline, "LEAD_QUALIFIED");
        assertThat(qualified.path("emitted_by").asText()).isEqualTo("IntakeAgent");
        assertThat(qualified.path("metadata").path("correlation_id").asText())
                .isEqualTo(
                        created.body().path("metadata").path("correlation_id").asText());
        assertThat(get("/api/events/" + qualified.path("event_id").asText())
                        .body()
                        .path("event_type")
                        .asText())
                .isEqualTo("LEAD_QUALIFIED");

        Reply query = post("/api/events/query", Map.of("event_type", "LEAD_QUALIFIED", "entity_id", "lead-123"));
        assertThat(query.body().path("count").asInt())
                .as(query.body().toString())
                .isEqualTo(1);
        JsonNode stats = get("/api/events/stats").body();
        assertThat(stats.path("by_type").path("LEAD_RECEIVED").asInt())
                .as(stats.toString())
                .isEqualTo(1);
        await().atMost(20, SECONDS)
                .until(() -> get("/api/sop/executions?sop_id=lead-intake-qualification")
                                .body()
                                .path("executions")
                                .size()
                        == 1);
    }

    @Test
    void agentsReportStatusLagThresholdAndAutonomyAndTheirSettingsChangeByEvent() throws Exception {
        await().atMost(20, SECONDS).until(() -> {
            JsonNode agents = get("/api/v1/agents").body();
            return agents.size() == 6
                    && java.util.stream.StreamSupport.stream(agents.spliterator(), false)
                            .allMatch(a -> a.path("status").asText().equals("running"));
        });
        JsonNode finance = get("/api/v1/agents/FinanceAgent").body();
        assertThat(finance.path("threshold").asDouble()).isEqualTo(0.85);
        assertThat(finance.path("autonomy_level").asText()).isEqualTo("assisted");
        assertThat(finance.path("decision_thresholds").isObject())
                .as("no type calibrated apart yet")
                .isTrue();
        assertThat(finance.path("decision_thresholds")).isEmpty();
        assertThat(finance.path("instance").asText()).isEqualTo("api-it");
        assertThat(finance.has("lag")).isTrue();

        var patch = request("/api/v1/agents/StrategyAgent")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                                "{\"threshold\": 0.8, \"autonomy_level\": \"supervised\", \"changed_by\": \"ceo\", \"reason\": \"new agent\"}"))
                .header("Content-Type", "application/json")
                .build();
        assertThat(http.send(patch, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        JsonNode strategy = get("/api/v1/agents/StrategyAgent").body();
        assertThat(strategy.path("threshold").asDouble()).isEqualTo(0.8);
        assertThat(strategy.path("autonomy_level").asText()).isEqualTo("supervised");
        assertThat(types(get("/api/events/entity/AGENT/StrategyAgent").body()))
                .containsExactly("AGENT_THRESHOLD_CHANGED", "AGENT_AUTONOMY_CHANGED");

        var bad = request("/api/v1/agents/StrategyAgent")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"threshold\": 1.5, \"changed_by\": \"ceo\"}"))
                .build();
        var refused = http.send(bad, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("field").asText()).isEqualTo("threshold");
        assertThat(get("/api/v1/agents/Nobody").statusCode()).isEqualTo(404);
        assertThat(get("/api/agents/health").body().has("healthy")).isTrue();
    }

    @Test
    void theApiRunsAsItsCaller() throws Exception {
        var anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + "/api/v1/approvals"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var anon = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + "/api/v1/approvals"))
                        .header("apikey", access.anonKey)
                        .header("Authorization", "Bearer " + access.anonKey)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anon.statusCode()).as(anon.body()).isEqualTo(401);
        // A signed-in employee: a bare authenticated token names no staff role, so it is confined as a client.
        String staff = access.signedIn("api-staff@example.com", "employee", null);
        var asStaff = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + "/api/v1/agents"))
                        .header("apikey", access.anonKey)
                        .header("Authorization", "Bearer " + staff)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asStaff.statusCode()).as(asStaff.body()).isEqualTo(200);
        assertThat(json.readTree(asStaff.body()).size()).isEqualTo(6);
    }

    @Test
    void malformedRequestsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        awaitAgentsCaughtUp();
        long before = get("/api/events/stats").body().path("total_events").asLong();
        assertThat(get("/api/events/stats").statusCode()).isEqualTo(200);
        assertField(post("/api/v1/leads", Map.of("name", "Jo", "email", "not-an-address")), 400, "email");
        assertField(post("/api/v1/leads", Map.of("email", "jo@example.com")), 400, "name");
        assertField(
                post("/api/v1/leads", Map.of("name", "Jo", "email", "jo@example.com", "budget", -5)), 400, "budget");
        assertField(
                post("/api/v1/leads", Map.of("name", "Jo", "email", "jo@example.com", "colour", "red")), 400, "colour");
        assertField(
                post(
                        "/api/events",
                        Map.of(
                                "event_type",
                                "NOT_A_TYPE",
                                "entity_type",
                                "LEAD",
                                "entity_id",
                                "x",
                                "payload",
                                Map.of())),
                400,
                "event_type");
        assertField(
                post("/api/events", Map.of("event_type", "LEAD_RECEIVED", "entity_type", "LEAD", "payload", Map.of())),
                400,
                "entity_id");
        assertField(
                post(
                        "/api/events",
                        Map.of(
                                "event_type",
                                "LEAD_RECEIVED",
                                "entity_type",
                                "LEAD",
                                "entity_id",
                                "x",
                                "payload",
                                Map.of(),
                                "confidence",
                                2)),
                400,
                "confidence");
        assertField(
                post(
                        "/api/v1/approvals/" + java.util.UUID.randomUUID() + "/decision",
                        Map.of("decision", "approve", "decided_by", "sam")),
                404,
                null);
        assertField(post("/api/v1/approvals/not-a-uuid/decision", Map.of("decision", "approve")), 400, "id");
        Reply badSop = post(
                "/api/v1/sops",
                Map.of(
                        "loaded_by",
                        "t",
                        "files",
                        List.of(Map.of("name", "bad.yaml", "content", "metadata: {id: x}\nsteps: []\n"))));
        assertField(badSop, 400, "metadata.name");
        assertThat(badSop.body().path("problems").size()).isGreaterThan(1);
        awaitAgentsCaughtUp();
        assertThat(get("/api/events/stats").body().path("total_events").asLong())
                .isEqualTo(before);
    }

    // The agents may still be reacting to an earlier test's events (each reaction an event of its
    // own): counting waits until every agent has read everything.
    private static void awaitAgentsCaughtUp() {
        await().atMost(60, SECONDS).until(() -> {
            JsonNode agents = get("/api/v1/agents").body();
            for (JsonNode agent : agents) {
                if (agent.path("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void twoOperatorsDecidingOneApprovalOverHttpExactlyOneWins() throws Exception {
        Reply lead =
                post("/api/v1/leads", Map.of("name", "Thin Lead", "email", "thin@example.com", "message", "hello"));
        assertThat(lead.statusCode()).isEqualTo(201);
        assertThat(lead.body().path("confidence").asDouble()).isEqualTo(0.95);
        String flow = lead.body().path("correlation_id").asText();
        await().atMost(20, SECONDS)
                .until(() -> get("/api/v1/approvals?status=pending&agent_id=IntakeAgent")
                                        .body()
                                        .size()
                                > 0
                        && pendingIn(flow) != null);
        String id = pendingIn(flow).path("approval_id").asText();
        assertField(
                post("/api/v1/approvals/" + id + "/decision", Map.of("decision", "reject", "decided_by", "sam")),
                400,
                "notes");
        var start = new CountDownLatch(1);
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                String who = "operator-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(
                                    "/api/v1/approvals/" + id + "/decision",
                                    Map.of("decision", "approve", "decided_by", who))
                            .statusCode();
                }));
            }
            start.countDown();
            for (var f : futures) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
        Reply again = post(
                "/api/approvals/" + id + "/resolve",
                Map.of("decision", "rejected", "resolved_by", "late", "notes", "too late"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body().path("message").asText()).contains("no longer pending");
        JsonNode one = get("/api/v1/approvals/" + id).body();
        assertThat(one.path("approval").path("status").asText()).isEqualTo("approved");
        assertThat(one.path("audit").get(0).path("action").asText()).isEqualTo("requested");
        await().atMost(20, SECONDS)
                .until(() ->
                        post("/api/events/query", Map.of("event_type", "MEETING_SCHEDULED", "correlation_id", flow))
                                        .body()
                                        .path("count")
                                        .asInt()
                                == 1);
        assertThat(get("/api/approvals/stats")
                        .body()
                        .path("by_status")
                        .path("approved")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/sops").body().size()).isEqualTo(9);
        assertThat(get("/api/v1/client-health").statusCode()).isEqualTo(200);
        assertThat(get("/api/ceo/automation-report?period=month").body().has("automation_rate"))
                .isTrue();
        assertThat(get("/api/ceo/automation-report?period=decade").statusCode()).isEqualTo(400);
    }

    @Test
    void everyPathOfTheOriginalApiAnswersWithRealData() throws Exception {
        Reply lead = post(
                "/api/events",
                Map.of(
                        "event_type",
                        "LEAD_RECEIVED",
                        "entity_type",
                        "LEAD",
                        "entity_id",
                        "lead-mirror",
                        "payload",
                        Map.of(
                                "name",
                                "Mia",
                                "email",
                                "mia@mirror.test",
                                "company",
                                "Mirror Co",
                                "phone",
                                "+1 555 0111",
                                "message",
                                "x".repeat(120),
                                "urgency",
                                "high")));
        String client = "client-mirror-co";
        await().atMost(20, SECONDS)
                .until(() -> get("/api/projections/client-health/" + client).statusCode() == 200);
        await().atMost(20, SECONDS)
                .until(() -> get("/api/clients/" + client + "/timeline")
                                .body()
                                .path("count")
                                .asInt()
                        > 2);
        assertThat(get("/api/clients/" + client + "/signals").statusCode()).isEqualTo(200);
        assertThat(get("/api/clients/" + client + "/projects")
                        .body()
                        .path("projects")
                        .isArray())
                .isTrue();
        JsonNode mirror = get("/api/clients/" + client + "/trust-score").body();
        assertThat(mirror.path("trust_score").isNumber()).as(mirror.toString()).isTrue();
        assertThat(mirror.has("on_time_share")).isTrue();
        assertThat(get("/api/clients/nobody/trust-score").statusCode()).isEqualTo(404);
        assertThat(get("/api/projections/client-health").body().path("clients").size())
                .isGreaterThan(0);

        Reply drift = post(
                "/api/events",
                Map.of(
                        "event_type",
                        "PROCESS_DRIFT_DETECTED",
                        "entity_type",
                        "SOP",
                        "entity_id",
                        "lead-intake-qualification",
                        "payload",
                        Map.of("change", 0.25),
                        "emitted_by",
                        "DriftMonitor"));
        String alert = drift.body().path("event_id").asText();
        assertThat(get("/api/drift/summary").body().path("unacknowledged").asInt())
                .isEqualTo(1);
        assertThat(post("/api/drift/alerts/" + alert + "/acknowledge", Map.of("acknowledged_by", "ceo"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(get("/api/drift/alerts")
                        .body()
                        .path("alerts")
                        .get(0)
                        .path("acknowledged")
                        .asBoolean())
                .isTrue();
        assertThat(post(
                                "/api/drift/alerts/"
                                        + lead.body().path("event_id").asText() + "/acknowledge",
                                Map.of("acknowledged_by", "ceo"))
                        .statusCode())
                .isEqualTo(404);

        assertThat(get("/api/sop/definitions").body().path("definitions").size())
                .isEqualTo(9);
        assertThat(get("/api/sop/executions").body().path("executions").isArray())
                .isTrue();
        assertThat(get("/api/sop/proposals").body().path("count").asInt()).isZero();
        assertThat(get("/api/agents").body().path("agents").size()).isEqualTo(6);
        assertThat(get("/api/agents/metrics").body().path("metrics").isArray()).isTrue();
        assertThat(get("/api/agents/IntakeAgent/history").body().path("count").asInt())
                .isGreaterThan(0);
        assertThat(get("/api/agents/IntakeAgent/performance")
                        .body()
                        .path("agent")
                        .path("name")
                        .asText())
                .isEqualTo("IntakeAgent");
        assertThat(get("/api/oversight/stats")
                        .body()
                        .path("executed_autonomously")
                        .asInt())
                .isGreaterThan(0);
        assertThat(get("/api/oversight/decisions").body().path("count").asInt()).isGreaterThan(0);
        assertThat(get("/api/ceo/interrupts").body().path("interrupts").isArray())
                .isTrue();
        assertThat(get("/api/ceo/system-health").body().has("agents")).isTrue();
        assertThat(get("/api/events/human-queue").body().path("queue").isArray())
                .isTrue();
        assertThat(get("/api/approvals?status=pending").body().path("approvals").isArray())
                .isTrue();
        assertThat(get("/api/v1/event-types").body().size()).isGreaterThan(55);
        assertThat(get("/api/v1/sop-metrics").statusCode()).isEqualTo(200);

        // The SSE stream delivers envelopes as they are appended.
        var stream = http.sendAsync(request("/api/events/stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        // A hang guard, not a speed bound: with other engines' tests on the two cores it once took over 10 s.
        var lines = stream.get(60, SECONDS).body().iterator();
        assertThat(lines.next()).isEqualTo(": connected");
        post(
                "/api/events",
                Map.of(
                        "event_type",
                        "TASK_COMPLETED",
                        "entity_type",
                        "TASK",
                        "entity_id",
                        "T-stream",
                        "payload",
                        Map.of("task_id", "T-stream", "completed_by", "alex")));
        String data = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ") && line.contains("T-stream")) {
                data = line;
                break;
            }
        }
        assertThat(data).contains("\"entity_type\":\"TASK\"", "\"event_type\":\"TASK_COMPLETED\"");
    }

    static JsonNode pendingIn(String flow) throws Exception {
        for (JsonNode a : get("/api/v1/approvals?status=pending").body()) {
            if (a.path("correlation_id").asText().equals(flow)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void theWeeklyReviewTheLoopsSignalsAndSopProposalsAnswerOverHttp() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(post(
                                    "/api/events",
                                    Map.of(
                                            "event_type",
                                            "TASK_CREATED",
                                            "entity_type",
                                            "TASK",
                                            "entity_id",
                                            "api-manual-" + i,
                                            "payload",
                                            Map.of(
                                                    "task_id",
                                                    "api-manual-" + i,
                                                    "title",
                                                    "Chase timesheets",
                                                    "reason",
                                                    "timesheet_chase",
                                                    "estimated_minutes",
                                                    30),
                                            "emitted_by",
                                            "person:kim"))
                            .statusCode())
                    .isEqualTo(201);
        }
        var run = engine.node()
                .store()
                .inTransaction(w -> engine.autonomic().improvement().run(w, "coverage"));
        assertThat(run.types()).contains("AUTOMATION_GAP_DETECTED");
        String gap = run.events().stream()
                .filter(e -> e.type().equals("AUTOMATION_GAP_DETECTED"))
                .findFirst()
                .orElseThrow()
                .eventId()
                .toString();
        org.awaitility.Awaitility.await()
                .atMost(20, java.util.concurrent.TimeUnit.SECONDS)
                .until(() ->
                        get("/api/v1/signals?kind=gap").body().path("count").asInt() > 0);
        JsonNode gaps = get("/api/v1/signals?kind=gap").body().path("signals");
        assertThat(gaps.get(0).path("subject").asText()).isEqualTo("timesheet_chase");
        assertThat(gaps.get(0).path("monthly_impact").asDouble()).isEqualTo(400.0); // 1 h a week at 100/h, 4 weeks

        Reply review = get("/api/v1/reviews/weekly");
        assertThat(review.statusCode()).as(review.body().toString()).isEqualTo(200);
        assertThat(review.body().path("automation_gaps").get(0).path("subject").asText())
                .isEqualTo("timesheet_chase");
        JsonNode question = review.body().path("thirty_percent_question");
        assertThat(question.path("ceo_interrupts_per_week").path("comparator").asText())
                .isEqualTo("<");
        assertThat(question.path("manual_work_share").path("target").asDouble()).isEqualTo(0.20);
        assertThat(question.has("all_pass")).isTrue();
        assertField(get("/api/v1/reviews/weekly?week=2026-48"), 400, "week");
        assertField(get("/api/v1/reviews/weekly?week=2026-W54"), 400, "week");
        assertField(get("/api/v1/signals?kind=weather"), 400, "kind");

        assertThat(post("/api/v1/signals/" + gap + "/acknowledge", Map.of("acknowledged_by", "ceo"))
                        .statusCode())
                .isEqualTo(201);
        assertField(post("/api/v1/signals/" + gap + "/acknowledge", Map.of("acknowledged_by", "ceo")), 409, null);
        assertField(post("/api/v1/signals/" + gap + "/acknowledge", Map.of()), 400, "acknowledged_by");
        assertField(
                post(
                        "/api/v1/signals/" + java.util.UUID.randomUUID() + "/acknowledge",
                        Map.of("acknowledged_by", "ceo")),
                404,
                null);
        org.awaitility.Awaitility.await()
                .atMost(20, java.util.concurrent.TimeUnit.SECONDS)
                .until(() ->
                        get("/api/v1/signals?kind=gap").body().path("count").asInt() == 0);
        assertThat(get("/api/v1/signals?kind=gap&include_acknowledged=true")
                        .body()
                        .path("signals")
                        .get(0)
                        .path("acknowledged_by")
                        .asText())
                .isEqualTo("ceo");

        assertThat(get("/api/v1/sop-proposals").body().path("count").asInt()).isZero();
        assertField(get("/api/v1/sop-proposals?status=maybe"), 400, "status");
        assertField(
                post("/api/v1/sop-proposals/" + java.util.UUID.randomUUID() + "/approve", Map.of("decided_by", "ceo")),
                404,
                null);
        assertField(post("/api/v1/sops/client-onboarding/revert", Map.of("reverted_by", "ceo")), 400, "sop_id");
        assertField(post("/api/v1/sops/no-such-sop/revert", Map.of("reverted_by", "ceo")), 404, null);
    }

    @Test
    void aPersonOverridesADecisionThatTookEffectAloneOnceAndOnlySuchADecision() throws Exception {
        assertThat(post("/api/events", """
                {"event_type": "LEAD_RECEIVED", "entity_type": "LEAD", "entity_id": "lead-override",
                 "payload": {"name": "Kim Lee", "email": "kim@globex.test", "phone": "+1 555 0101", "company": "Globex",
                             "message": "We need a complete rebrand for our product launch next quarter, including a new visual identity.",
                             "urgency": "high", "budget": 50000},
                 "emitted_by": "website-form"}""").statusCode()).isEqualTo(201);
        await().atMost(20, SECONDS).until(() -> types(leadOverrideStream()).contains("AUTONOMIC_DECISION_EXECUTED"));
        JsonNode executed = find(leadOverrideStream(), "AUTONOMIC_DECISION_EXECUTED");
        String decision = executed.path("causation_id").asText();

        Reply overridden = post(
                "/api/v1/decisions/" + decision + "/override",
                Map.of("overridden_by", "person:sam", "reason", "not a prospect: a student project"));
        assertThat(overridden.statusCode()).as(overridden.body().toString()).isEqualTo(201);
        assertThat(overridden.body().path("event_type").asText()).isEqualTo("AUTONOMIC_DECISION_OVERRIDDEN");
        assertThat(overridden.body().path("payload").path("decision_event_id").asText())
                .isEqualTo(decision);
        assertThat(overridden.body().path("payload").path("agent_id").asText())
                .isEqualTo(executed.path("payload").path("agent_id").asText());
        assertThat(overridden.body().path("causation_id").asText()).isEqualTo(decision);

        assertField(
                post("/api/v1/decisions/" + decision + "/override", Map.of("overridden_by", "person:jordan")),
                409,
                null);
        assertField(
                post(
                        "/api/v1/decisions/" + executed.path("event_id").asText() + "/override",
                        Map.of("overridden_by", "sam")),
                409,
                null);
        assertField(
                post("/api/v1/decisions/" + decision + "/override", Map.of("reason", "no name")), 400, "overridden_by");
        assertField(
                post("/api/v1/decisions/" + java.util.UUID.randomUUID() + "/override", Map.of("overridden_by", "sam")),
                404,
                null);
        assertField(post("/api/v1/decisions/not-a-uuid/override", Map.of("overridden_by", "sam")), 400, "event_id");
        assertThat(types(leadOverrideStream()).stream()
                        .filter("AUTONOMIC_DECISION_OVERRIDDEN"::equals)
                        .count())
                .isEqualTo(1);
    }

    // The engine API's stream of the lead, in the {"events": [...]} shape types() and find() read.
    static JsonNode leadOverrideStream() throws Exception {
        return json.createObjectNode()
                .set(
                        "events",
                        get("/api/v1/aggregates/LEAD/lead-override/events").body());
    }

    static void assertField(Reply reply, int status, String field) {
        assertThat(reply.statusCode()).as(reply.body().toString()).isEqualTo(status);
        if (field != null) {
            assertThat(reply.body().path("field").asText())
                    .as(reply.body().toString())
                    .isEqualTo(field);
        }
    }

    static List<String> types(JsonNode entity) {
        var types = new ArrayList<String>();
        entity.path("events").forEach(e -> types.add(e.path("event_type").asText()));
        return types;
    }

    static JsonNode find(JsonNode entity, String type) {
        for (JsonNode e : entity.path("events")) {
            if (e.path("event_type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + entity);
    }
}
