package com.bigbox.server.openapi;

import com.bigbox.server.rest.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The OpenAPI 3 document {@code GET /rest/v1/} serves, as PostgREST serves one of its schema: a path per
 * table (read with filters, insert, update, delete) and per function ({@code /rpc/<name>}), and a schema
 * per table whose properties are its columns.
 */
public final class RestOpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RestOpenApi() {}

    public static JsonNode document(Catalog catalog) {
        ObjectNode root = F.objectNode();
        root.put("openapi", "3.0.3");
        root.putObject("info")
                .put("title", "Big Box Autonomic Engine: PostgREST-compatible API")
                .put("version", "1")
                .put(
                        "description",
                        "Tables and functions of the public schema. Send the anon or service_role key as "
                                + "apikey and Authorization: Bearer; row-level security decides what a caller sees.");
        root.putArray("servers").addObject().put("url", "/rest/v1");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode parameters = components.putObject("parameters");
        commonParameters(parameters);
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("apikey").put("type", "apiKey").put("in", "header").put("name", "apikey");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        ArrayNode requirement = root.putArray("security");
        requirement.addObject().putArray("apikey");
        requirement.addObject().putArray("bearer");

        for (Catalog.Table table : catalog.tables()) {
            schemas.set(table.name(), tableSchema(table));
            tablePath(paths.putObject("/" + table.name()), table);
        }
        for (List<Catalog.Function> overloads : catalog.functions()) {
            functionPath(paths, overloads.getFirst());
        }
        return root;
    }

    // Read with filters; a table (not a view) also takes inserts, updates and deletes.
    private static void tablePath(ObjectNode path, Catalog.Table table) {
        ObjectNode get = operation(path.putObject("get"), "Read rows of " + table.name(), table.name());
        ArrayNode getParameters = get.putArray("parameters");
        for (String p : List.of("select", "order", "limit", "offset", "range", "prefer")) {
            getParameters.addObject().put("$ref", "#/components/parameters/" + p);
        }
        filterParameters(getParameters, table);
        get.putObject("responses").set("200", rowsResponse(table));
        get.withObjectProperty("responses").set("206", rowsResponse(table));
        if (table.view()) {
            return;
        }
        ObjectNode post = operation(path.putObject("post"), "Insert rows into " + table.name(), table.name());
        post.putArray("parameters").addObject().put("$ref", "#/components/parameters/prefer");
        post.set("requestBody", body(table));
        post.putObject("responses").set("201", rowsResponse(table));
        ObjectNode patch =
                operation(path.putObject("patch"), "Update the filtered rows of " + table.name(), table.name());
        ArrayNode patchParameters = patch.putArray("parameters");
        patchParameters.addObject().put("$ref", "#/components/parameters/prefer");
        filterParameters(patchParameters, table);
        patch.set("requestBody", body(table));
        patch.putObject("responses").set("200", rowsResponse(table));
        patch.withObjectProperty("responses").putObject("204").put("description", "Updated");
        ObjectNode delete =
                operation(path.putObject("delete"), "Delete the filtered rows of " + table.name(), table.name());
        ArrayNode deleteParameters = delete.putArray("parameters");
        deleteParameters.addObject().put("$ref", "#/components/parameters/prefer");
        filterParameters(deleteParameters, table);
        delete.putObject("responses").set("200", rowsResponse(table));
        delete.withObjectProperty("responses").putObject("204").put("description", "Deleted");
    }

    // POST /rpc/<name>, its named arguments as the body's properties (those without a default required).
    private static void functionPath(ObjectNode paths, Catalog.Function function) {
        ObjectNode post = operation(
                paths.putObject("/rpc/" + function.name()).putObject("post"),
                "Call " + function.name() + " (returns " + (function.returnsSet() ? "setof " : "")
                        + function.returnType() + ")",
                "rpc");
        ObjectNode args = F.objectNode().put("type", "object");
        ObjectNode properties = args.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Catalog.Argument argument : function.arguments()) {
            if (argument.name().isEmpty()) {
                continue;
            }
            properties.set(argument.name(), type(argument.type()));
            if (!argument.hasDefault()) {
                required.add(argument.name());
            }
        }
        if (!required.isEmpty()) {
            args.set("required", required);
        }
        post.putObject("requestBody")
                .put("required", true)
                .putObject("content")
                .putObject("application/json")
                .set("schema", args);
        post.putObject("responses")
                .putObject("200")
                .put("description", "The function's result")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema");
    }

    private static ObjectNode operation(ObjectNode operation, String summary, String tag) {
        operation.put("summary", summary);
        operation.putArray("tags").add(tag);
        operation.putObject("responses");
        return operation;
    }

    private static void commonParameters(ObjectNode parameters) {
        query(parameters, "select", "Columns to return, e.g. event_id,payload->>client_id");
        query(parameters, "order", "e.g. timestamp.desc.nullslast");
        query(parameters, "limit", "At most this many rows")
                .withObjectProperty("schema")
                .put("type", "integer")
                .put("minimum", 0);
        query(parameters, "offset", "Skip this many rows")
                .withObjectProperty("schema")
                .put("type", "integer")
                .put("minimum", 0);
        parameters
                .putObject("range")
                .put("name", "Range")
                .put("in", "header")
                .put("description", "e.g. 0-9")
                .putObject("schema")
                .put("type", "string");
        parameters
                .putObject("prefer")
                .put("name", "Prefer")
                .put("in", "header")
                .put(
                        "description",
                        "return=representation|minimal, count=exact, resolution=merge-duplicates|ignore-duplicates")
                .putObject("schema")
                .put("type", "string");
    }

    private static ObjectNode query(ObjectNode parameters, String name, String description) {
        ObjectNode p =
                parameters.putObject(name).put("name", name).put("in", "query").put("description", description);
        p.putObject("schema").put("type", "string");
        return p;
    }

    private static void filterParameters(ArrayNode parameters, Catalog.Table table) {
        for (Catalog.Column column : table.columns().values()) {
            parameters
                    .addObject()
                    .put("name", column.name())
                    .put("in", "query")
                    .put("required", false)
                    .put("description", "Filter, e.g. eq.value, in.(a,b), is.null, not.eq.value")
                    .putObject("schema")
                    .put("type", "string");
        }
    }

    private static ObjectNode body(Catalog.Table table) {
        ObjectNode body = F.objectNode().put("required", true);
        ObjectNode schema =
                body.putObject("content").putObject("application/json").putObject("schema");
        ArrayNode oneOf = schema.putArray("oneOf");
        oneOf.addObject().put("$ref", "#/components/schemas/" + table.name());
        oneOf.addObject().put("type", "array").putObject("items").put("$ref", "#/components/schemas/" + table.name());
        return body;
    }

    private static ObjectNode rowsResponse(Catalog.Table table) {
        ObjectNode response = F.objectNode().put("description", "Rows of " + table.name());
        response.putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("type", "array")
                .putObject("items")
                .put("$ref", "#/components/schemas/" + table.name());
        return response;
    }

    private static ObjectNode tableSchema(Catalog.Table table) {
        ObjectNode schema = F.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Catalog.Column column : table.columns().values()) {
            ObjectNode property = type(column.type());
            property.put(
                    "description",
                    column.type()
                            + (column.primaryKey() ? ", primary key" : "")
                            + (column.generated() ? ", generated" : ""));
            if (column.nullable()) {
                property.put("nullable", true);
            }
            properties.set(column.name(), property);
            if (!column.nullable() && !column.hasDefault() && !column.generated()) {
                required.add(column.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** The JSON type of a PostgreSQL type as the API shows it. */
    static ObjectNode type(String pgType) {
        ObjectNode node = F.objectNode();
        if (pgType.endsWith("[]")) {
            node.put("type", "array").set("items", type(pgType.substring(0, pgType.length() - 2)));
            return node;
        }
        String base = pgType.replaceAll("\\(.*\\)", "").strip();
        switch (base) {
            case "smallint", "integer", "bigint" -> node.put("type", "integer");
            case "numeric", "real", "double precision" -> node.put("type", "number");
            case "boolean" -> node.put("type", "boolean");
            case "uuid" -> node.put("type", "string").put("format", "uuid");
            case "timestamp with time zone", "timestamp without time zone" ->
                node.put("type", "string").put("format", "date-time");
            case "date" -> node.put("type", "string").put("format", "date");
            case "json", "jsonb" -> {
                // any JSON value: no type constraint
            }
            default -> node.put("type", "string");
        }
        return node;
    }
}
