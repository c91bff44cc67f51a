package com.bigbox.server;

import com.bigbox.core.InvalidEventException;
import com.bigbox.core.WrongExpectedVersionException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps refusals to HTTP statuses with an {@link ApiError} body; a lost database connection is 503 with
 * {@code Retry-After} ({@link DatabaseUnavailable}); any other unexpected failure is a logged 500.
 */
public final class ApiErrors implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @Override
    public void configure(JavalinConfig config) {
        config.routes.exception(
                ApiException.class,
                (e, ctx) -> send(ctx, e.status(), new ApiError(e.code(), e.getMessage(), e.field())));
        config.routes.exception(
                InvalidEventException.class,
                (e, ctx) -> send(ctx, 400, new ApiError("invalid_event", e.getMessage(), e.field())));
        config.routes.exception(
                WrongExpectedVersionException.class,
                (e, ctx) -> send(ctx, 409, new ApiError("wrong_expected_version", e.getMessage(), "expected_version")));
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> send(ctx, e.getStatus(), new ApiError("http_" + e.getStatus(), e.getMessage(), null)));
        config.routes.exception(Exception.class, (e, ctx) -> {
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
            send(
                    ctx,
                    500,
                    new ApiError("internal_error", "the server failed to handle the request; see its log", null));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, new ApiError("not_found", "no route for " + ctx.method() + " " + ctx.path(), null));
            }
        });
    }

    private static void send(Context ctx, int status, ApiError error) {
        ctx.status(status).json(error);
    }
}
