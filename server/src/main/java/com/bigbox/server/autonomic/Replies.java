package com.bigbox.server.autonomic;

import com.bigbox.server.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.http.Context;

/**
 * Writes the autonomic API's answers: the domain's records with snake_case field names, as the seed's
 * columns and the original engine's JSON name them.
 */
public final class Replies {
    private static final ObjectMapper SNAKE =
            Json.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Replies() {}

    public static void json(Context ctx, Object value) {
        json(ctx, 200, value);
    }

    public static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(SNAKE.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
