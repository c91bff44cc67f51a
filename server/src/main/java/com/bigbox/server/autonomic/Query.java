package com.bigbox.server.autonomic;

import com.bigbox.server.ApiException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query and path parameters, checked, so a refusal names the parameter. */
public final class Query {
    private Query() {}

    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static int integer(Context ctx, String name, int otherwise, int min, int max) {
        String value = text(ctx, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, was '" + value + "'");
        }
    }

    public static Double number(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number, was '" + value + "'");
        }
    }

    public static Instant instant(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant such as 2026-01-31T09:30:00Z");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " must be a UUID, was '" + value + "'");
        }
    }
}
