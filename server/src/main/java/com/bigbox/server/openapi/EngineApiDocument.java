package com.bigbox.server.openapi;

import com.bigbox.server.HttpModule;
import com.bigbox.server.HttpServer;
import com.bigbox.server.auth.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the engine API's OpenAPI document at {@code /api/v1/openapi.json}, generated from the routes the
 * server actually registered (every {@code /api/v1}, {@code /api/auth} and {@code /auth/v1} route): a route
 * cannot be missing from it, nor can it document one that is gone. Where {@code engine-api.json} describes a
 * route by hand (summary, parameters, bodies, responses) that description is used; any other route gets a
 * generated operation with its path parameters.
 */
public final class EngineApiDocument implements HttpModule {
    static final String RESOURCE = "/com/bigbox/server/openapi/engine-api.json";
    static final List<String> DOCUMENTED_PREFIXES = List.of("/api/v1/", "/api/auth/", "/auth/v1/");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}|<([^>]+)>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode described;
    private volatile String document;

    public EngineApiDocument() {
        try (InputStream in = EngineApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            described = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/v1/openapi.json",
                ctx -> ctx.contentType("application/json")
                        .result(document(ctx.appData(HttpServer.ROUTES).get())),
                Access.PUBLIC);
    }

    // Built on the first request, when every module has registered its routes.
    private String document(List<HttpServer.Route> routes) {
        if (document == null) {
            try {
                document = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generate(described, routes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    static ObjectNode generate(ObjectNode described, List<HttpServer.Route> routes) {
        ObjectNode out = described.deepCopy();
        ObjectNode paths = out.putObject("paths");
        JsonNode handWritten = described.path("paths");
        for (HttpServer.Route route : routes) {
            if (!METHODS.contains(route.method())
                    || DOCUMENTED_PREFIXES.stream().noneMatch(route.path()::startsWith)) {
                continue;
            }
            String path = openApiPath(route.path());
            String method = route.method().toLowerCase(Locale.ROOT);
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            JsonNode known = handWritten.path(path).path(method);
            item.set(method, known.isObject() ? known.deepCopy() : generated(path, method));
        }
        return out;
    }

    private static ObjectNode generated(String path, String method) {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("summary", method.toUpperCase(Locale.ROOT) + " " + path);
        operation.putArray("tags").add(path.split("/").length > 3 ? path.split("/")[3] : path);
        var parameters = operation.putArray("parameters");
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            parameters
                    .addObject()
                    .put("name", m.group(1))
                    .put("in", "path")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string");
        }
        if (!method.equals("get") && !method.equals("delete")) {
            operation
                    .putObject("requestBody")
                    .put("required", false)
                    .putObject("content")
                    .putObject("application/json")
                    .putObject("schema")
                    .put("type", "object");
        }
        ObjectNode responses = operation.putObject("responses");
        responses
                .putObject("200")
                .put("description", "Success")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema");
        responses.putObject("400").put("$ref", "#/components/responses/Error");
        responses.putObject("401").put("$ref", "#/components/responses/Error");
        return operation;
    }

    /** Javalin's {@code <name>} and {@code {name}} parameters in OpenAPI's {@code {name}} form. */
    static String openApiPath(String javalinPath) {
        return javalinPath.replaceAll("<([^>]+)>", "{$1}");
    }
}
