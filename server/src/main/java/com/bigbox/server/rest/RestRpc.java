package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RestSession;
import com.bigbox.postgres.rest.RestSession.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/v1/rpc/<function>}: the arguments from the JSON body (POST) or the query string (GET, read-only),
 * matched to the function's overloads by name as PostgREST does; a set-returning function's rows filter, order and
 * page as a table's.
 */
final class RestRpc {
    private final CallerSchema schema;
    private final RestTransactions transactions;
    private final long maxRows;

    RestRpc(CallerSchema schema, RestTransactions transactions, long maxRows) {
        this.schema = schema;
        this.transactions = transactions;
        this.maxRows = maxRows;
    }

    void call(Context ctx, boolean post) {
        String name = ctx.pathParam("function");
        Map<String, JsonNode> args = new LinkedHashMap<>();
        Map<String, List<String>> rest = new LinkedHashMap<>(ctx.queryParamMap());
        if (post) {
            JsonNode body = ctx.body().isBlank() ? RestJson.MAPPER.createObjectNode() : RestJson.parse(ctx.body());
            if (!body.isObject()) {
                throw new PostgrestException(400, "PGRST102", "RPC arguments must be a JSON object", null, null);
            }
            body.properties().forEach(e -> args.put(e.getKey(), e.getValue()));
        }
        Catalog.Function function = function(ctx, name, post ? args.keySet() : rest.keySet());
        if (!post) {
            for (Catalog.Argument argument : function.arguments()) {
                List<String> values = rest.remove(argument.name());
                if (values != null) {
                    args.put(argument.name(), RestJson.MAPPER.getNodeFactory().textNode(values.getFirst()));
                }
            }
        }
        Catalog.Table resultTable = function.returnsSet()
                ? schema.catalog(ctx, false).table(function.returnType()).orElse(null)
                : null;
        RestQuery query = resultTable == null ? null : new QueryParser(resultTable).parse(rest);
        Range range = (query == null
                        ? Range.of(null, null, 0)
                        : Range.of(ctx.header("Range"), query.limit(), query.offset()))
                .atMost(maxRows);
        RestSession.Call call = call(function, args);
        if (function.returnsSet()) {
            Rows rows = transactions.run(
                    ctx,
                    !post,
                    session -> session.callForRows(call, query == null ? null : query.rows(), range.page()));
            RestAnswer.rows(ctx, 200, rows, range.offset(), true);
        } else {
            String value = transactions.run(ctx, !post, session -> session.call(call));
            ctx.status(200).contentType("application/json; charset=utf-8").result(value);
        }
    }

    // The arguments given, in the function's order, as text cast to their types.
    private static RestSession.Call call(Catalog.Function function, Map<String, JsonNode> args) {
        var arguments = new ArrayList<RestSession.Argument>();
        for (Catalog.Argument argument : function.arguments()) {
            JsonNode value = args.get(argument.name());
            if (value != null) {
                arguments.add(new RestSession.Argument(
                        argument.name(),
                        argument.type(),
                        value.isNull() ? null : argumentText(value, argument.type())));
            }
        }
        return new RestSession.Call(function.name(), List.copyOf(arguments));
    }

    private static String argumentText(JsonNode value, String type) {
        if (type.equals("json") || type.equals("jsonb")) {
            return value.isTextual() ? value.asText() : value.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private Catalog.Function function(Context ctx, String name, Set<String> given) {
        List<Catalog.Function> overloads = schema.functions(ctx, name);
        for (Catalog.Function f : overloads) {
            var names = f.arguments().stream().map(Catalog.Argument::name).toList();
            boolean allRequired = f.arguments().stream().allMatch(a -> a.hasDefault() || given.contains(a.name()));
            boolean allKnown = given.stream()
                    .allMatch(g ->
                            names.contains(g) || QueryParser.RESERVED.contains(g) || g.equals("or") || g.equals("and"));
            if (allRequired && (allKnown || overloads.size() == 1 && f.returnsSet())) {
                return f;
            }
        }
        throw new PostgrestException(
                404,
                "PGRST202",
                "Could not find the function public." + name + "(" + String.join(", ", given) + ") in the schema cache",
                overloads.isEmpty() ? null : "the arguments do not match its parameters",
                null);
    }
}
