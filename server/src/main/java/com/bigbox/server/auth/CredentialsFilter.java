package com.bigbox.server.auth;

import com.bigbox.server.HttpModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Every request passes here first: credentials come from the {@code apikey} header and/or
 * {@code Authorization: Bearer} (as supabase-js sends both), and on the realtime socket and the SSE
 * stream — which browsers open without custom headers — also from the {@code apikey} or
 * {@code access_token} query parameter. When both are given both must verify, and the bearer token
 * decides the role. A user's token whose session ended (signed out, revoked) is refused like a bad one.
 * Missing or bad credentials end the request with 401; only the public paths
 * (health probes, the HMAC-signed webhook, and what the engine adds) pass without.
 */
public final class CredentialsFilter implements HttpModule {
    static final List<String> QUERY_TOKEN_PATHS = List.of("/realtime/v1/websocket", "/api/v1/events/stream");

    private final Tokens tokens;
    private final Sessions sessions;
    private final List<String> publicPaths;

    /**
     * @param publicPaths paths served without credentials: exact, or a prefix ending in {@code *}
     */
    public CredentialsFilter(Tokens tokens, Sessions sessions, List<String> publicPaths) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.publicPaths = List.copyOf(publicPaths);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.before(this::check);
        config.routes.wsBeforeUpgrade(this::check);
    }

    private void check(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String bearer = bearer(ctx);
        String apiKey = ctx.header("apikey");
        if (QUERY_TOKEN_PATHS.contains(ctx.path())) {
            apiKey = firstNonBlank(apiKey, ctx.queryParam("apikey"));
            bearer = firstNonBlank(bearer, ctx.queryParam("access_token"));
        }
        if (isBlank(bearer) && isBlank(apiKey)) {
            if (isPublic(ctx.path())) {
                return;
            }
            throw new TokenRejectedException(
                    "No API key found in request: send the apikey header " + "and/or Authorization: Bearer <token>",
                    false);
        }
        Caller keyCaller = isBlank(apiKey) ? null : tokens.verify(apiKey.strip());
        Caller caller = isBlank(bearer) ? keyCaller : tokens.verify(bearer);
        sessions.require(caller);
        ctx.attribute(Caller.ATTRIBUTE, caller);
    }

    private boolean isPublic(String path) {
        for (String p : publicPaths) {
            if (p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        String trimmed = header.strip();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return trimmed.substring(7).strip();
        }
        throw new TokenRejectedException("the Authorization header must be 'Bearer <token>'", false);
    }

    private static String firstNonBlank(String a, String b) {
        return isBlank(a) ? b : a;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
