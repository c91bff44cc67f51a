package com.bigbox.server.auth;

import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.ApiError;
import com.bigbox.server.DatabaseUnavailable;
import com.bigbox.server.HttpModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers refused credentials with 401 in the shape of the surface that was called (PostgREST's on
 * {@code /rest/v1}, GoTrue's on {@code /auth/v1}, the engine's elsewhere), and a write that row-level
 * security or a missing grant refused with 401 (anon) or 403, as PostgREST does.
 */
public final class AccessErrors implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(AccessErrors.class);

    @Override
    public void configure(JavalinConfig config) {
        config.routes.exception(TokenRejectedException.class, (e, ctx) -> unauthorized(ctx, e));
        config.routes.exception(EventStoreException.class, (e, ctx) -> {
            if ("42501".equals(DatabaseException.sqlState(e.getCause()))) {
                boolean anon = Caller.of(ctx).map(c -> c.role() == DbRole.ANON).orElse(true);
                ctx.status(anon ? 401 : 403).json(new ApiError("forbidden", e.getMessage(), null));
                return;
            }
            if (DatabaseUnavailable.causes(e)) {
                log.warn(
                        "{} {}: the database is unavailable ({}); answered 503",
                        ctx.method(),
                        ctx.path(),
                        e.getMessage());
                DatabaseUnavailable.answer(ctx);
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500)
                    .json(new ApiError("internal_error", "the server failed to handle the request; see its log", null));
        });
    }

    static void unauthorized(Context ctx, TokenRejectedException e) {
        ctx.header("WWW-Authenticate", "Bearer");
        if (ctx.path().startsWith("/rest/v1")) {
            var body = new LinkedHashMap<String, Object>();
            body.put("code", e.expired() ? "PGRST303" : "PGRST301");
            body.put("message", e.getMessage());
            body.put("details", null);
            body.put("hint", null);
            ctx.status(401).json(body);
        } else if (ctx.path().startsWith("/auth/v1")) {
            ctx.status(401)
                    .json(Map.of(
                            "code",
                            401,
                            "error_code",
                            e.expired() ? "bad_jwt" : "no_authorization",
                            "msg",
                            e.getMessage()));
        } else {
            ctx.status(401)
                    .json(new ApiError(
                            e.expired() ? "token_expired" : "unauthorized", e.getMessage(), "Authorization"));
        }
    }
}
