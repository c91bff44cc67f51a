package com.bigbox.server.openapi;

import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the engine API's OpenAPI document at {@code /api/v1/openapi.json}. It is kept by hand beside
 * the routes it describes; a test validates it and checks it against the served routes.
 */
public final class EngineApiDocument implements HttpModule {
    static final String RESOURCE = "/com/bigbox/server/openapi/engine-api.json";

    private final String document;

    public EngineApiDocument() {
        try (InputStream in = EngineApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document), Access.PUBLIC);
    }
}
