package com.bigbox.server.rest;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.DatabaseUnavailable;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /rest/v1/<table>} and {@code /rest/v1/rpc/<function>}: PostgREST's read, insert, update,
 * delete and RPC for supabase-js, run in the caller's transaction so that grants and row-level security
 * decide (writes to {@code events} fail there: it is append-only). {@code GET /rest/v1/} is the
 * OpenAPI document of the schema.
 */
public final class RestRoutes implements HttpModule {
    private static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";
    private static final String READ_ONLY = "set transaction read only";
    private static final String TIMEOUT = "set local statement_timeout = '15s'";

    private final RequestTransactions transactions;
    private final CatalogCache catalogs;
    private final Function<Catalog, JsonNode> openApi;
    private final ObjectMapper json = Json.mapper();
    private final long maxRows;

    /**
     * @param openApi builds the OpenAPI document of a catalog
     * @param maxRows the most rows a read answers, as PostgREST's db-max-rows: a larger or missing limit is cut to it
     *     silently, Content-Range telling which rows came (BIGBOX_REST_MAX_ROWS)
     */
    public RestRoutes(
            RequestTransactions transactions,
            CatalogCache catalogs,
            Function<Catalog, JsonNode> openApi,
            long maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        this.transactions = transactions;
        this.catalogs = catalogs;
        this.openApi = openApi;
        this.maxRows = maxRows;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.exception(PostgrestException.class, (e, ctx) -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("code", e.code());
            body.put("message", e.getMessage());
            body.put("details", e.details());
            body.put("hint", e.hint());
            if (e.status() == 503) {
                ctx.header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            }
            ctx.status(e.status()).json(body);
        });
        config.routes.get(
                "/rest/v1/",
                ctx -> {
                    // As PostgREST: the document lists only what the caller may read, so a client asks for nothing it
                    // would be refused.
                    Set<String> readable = inTransaction(ctx, true, RestRoutes::readableTables);
                    Catalog catalog = catalogs.current()
                            .visibleTo(requireCaller(ctx).databaseRole().claim())
                            .only(readable);
                    ctx.contentType("application/openapi+json").result(json.writeValueAsString(openApi.apply(catalog)));
                },
                Access.ANY_KEY);
        config.routes.get("/rest/v1/rpc/{function}", ctx -> rpc(ctx, false), Access.ANY_KEY);
        config.routes.post("/rest/v1/rpc/{function}", ctx -> rpc(ctx, true), Access.ANY_KEY);
        config.routes.get("/rest/v1/{table}", this::read, Access.ANY_KEY);
        config.routes.head("/rest/v1/{table}", this::read, Access.ANY_KEY);
        config.routes.post("/rest/v1/{table}", this::insert, Access.ANY_KEY);
        config.routes.patch("/rest/v1/{table}", this::update, Access.ANY_KEY);
        config.routes.delete("/rest/v1/{table}", this::delete, Access.ANY_KEY);
    }

    private void read(Context ctx) {
        Catalog.Table table = table(ctx, ctx.pathParam("table"));
        RestQuery query = new QueryParser(table).parse(ctx.queryParamMap());
        Range range =
                Range.of(ctx.header("Range"), query.limit(), query.offset()).atMost(maxRows);
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        String alias = table.name();
        Result result = inTransaction(ctx, true, c -> {
            var select = new SqlWriter()
                    .text("select coalesce(json_agg(_r), '[]')::text, count(*) from (select ")
                    .selectList(alias, query.select())
                    .text(" from public.")
                    .identifier(table.name())
                    .text(" as ")
                    .identifier(alias)
                    .where(alias, query.where())
                    .orderBy(alias, query.order())
                    .page(range.limit(), range.offset())
                    .text(") _r");
            Result rows = rows(c, select);
            Long total = prefer.count()
                    ? count(
                            c,
                            new SqlWriter()
                                    .text("select count(*) from public.")
                                    .identifier(table.name())
                                    .text(" as ")
                                    .identifier(alias)
                                    .where(alias, query.where()))
                    : null;
            return rows.withTotal(total);
        });
        respond(ctx, 200, result, range.offset(), true);
    }

    private void insert(Context ctx) {
        Catalog.Table table = table(ctx, ctx.pathParam("table"));
        QueryParser parser = new QueryParser(table);
        List<RestQuery.SelectItem> select = parser.select(ctx.queryParam("select"));
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        ArrayNode rows = rowsOf(ctx.body());
        List<String> columns = insertColumns(table, rows, ctx.queryParam("columns"));
        if (rows.isEmpty()) {
            respond(ctx, 201, new Result("[]", 0, null), 0, false);
            return;
        }
        String rowsJson = rows.toString();
        var conflict = conflictTarget(table, ctx.queryParam("on_conflict"), prefer);
        Result result = inTransaction(ctx, false, c -> {
            var sql = new SqlWriter()
                    .text("with _bigbox_rows as (insert into public.")
                    .identifier(table.name())
                    .text(" as ")
                    .identifier(table.name())
                    .text(" (")
                    .text(identifiers(columns))
                    .text(") select ")
                    .text(identifiers(columns))
                    .text(" from json_populate_recordset(null::public.")
                    .identifier(table.name())
                    .text(", ")
                    .typedValue(rowsJson, "json")
                    .text(")");
            onConflict(sql, conflict, prefer, columns);
            sql.text(" returning ").identifier(table.name()).text(".*)");
            return changed(c, sql, select, prefer);
        });
        respond(ctx, 201, result, 0, prefer.representation());
    }

    private void update(Context ctx) {
        Catalog.Table table = table(ctx, ctx.pathParam("table"));
        QueryParser parser = new QueryParser(table);
        RestQuery query = parser.parse(ctx.queryParamMap());
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        JsonNode body = parse(ctx.body());
        if (!body.isObject()) {
            throw new PostgrestException(
                    400, "PGRST102", "An update needs a JSON object of the columns to set", null, null);
        }
        List<String> columns = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> columns.add(column(table, name)));
        if (columns.isEmpty()) {
            respond(ctx, prefer.representation() ? 200 : 204, new Result("[]", 0, null), 0, prefer.representation());
            return;
        }
        requireFilter(query, "UPDATE");
        String alias = table.name();
        Result result = inTransaction(ctx, false, c -> {
            var sql = new SqlWriter()
                    .text("with _bigbox_rows as (update public.")
                    .identifier(table.name())
                    .text(" as ")
                    .identifier(alias)
                    .text(" set ");
            for (int i = 0; i < columns.size(); i++) {
                sql.text(i == 0 ? "" : ", ")
                        .identifier(columns.get(i))
                        .text(" = _bigbox_values.")
                        .identifier(columns.get(i));
            }
            sql.text(" from json_populate_record(null::public.")
                    .identifier(table.name())
                    .text(", ")
                    .typedValue(body.toString(), "json")
                    .text(") as _bigbox_values")
                    .where(alias, query.where())
                    .text(" returning ")
                    .identifier(alias)
                    .text(".*)");
            return changed(c, sql, query.select(), prefer);
        });
        respond(ctx, prefer.representation() ? 200 : 204, result, 0, prefer.representation());
    }

    private void delete(Context ctx) {
        Catalog.Table table = table(ctx, ctx.pathParam("table"));
        RestQuery query = new QueryParser(table).parse(ctx.queryParamMap());
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        requireFilter(query, "DELETE");
        String alias = table.name();
        Result result = inTransaction(
                ctx,
                false,
                c -> changed(
                        c,
                        new SqlWriter()
                                .text("with _bigbox_rows as (delete from public.")
                                .identifier(table.name())
                                .text(" as ")
                                .identifier(alias)
                                .where(alias, query.where())
                                .text(" returning ")
                                .identifier(alias)
                                .text(".*)"),
                        query.select(),
                        prefer));
        respond(ctx, prefer.representation() ? 200 : 204, result, 0, prefer.representation());
    }

    private void rpc(Context ctx, boolean post) {
        String name = ctx.pathParam("function");
        Map<String, JsonNode> args = new LinkedHashMap<>();
        Map<String, List<String>> rest = new LinkedHashMap<>(ctx.queryParamMap());
        if (post) {
            JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : parse(ctx.body());
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
                    args.put(argument.name(), json.getNodeFactory().textNode(values.getFirst()));
                }
            }
        }
        Catalog.Table resultTable = function.returnsSet()
                ? catalog(ctx, false).table(function.returnType()).orElse(null)
                : null;
        RestQuery query = resultTable == null ? null : new QueryParser(resultTable).parse(rest);
        Range range = (query == null
                        ? Range.of(null, null, 0)
                        : Range.of(ctx.header("Range"), query.limit(), query.offset()))
                .atMost(maxRows);
        Result result = inTransaction(ctx, !post, c -> {
            var call = new SqlWriter();
            if (function.returnsSet()) {
                call.text("select coalesce(json_agg(_r), '[]')::text, count(*) from (select ");
                if (query != null) {
                    call.selectList("_bigbox_rpc", query.select());
                } else {
                    call.text("*");
                }
                call.text(" from ");
                callFunction(call, function, args);
                call.text(" as _bigbox_rpc");
                if (query != null) {
                    call.where("_bigbox_rpc", query.where()).orderBy("_bigbox_rpc", query.order());
                }
                call.page(range.limit(), range.offset());
                call.text(") _r");
                return rows(c, call);
            }
            call.text("select to_json(");
            callFunction(call, function, args);
            call.text(")::text, 1");
            return rows(c, call);
        });
        if (function.returnsSet()) {
            respond(ctx, 200, result, range.offset(), true);
        } else {
            ctx.status(200).contentType("application/json; charset=utf-8").result(result.json());
        }
    }

    private static void callFunction(SqlWriter call, Catalog.Function function, Map<String, JsonNode> args) {
        call.text("public.").identifier(function.name()).text("(");
        boolean first = true;
        for (Catalog.Argument argument : function.arguments()) {
            JsonNode value = args.get(argument.name());
            if (value == null) {
                continue;
            }
            call.text(first ? "" : ", ").identifier(argument.name()).text(" => ");
            call.typedValue(value.isNull() ? null : argumentText(value, argument.type()), argument.type());
            first = false;
        }
        call.text(")");
    }

    private static String argumentText(JsonNode value, String type) {
        if (type.equals("json") || type.equals("jsonb")) {
            return value.isTextual() ? value.asText() : value.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private Catalog.Function function(Context ctx, String name, java.util.Set<String> given) {
        List<Catalog.Function> overloads = catalog(ctx, false).functions(name);
        if (overloads.isEmpty()) {
            overloads = catalog(ctx, true).functions(name);
        }
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

    // What the caller's role may see of the schema: to a signed-in caller, a table or function its role
    // has no privilege on is one that does not exist. The anon key is told to sign in instead (401, as
    // the database's refusal reads for it), so it learns nothing more by asking.
    private Catalog catalog(Context ctx, boolean afterMiss) {
        Catalog catalog = afterMiss ? catalogs.afterMiss() : catalogs.current();
        DbRole role = requireCaller(ctx).databaseRole();
        return role == DbRole.ANON ? catalog : catalog.visibleTo(role.claim());
    }

    private Catalog.Table table(Context ctx, String name) {
        return catalog(ctx, false)
                .table(name)
                .or(() -> catalog(ctx, true).table(name))
                .orElseThrow(() -> new PostgrestException(
                        404,
                        "PGRST205",
                        "Could not find the table 'public." + name + "' in the schema cache",
                        null,
                        null));
    }

    private static String column(Catalog.Table table, String name) {
        return table.column(name)
                .map(Catalog.Column::name)
                .orElseThrow(() -> new PostgrestException(
                        400,
                        "PGRST204",
                        "Could not find the '" + name + "' column of '" + table.name() + "' in the schema cache",
                        null,
                        null));
    }

    private static List<String> insertColumns(Catalog.Table table, ArrayNode rows, String columnsParam) {
        var names = new LinkedHashSet<String>();
        if (columnsParam != null && !columnsParam.isBlank()) {
            for (String name : columnsParam.split(",")) {
                names.add(column(table, name.strip().replace("\"", "")));
            }
            return List.copyOf(names);
        }
        for (JsonNode row : rows) {
            row.fieldNames().forEachRemaining(name -> names.add(column(table, name)));
        }
        return List.copyOf(names);
    }

    private static List<String> conflictTarget(Catalog.Table table, String onConflict, Prefer prefer) {
        if (prefer.resolution() == null) {
            return List.of();
        }
        if (onConflict != null && !onConflict.isBlank()) {
            var columns = new ArrayList<String>();
            for (String name : onConflict.split(",")) {
                columns.add(column(table, name.strip()));
            }
            return columns;
        }
        List<String> key = table.primaryKey();
        if (key.isEmpty()) {
            throw new PostgrestException(
                    400,
                    "PGRST100",
                    "an upsert needs on_conflict: " + table.name() + " has no primary key",
                    null,
                    null);
        }
        return key;
    }

    private static void onConflict(SqlWriter sql, List<String> target, Prefer prefer, List<String> columns) {
        if (target.isEmpty()) {
            return;
        }
        sql.text(" on conflict (").text(identifiers(target)).text(")");
        List<String> updated = columns.stream().filter(c -> !target.contains(c)).toList();
        if ("ignore-duplicates".equals(prefer.resolution()) || updated.isEmpty()) {
            sql.text(" do nothing");
            return;
        }
        sql.text(" do update set ");
        for (int i = 0; i < updated.size(); i++) {
            sql.text(i == 0 ? "" : ", ")
                    .identifier(updated.get(i))
                    .text(" = excluded.")
                    .identifier(updated.get(i));
        }
    }

    private static String identifiers(List<String> catalogNames) {
        return String.join(", ", catalogNames.stream().map(SqlWriter::quote).toList());
    }

    private static void requireFilter(RestQuery query, String statement) {
        if (query.where().isEmpty()) {
            throw new PostgrestException(
                    400,
                    "21000",
                    statement + " requires a WHERE clause",
                    null,
                    "add a filter, e.g. ?id=eq.<id>; to change every row, filter on a column that always matches");
        }
    }

    // The changed rows (the CTE _bigbox_rows) as JSON, or only their number when representation is not wanted.
    private static Result changed(Connection c, SqlWriter cte, List<RestQuery.SelectItem> select, Prefer prefer)
            throws SQLException {
        if (prefer.representation()) {
            cte.text(" select coalesce(json_agg(_r), '[]')::text, count(*) from (select ")
                    .selectList("_bigbox_rows", select)
                    .text(" from _bigbox_rows) _r");
        } else {
            cte.text(" select '[]', count(*) from _bigbox_rows");
        }
        Result rows = rows(c, cte);
        return rows.withTotal(prefer.count() ? rows.rows() : null);
    }

    private static Result rows(Connection c, SqlWriter sql) throws SQLException {
        try (var statement = sql.prepare(c);
                var rs = statement.executeQuery()) {
            rs.next();
            return new Result(rs.getString(1), rs.getLong(2), null);
        }
    }

    private static long count(Connection c, SqlWriter sql) throws SQLException {
        try (var statement = sql.prepare(c);
                var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> readableTables(Connection c) throws SQLException {
        var names = new java.util.HashSet<String>();
        try (var s = c.createStatement();
                var rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
                   and has_any_column_privilege(c.oid, 'SELECT')""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Context ctx, boolean readOnly, SqlWork<T> work) {
        boolean anon = requireCaller(ctx).role() == DbRole.ANON;
        return transactions.run(ctx, unit -> {
            Connection c = unit.unwrap(Connection.class);
            try (var settings = c.createStatement()) {
                if (readOnly) {
                    settings.execute(READ_ONLY);
                }
                settings.execute(TIMEOUT);
                return work.run(c);
            } catch (SQLException e) {
                throw PostgrestException.of(e, anon);
            }
        });
    }

    private static Caller requireCaller(Context ctx) {
        return Caller.of(ctx)
                .orElseThrow(() -> new PostgrestException(401, "PGRST301", "No API key found in request", null, null));
    }

    private record Result(String json, long rows, Long total) {
        Result withTotal(Long total) {
            return new Result(json, rows, total);
        }
    }

    private record Range(Long limit, long offset) {
        Range atMost(long maxRows) {
            return limit != null && limit <= maxRows ? this : new Range(maxRows, offset);
        }

        /** {@code Range: 0-9} pages as limit and offset do; explicit limit/offset parameters win. */
        static Range of(String header, Long limit, long offset) {
            if (header == null || header.isBlank() || limit != null || offset > 0) {
                return new Range(limit, offset);
            }
            var matcher = java.util.regex.Pattern.compile("^\\s*(?:items=)?(\\d+)-(\\d*)\\s*$")
                    .matcher(header);
            if (!matcher.matches()) {
                throw new PostgrestException(
                        416, "PGRST103", "Requested range not satisfiable", "Range must be like 0-9", null);
            }
            long from = Long.parseLong(matcher.group(1));
            if (matcher.group(2).isEmpty()) {
                return new Range(null, from);
            }
            long to = Long.parseLong(matcher.group(2));
            if (to < from) {
                throw new PostgrestException(
                        416, "PGRST103", "Requested range not satisfiable", "the range ends before it starts", null);
            }
            return new Range(to - from + 1, from);
        }
    }

    private void respond(Context ctx, int status, Result result, long offset, boolean withBody) {
        String total = result.total() == null ? "*" : Long.toString(result.total());
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        String range =
                result.rows() == 0 || !read ? "*/" + total : offset + "-" + (offset + result.rows() - 1) + "/" + total;
        ctx.header("Content-Range", range);
        int finalStatus = status;
        if (status == 200
                && result.total() != null
                && result.rows() < result.total()
                && ctx.method() == HandlerType.GET) {
            finalStatus = 206;
        }
        String accept = ctx.header("Accept");
        if (withBody && accept != null && accept.contains(SINGLE_OBJECT)) {
            if (result.rows() != 1) {
                throw new PostgrestException(
                        406,
                        "PGRST116",
                        "JSON object requested, multiple (or no) rows returned",
                        "The result contains " + result.rows() + " rows",
                        null);
            }
            ctx.status(status)
                    .contentType(SINGLE_OBJECT + "; charset=utf-8")
                    .result(parse(result.json()).get(0).toString());
            return;
        }
        ctx.status(finalStatus);
        if (withBody && accept != null && accept.contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            if (ctx.method() != HandlerType.HEAD) {
                ctx.result(RestCsv.of((ArrayNode) parse(result.json())));
            }
            return;
        }
        if (withBody && ctx.method() != HandlerType.HEAD) {
            ctx.contentType("application/json; charset=utf-8").result(result.json());
        }
    }

    private ArrayNode rowsOf(String body) {
        JsonNode node = parse(body);
        if (node.isObject()) {
            return json.createArrayNode().add(node);
        }
        if (node.isArray()) {
            for (JsonNode row : node) {
                if (!row.isObject()) {
                    throw new PostgrestException(
                            400, "PGRST102", "All object keys must match", "every element must be a JSON object", null);
                }
            }
            return (ArrayNode) node;
        }
        throw new PostgrestException(
                400,
                "PGRST102",
                "Empty or invalid json",
                "the body must be a JSON object or an array of objects",
                null);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new PostgrestException(400, "PGRST102", "Empty or invalid json", null, null);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PostgrestException(400, "PGRST102", "Empty or invalid json", e.getOriginalMessage(), null);
        }
    }
}
