package com.bigbox.server.webhooks;

import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.access.WebhookSecretStore;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.CallerRequestTransactions;
import com.bigbox.server.events.EventView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/webhooks/lead}: a web form's lead, signed (see {@link WebhookSignature}), becomes a
 * {@code LEAD_RECEIVED} event on aggregate {@code LEAD} — the Intake agent's input. A bad or stale
 * signature gets 401 and nothing is stored. The event id is derived from what was signed — the timestamp
 * and the body, never the signature header, which can be re-encoded (upper-case hex, extra {@code v1=}
 * entries) — so a replayed delivery inside the tolerance stores nothing new (200 with the stored event).
 */
public final class LeadWebhook implements HttpModule {
    public static final String PATH = "/api/v1/webhooks/lead";
    private static final Logger log = LoggerFactory.getLogger(LeadWebhook.class);
    private static final Set<String> FIELDS =
            Set.of("name", "email", "company", "phone", "budget", "message", "urgency");
    private static final Set<String> URGENCIES = Set.of("low", "medium", "high");
    private static final int MAX_TEXT = 5_000;
    // The webhook acts as the service role; it carries no sub, so auth.uid() stays null in policies.
    private static final Caller WEBHOOK = new Caller(
            DbRole.SERVICE_ROLE,
            "{\"role\":\"service_role\",\"iss\":\"bigbox-webhook\"}",
            null,
            null,
            null,
            null,
            null,
            "webhook:lead",
            null);

    private final WebhookSecretStore secrets;
    private final CallerRequestTransactions transactions;
    private final Clock clock;
    private final Duration tolerance;
    private final ObjectMapper json = Json.mapper();

    public LeadWebhook(
            WebhookSecretStore secrets, CallerRequestTransactions transactions, Clock clock, Duration tolerance) {
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post(PATH, this::receive, Access.PUBLIC);
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        List<String> active = secrets.active();
        if (active.isEmpty()) {
            throw new ApiException(
                    503,
                    "webhook_not_configured",
                    "the lead webhook has no secret yet: run 'bigbox webhook-secret rotate'",
                    null);
        }
        String signature = ctx.header("X-Bigbox-Signature");
        WebhookSignature.problem(ctx.header("X-Bigbox-Timestamp"), signature, body, active, clock.instant(), tolerance)
                .ifPresent(problem -> {
                    log.info("Lead webhook refused from {}: {}", ctx.ip(), problem);
                    throw new ApiException(401, "invalid_signature", problem, "X-Bigbox-Signature");
                });
        ObjectNode lead = lead(new String(body, StandardCharsets.UTF_8));
        lead.put("source", "webhook");
        UUID eventId = WebhookSignature.deliveryId(ctx.header("X-Bigbox-Timestamp"), body);
        var event = new NewEvent(
                eventId,
                "LEAD_RECEIVED",
                lead.toString(),
                "{\"source\":\"webhook\"}",
                null,
                null,
                "webhook:lead",
                null,
                null);
        var result = transactions.run(
                WEBHOOK,
                work -> work.append(new StreamId("LEAD", eventId.toString()), ExpectedVersion.any(), List.of(event)));
        if (!result.duplicate()) {
            log.info("Lead received by webhook: event {}", eventId);
        }
        ctx.status(result.duplicate() ? 200 : 202)
                .json(EventView.of(result.events().getFirst()));
    }

    private ObjectNode lead(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; expected some of " + FIELDS);
            }
        });
        ObjectNode lead = json.createObjectNode();
        lead.put("name", text(root, "name", true));
        String email = text(root, "email", true);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("email", "email is not a valid e-mail address");
        }
        lead.put("email", email);
        lead.put("company", text(root, "company", false));
        lead.put("phone", text(root, "phone", false));
        JsonNode budget = root.get("budget");
        if (budget == null || budget.isNull()) {
            lead.putNull("budget");
        } else if (!budget.isNumber() || budget.decimalValue().signum() < 0) {
            throw ApiException.badRequest("budget", "budget must be a number of at least 0");
        } else {
            lead.put("budget", budget.decimalValue());
        }
        lead.put("message", text(root, "message", false));
        String urgency = text(root, "urgency", false);
        if (urgency != null && !URGENCIES.contains(urgency)) {
            throw ApiException.badRequest("urgency", "urgency must be low, medium or high");
        }
        // Unstated stays unstated, as through the API and the CLI: an urgency the sender never gave would count as a
        // signal and raise the intake's confidence, so a sparse lead would be decided alone here and wait for a person
        // there.
        lead.put("urgency", urgency);
        return lead;
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        if (node.asText().length() > MAX_TEXT) {
            throw ApiException.badRequest(field, field + " must have at most " + MAX_TEXT + " characters");
        }
        return node.asText().strip();
    }
}
