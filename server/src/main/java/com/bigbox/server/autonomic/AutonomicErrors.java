package com.bigbox.server.autonomic;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.events.InvalidPayloadException;
import com.bigbox.autonomic.sop.SopValidationException;
import com.bigbox.server.ApiError;
import com.bigbox.server.HttpModule;
import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;

/** The autonomic domain's refusals as HTTP answers: 400 naming the field, 404, 409, 429 with Retry-After. */
public final class AutonomicErrors implements HttpModule {
    @Override
    public void configure(JavalinConfig config) {
        config.routes.exception(SopValidationException.class, (e, ctx) -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", "invalid_sop");
            body.put("message", e.getMessage());
            body.put("field", e.field());
            body.put("problems", e.problems());
            ctx.status(400).json(body);
        });
        config.routes.exception(
                InvalidInputException.class,
                (e, ctx) -> ctx.status(400).json(new ApiError("invalid_request", e.getMessage(), e.field())));
        config.routes.exception(
                InvalidPayloadException.class,
                (e, ctx) -> ctx.status(400).json(new ApiError("invalid_payload", e.getMessage(), e.field())));
        config.routes.exception(
                NotFoundException.class,
                (e, ctx) -> ctx.status(404).json(new ApiError("not_found", e.getMessage(), null)));
        config.routes.exception(
                ConflictException.class,
                (e, ctx) -> ctx.status(409).json(new ApiError("conflict", e.getMessage(), null)));
        config.routes.exception(ThrottledException.class, (e, ctx) -> {
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            ctx.status(429).json(new ApiError("too_many_requests", e.getMessage(), null));
        });
    }
}
