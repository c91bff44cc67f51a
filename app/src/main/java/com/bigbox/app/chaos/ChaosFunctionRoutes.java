package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chaos functions over HTTP, for the Chaos Toolkit's {@code http} providers:
 * {@code POST /admin/v1/chaos/functions/<function>} with the arguments as a JSON object (or no body)
 * answers the function's value as JSON, which the toolkit's tolerances read ({@code target: body}).
 * {@code POST /admin/v1/chaos/sessions} opens a session ({@code {"session": name}}, replacing one of that
 * name) and {@code DELETE /admin/v1/chaos/sessions/<name>} ends one; see {@link ChaosSessions}.
 *
 * <p>These routes are under {@code /admin/v1/chaos/}: the chaos surface's filter
 * ({@link com.bigbox.server.chaos.ChaosAdminRoutes}, registered with them) refuses every request without
 * {@code X-Bigbox-Admin-Token: <BIGBOX_ADMIN_TOKEN>} (401) before they run; their access rule is public
 * because the admin token, not an API key, is their credential. A wrong argument or an unknown function
 * answers 400, a function that cannot do what it is asked here 409 (the toolkit fails the activity).
 */
public final class ChaosFunctionRoutes implements HttpModule {
    public static final String FUNCTION_PATH = "/admin/v1/chaos/functions/{function}";
    public static final String SESSIONS_PATH = "/admin/v1/chaos/sessions";

    private final ChaosSessions sessions;
    private final ObjectMapper json = new ObjectMapper();

    public ChaosFunctionRoutes(ChaosSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post(FUNCTION_PATH, this::call, Access.PUBLIC);
        config.routes.post(SESSIONS_PATH, this::open, Access.PUBLIC);
        config.routes.delete(SESSIONS_PATH + "/{session}", this::close, Access.PUBLIC);
    }

    private void call(Context ctx) throws Exception {
        String function = ctx.pathParam("function");
        if (!ChaosSessions.exists(function)) {
            throw ApiException.notFound("'" + function + "' is not a chaos function");
        }
        Map<String, Object> arguments = arguments(ctx);
        String session = session(ctx.header(ChaosSessions.SESSION_HEADER));
        Object value;
        try {
            value = sessions.call(session, function, arguments);
        } catch (InvalidExperimentException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (java.io.IOException e) {
            // Another instance did not answer or refused (e.g. the one to crash): the call did not do its work.
            throw new ApiException(502, "instance_unreachable", e.getMessage(), null);
        }
        // The toolkit reads a body as JSON only when the type is exactly application/json.
        ctx.contentType("application/json").result(json.writeValueAsString(value));
    }

    private void open(Context ctx) throws Exception {
        Object name = arguments(ctx).get("session");
        String session = session(name == null ? java.util.UUID.randomUUID().toString() : String.valueOf(name));
        ctx.status(201).json(sessions.open(session, true));
    }

    private void close(Context ctx) {
        String session = session(ctx.pathParam("session"));
        ctx.json(sessions.close(session)
                .orElseThrow(() -> ApiException.notFound("no chaos session '" + session + "' is open")));
    }

    private static String session(String header) {
        try {
            return ChaosSessions.sessionName(header);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(ChaosSessions.SESSION_HEADER, e.getMessage());
        }
    }

    private Map<String, Object> arguments(Context ctx) {
        String body = ctx.body();
        if (body.isBlank() || body.strip().equals("null")) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> arguments = json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
            return arguments == null ? new LinkedHashMap<>() : arguments;
        } catch (Exception e) {
            throw ApiException.badRequest(
                    "body", "the arguments must be a JSON object such as {\"drain_seconds\": 30}");
        }
    }
}
