package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.server.HttpServer.Route;
import com.bigbox.server.auth.Access;
import com.bigbox.testkit.TestDatabase;
import io.javalin.security.RouteRole;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Every route the engine registers (read from Javalin's route table at run time) has an access rule,
 * and every role the rule leaves out is refused: the matrix of routes × {ceo, employee, client, anon,
 * service_role}. Also the attack of issue 10 item 4: an employee reading and deciding the CEO's
 * interrupts, and the original's {@code /resolve} recording a name taken from the request body.
 */
class RouteRoleMatrixIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AccessTesting access;
    static final Map<Access, String> TOKENS = new LinkedHashMap<>();
    static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(
                db, "matrix", Map.of("BIGBOX_RATE_LIMIT_PER_IP", "0", "BIGBOX_RATE_LIMIT_PER_KEY", "0"));
        TOKENS.put(Access.CEO, access.signedIn("ceo@example.com", "ceo", null));
        TOKENS.put(Access.EMPLOYEE, access.signedIn("employee@example.com", "employee", null));
        TOKENS.put(Access.CLIENT, access.signedIn("client@acme.example", "client", "acme"));
        TOKENS.put(Access.ANON, access.anonKey);
        TOKENS.put(Access.SERVICE_ROLE, access.serviceKey);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void everyRegisteredRouteHasAnAccessRule() {
        List<Route> routes = access.engine.routes();
        assertThat(routes).as("the route table").hasSizeGreaterThan(100);
        assertThat(routes.stream()
                        .filter(r -> r.roles().isEmpty())
                        .map(r -> r.method() + " " + r.path())
                        .toList())
                .as("routes registered without an Access rule")
                .isEmpty();
        assertThat(rule("POST", "/api/ceo/decisions/{id}")).containsExactly(Access.CEO);
        assertThat(rule("GET", "/api/ceo/interrupts")).doesNotContain(Access.EMPLOYEE, Access.CLIENT, Access.ANON);
        assertThat(rule("POST", "/api/v1/dashboard/sql")).containsExactly(Access.CEO);
        assertThat(rule("WS", "/realtime/v1/websocket")).doesNotContain(Access.NO_KEY);
    }

    @Test
    void everyRoleARuleLeavesOutIsRefusedOnEveryRoute() throws Exception {
        var failures = new ArrayList<String>();
        int denials = 0;
        for (Route route : access.engine.routes()) {
            if (route.method().equals("WS")) {
                continue;
            }
            for (var role : TOKENS.entrySet()) {
                boolean allowed = route.roles().contains(role.getKey());
                if (!allowed) {
                    denials++;
                    var response = send(route, role.getValue());
                    int expected = role.getKey() == Access.ANON && mayBeOpenedBySigningIn(route.roles()) ? 401 : 403;
                    if (response.status() != expected || !refusedByRule(response)) {
                        failures.add(
                                role.getKey().label() + " " + route.method() + " " + route.path() + " -> " + response);
                    }
                } else if (route.method().equals("GET")) {
                    String refusal = refusalOfAllowed(route, role.getValue());
                    if (refusal != null) {
                        failures.add(role.getKey().label() + " allowed but refused " + route.path() + " -> " + refusal);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(denials).as("the matrix exercised denials").isGreaterThan(150);
    }

    @Test
    void anEmployeeNeitherReadsNorDecidesTheCeosInterruptsOnAnySurface() throws Exception {
        String employee = TOKENS.get(Access.EMPLOYEE);
        String interrupt = approval("ceo_decision", "ceo");
        assertThat(access.get("/api/ceo/interrupts", employee).status()).isEqualTo(403);
        String decision = "{\"decision\": \"approved\", \"notes\": \"fine\"}";
        assertThat(access.post("/api/ceo/decisions/" + interrupt, employee, decision)
                        .status())
                .isEqualTo(403);
        assertThat(access.post("/api/approvals/" + interrupt + "/resolve", employee, decision)
                        .status())
                .isEqualTo(403);
        assertThat(access.post("/api/v1/approvals/" + interrupt + "/decision", employee, "{\"decision\": \"approve\"}")
                        .status())
                .isEqualTo(403);
        assertThat(access.post("/api/v1/approvals/bulk", employee, "{\"decision\": \"approve\", \"filter\": {}}")
                        .status())
                .isEqualTo(403);
        assertThat(access.post(
                                "/api/v1/approvals/" + interrupt + "/decision",
                                access.serviceKey,
                                "{\"decision\": \"approve\", \"decided_by\": \"ceo\"}")
                        .status())
                .isEqualTo(403);
        var graphql = access.post(
                "/graphql/v1",
                employee,
                "{\"query\": \"mutation { decideApproval(approvalId: \\\"" + interrupt
                        + "\\\", decision: APPROVED) { status } }\"}");
        assertThat(graphql.json().at("/errors/0/message").asText()).contains("only a signed-in CEO");
        assertThat(decisions(interrupt)).as("nothing was decided").isEmpty();

        var byCeo = access.post("/api/ceo/decisions/" + interrupt, TOKENS.get(Access.CEO), decision);
        assertThat(byCeo.status()).as(byCeo.body()).isEqualTo(200);
        assertThat(decisions(interrupt)).containsExactly("ceo@example.com");
    }

    @Test
    void theOriginalsResolveRecordsTheTokensUserNotANameFromTheBody() throws Exception {
        String routine = approval("routine", "operations");
        var resolved = access.post(
                "/api/approvals/" + routine + "/resolve",
                TOKENS.get(Access.EMPLOYEE),
                "{\"decision\": \"approved\", \"resolved_by\": \"ceo\", \"notes\": \"fine\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(decisions(routine)).containsExactly("employee@example.com");

        String another = approval("routine", "operations");
        var decided = access.post(
                "/api/v1/approvals/" + another + "/decision",
                TOKENS.get(Access.EMPLOYEE),
                "{\"decision\": \"approve\", \"decided_by\": \"the ceo\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decisions(another)).containsExactly("employee@example.com");
    }

    private static Set<RouteRole> rule(String method, String path) {
        return access.engine.routes().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no route " + method + " " + path))
                .roles();
    }

    // 401 for the anon key where an employee's sign-in opens the route; 403 where only the CEO or the service key may.
    private static boolean mayBeOpenedBySigningIn(Set<RouteRole> roles) {
        return roles.contains(Access.EMPLOYEE);
    }

    // AccessRules' refusals name the route and the roles it is for; a handler's own 403 does not.
    private static boolean refusedByRule(AccessTesting.Response response) {
        return (response.status() == 401 || response.status() == 403)
                && (response.body().contains("may not call") || response.body().contains("sign in: "));
    }

    // An allowed GET may be a stream that never ends (SSE): only a refusal's (short, complete) body is read.
    private static String refusalOfAllowed(Route route, String token) throws Exception {
        var response = access.http.send(
                access.request(path(route), token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 401 && response.statusCode() != 403) {
                return null;
            }
            var refusal = new AccessTesting.Response(
                    response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8), null);
            return refusedByRule(refusal) ? refusal.toString() : null;
        }
    }

    private static String path(Route route) {
        Matcher m = PARAM.matcher(route.path());
        return m.replaceAll(p -> switch (p.group(1)) {
            case "table" -> "events";
            case "function" -> "events_head";
            case "name" -> "intake";
            case "type" -> "CLIENT";
            default -> UUID.randomUUID().toString();
        });
    }

    private static AccessTesting.Response send(Route route, String token) throws Exception {
        var request = access.request(path(route), token);
        return access.send(
                switch (route.method()) {
                    case "GET" -> request.GET().build();
                    case "HEAD" ->
                        request.method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build();
                    case "DELETE" -> request.DELETE().build();
                    default ->
                        request.header("Content-Type", "application/json")
                                .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"))
                                .build();
                });
    }

    private static String approval(String actionClass, String role) throws SQLException {
        try (Connection c = db.connect();
                var s = c.prepareStatement("""
                insert into human_approvals (agent_id, decision_context, recommended_action, confidence, action_class, assigned_role)
                values ('oversight', '{}', 'cancel the project', 0.4, ?, ?) returning approval_id""")) {
            s.setString(1, actionClass);
            s.setString(2, role);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> decisions(String approval) throws SQLException {
        try (Connection c = db.connect();
                var s = c.prepareStatement("""
                select payload ->> 'decided_by' from events
                 where aggregate_type = 'APPROVAL' and aggregate_id = ? and event_type like 'HUMAN_APPROVAL_%'
                   and event_type <> 'HUMAN_APPROVAL_REQUESTED'""")) {
            s.setString(1, approval);
            var names = new ArrayList<String>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }
}
