package com.bigbox.server.auth;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.access.StoredUser;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /auth/v1}: the subset of Supabase Auth (GoTrue) that supabase-js uses for e-mail and password —
 * sign-up, the password and refresh-token grants, logout, the current user, the service role's user
 * administration — plus a TOTP factor. The original engine's {@code /api/auth/{signup, login, refresh,
 * me, logout}} answer from the same service. Errors come in GoTrue's shape (see {@link AuthException}).
 */
public final class AuthRoutes implements HttpModule {
    private final AuthService auth;
    private final ObjectMapper json = Json.mapper();

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.exception(AuthException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() != null) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            ctx.status(e.status()).json(Map.of("code", e.status(), "error_code", e.errorCode(), "msg", e.getMessage()));
        });
        config.routes.get(
                "/auth/v1/settings",
                ctx -> ctx.json(Map.of(
                        "external",
                        Map.of("email", true),
                        "disable_signup",
                        !auth.signupEnabled(),
                        "mailer_autoconfirm",
                        true,
                        "mfa",
                        Map.of("totp", true))),
                Access.ANY_KEY);
        config.routes.post("/auth/v1/signup", this::signUp, Access.ANY_KEY);
        config.routes.post("/auth/v1/token", this::token, Access.ANY_KEY);
        config.routes.post("/auth/v1/logout", this::logout, Access.USER);
        config.routes.get("/auth/v1/user", ctx -> ctx.json(user(auth.currentUser(caller(ctx)))), Access.USER);
        config.routes.post("/auth/v1/factors", this::enroll, Access.USER);
        config.routes.post("/auth/v1/factors/{id}/verify", this::verifyFactor, Access.USER);
        config.routes.delete("/auth/v1/factors/{id}", this::removeFactor, Access.USER);
        config.routes.post("/auth/v1/admin/users", this::adminCreate, Access.SERVICE);
        config.routes.get("/auth/v1/admin/users", this::adminList, Access.SERVICE);
        config.routes.get(
                "/auth/v1/admin/users/{id}",
                ctx -> {
                    admin(ctx);
                    ctx.json(user(auth.user(id(ctx))));
                },
                Access.SERVICE);
        config.routes.put("/auth/v1/admin/users/{id}", this::adminUpdate, Access.SERVICE);
        config.routes.delete(
                "/auth/v1/admin/users/{id}",
                ctx -> {
                    admin(ctx);
                    auth.delete(id(ctx));
                    ctx.json(Map.of());
                },
                Access.SERVICE);
        config.routes.post(
                "/auth/v1/admin/users/{id}/unlock",
                ctx -> {
                    Caller by = caller(ctx);
                    ctx.json(Map.of("id", id(ctx), "was_locked", auth.unlock(id(ctx), by.actor())));
                },
                Access.ADMIN);
        originalEnginePaths(config);
    }

    // The original engine's paths, answered by the same service.
    private void originalEnginePaths(JavalinConfig config) {
        config.routes.post("/api/auth/signup", this::signUp, Access.ANY_KEY);
        config.routes.post("/api/auth/login", ctx -> passwordSignIn(ctx, body(ctx)), Access.ANY_KEY);
        config.routes.post(
                "/api/auth/refresh",
                ctx -> session(ctx, auth.refresh(text(body(ctx), "refresh_token"))),
                Access.ANY_KEY);
        config.routes.get("/api/auth/me", ctx -> ctx.json(user(auth.currentUser(caller(ctx)))), Access.USER);
        config.routes.post("/api/auth/logout", this::logout, Access.USER);
    }

    private void signUp(Context ctx) {
        JsonNode body = body(ctx);
        session(ctx, auth.signUp(text(body, "email"), text(body, "password")));
    }

    private void token(Context ctx) {
        String grant = ctx.queryParam("grant_type");
        JsonNode body = body(ctx);
        switch (grant == null ? "" : grant) {
            case "password" -> passwordSignIn(ctx, body);
            case "refresh_token" -> session(ctx, auth.refresh(text(body, "refresh_token")));
            default ->
                throw AuthException.badRequest(
                        "unsupported_grant_type", "grant_type must be password or refresh_token, was '" + grant + "'");
        }
    }

    private void passwordSignIn(Context ctx, JsonNode body) {
        session(
                ctx,
                auth.signIn(
                        text(body, "email"),
                        text(body, "password"),
                        text(body, "totp_code"),
                        text(body, "recovery_code")));
    }

    private void logout(Context ctx) {
        auth.logout(caller(ctx), "global".equals(ctx.queryParam("scope")));
        ctx.status(204);
    }

    private void enroll(Context ctx) {
        JsonNode body = body(ctx);
        String type = text(body, "factor_type");
        if (type != null && !"totp".equals(type)) {
            throw AuthException.badRequest("validation_failed", "factor_type must be totp");
        }
        var enrollment = auth.enrollTotp(caller(ctx));
        ctx.json(Map.of(
                "id",
                enrollment.factorId(),
                "type",
                "totp",
                "totp",
                Map.of("secret", enrollment.secret(), "uri", enrollment.uri())));
    }

    private void verifyFactor(Context ctx) {
        factorOfCaller(ctx);
        var codes = auth.verifyTotp(caller(ctx), text(body(ctx), "code"));
        ctx.json(Map.of("id", ctx.pathParam("id"), "type", "totp", "status", "verified", "recovery_codes", codes));
    }

    private void removeFactor(Context ctx) {
        factorOfCaller(ctx);
        JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : body(ctx);
        auth.disableTotp(caller(ctx), text(body, "code"), text(body, "recovery_code"));
        ctx.json(Map.of("id", ctx.pathParam("id")));
    }

    // One TOTP factor per user, identified by the user's id.
    private void factorOfCaller(Context ctx) {
        Caller caller = caller(ctx);
        if (!ctx.pathParam("id").equals(caller.subject())) {
            throw new AuthException(404, "mfa_factor_not_found", "Factor not found");
        }
    }

    private void adminCreate(Context ctx) {
        admin(ctx);
        JsonNode body = body(ctx);
        JsonNode meta = body.path("app_metadata");
        StoredUser user = auth.createUser(
                text(body, "email"), text(body, "password"), text(meta, "app_role"), text(meta, "client_id"));
        ctx.status(200).json(user(user));
    }

    private void adminList(Context ctx) {
        admin(ctx);
        int page = intParam(ctx, "page", 1);
        int perPage = Math.min(intParam(ctx, "per_page", 50), 1000);
        var users = auth.list(perPage, (page - 1) * perPage).stream()
                .map(this::user)
                .toList();
        ctx.json(Map.of("users", users, "aud", "authenticated"));
    }

    private void adminUpdate(Context ctx) {
        admin(ctx);
        JsonNode body = body(ctx);
        JsonNode meta = body.path("app_metadata");
        boolean setClient = meta.has("client_id");
        ctx.json(user(auth.update(
                id(ctx), text(meta, "app_role"), setClient, text(meta, "client_id"), text(body, "password"))));
    }

    private void session(Context ctx, AuthService.Session session) {
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", session.access().token());
        body.put("token_type", "bearer");
        body.put("expires_in", session.access().lifetime().toSeconds());
        body.put("expires_at", session.access().expiresAt().getEpochSecond());
        body.put("refresh_token", session.refreshToken());
        body.put("user", user(session.user()));
        ctx.json(body);
    }

    private Map<String, Object> user(StoredUser u) {
        var appMetadata = new LinkedHashMap<String, Object>();
        appMetadata.put("provider", "email");
        appMetadata.put("providers", java.util.List.of("email"));
        appMetadata.put("app_role", u.appRole());
        if (u.clientId() != null) {
            appMetadata.put("client_id", u.clientId());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", u.id());
        body.put("aud", "authenticated");
        body.put("role", "authenticated");
        body.put("email", u.email());
        body.put("email_confirmed_at", u.createdAt());
        body.put("app_metadata", appMetadata);
        body.put("user_metadata", Map.of());
        body.put(
                "factors",
                u.totpEnabled()
                        ? java.util.List.of(Map.of("id", u.id(), "factor_type", "totp", "status", "verified"))
                        : java.util.List.of());
        body.put("created_at", u.createdAt());
        body.put("updated_at", u.updatedAt());
        body.put("last_sign_in_at", u.lastSignInAt());
        return body;
    }

    private static Caller caller(Context ctx) {
        return Caller.of(ctx)
                .orElseThrow(() -> new AuthException(401, "no_authorization", "This endpoint requires a Bearer token"));
    }

    private static void admin(Context ctx) {
        if (caller(ctx).role() != DbRole.SERVICE_ROLE) {
            throw AuthException.forbidden(
                    "not_admin", "User not allowed: user administration needs the service_role key");
        }
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new AuthException(
                    404, "user_not_found", "User not found: '" + ctx.pathParam("id") + "' is not a user id");
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node instanceof ObjectNode) {
                return node;
            }
        } catch (Exception e) {
            throw AuthException.badRequest("bad_json", "the body is not valid JSON");
        }
        throw AuthException.badRequest("bad_json", "the body must be a JSON object");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AuthException.badRequest("validation_failed", field + " must be a string");
        }
        return value.asText();
    }

    private static int intParam(Context ctx, String name, int otherwise) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw AuthException.badRequest("validation_failed", name + " must be at least 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw AuthException.badRequest("validation_failed", name + " must be a whole number");
        }
    }
}
