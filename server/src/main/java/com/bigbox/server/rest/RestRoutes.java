package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RestSession;
import com.bigbox.postgres.rest.RestSession.Rows;
import com.bigbox.postgres.rest.RowQuery.SelectItem;
import com.bigbox.server.DatabaseUnavailable;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /rest/v1/<table>} and {@code /rest/v1/rpc/<function>}: PostgREST's read, insert, update,
 * delete and RPC for supabase-js, run in the caller's transaction so that grants and row-level security
 * decide (writes to {@code events} fail there: it is append-only). {@code GET /rest/v1/} is the
 * OpenAPI document of the schema. This class reads the request; the statements are
 * {@link RestSession}'s, the answer's shape {@link RestAnswer}'s.
 */
public final class RestRoutes implements HttpModule {
    private final CallerSchema schema;
    private final RestTransactions transactions;
    private final RestRpc rpc;
    private final Function<Catalog, JsonNode> openApi;
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
        this.schema = new CallerSchema(catalogs);
        this.transactions = new RestTransactions(transactions);
        this.rpc = new RestRpc(schema, this.transactions, maxRows);
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
        config.routes.get("/rest/v1/", this::document, Access.ANY_KEY);
        config.routes.get("/rest/v1/rpc/{function}", ctx -> rpc.call(ctx, false), Access.ANY_KEY);
        config.routes.post("/rest/v1/rpc/{function}", ctx -> rpc.call(ctx, true), Access.ANY_KEY);
        config.routes.get("/rest/v1/{table}", this::read, Access.ANY_KEY);
        config.routes.head("/rest/v1/{table}", this::read, Access.ANY_KEY);
        config.routes.post("/rest/v1/{table}", this::insert, Access.ANY_KEY);
        config.routes.patch("/rest/v1/{table}", this::update, Access.ANY_KEY);
        config.routes.delete("/rest/v1/{table}", this::delete, Access.ANY_KEY);
    }

    // As PostgREST: the document lists only what the caller may read, so a client asks for nothing it would be refused.
    private void document(Context ctx) throws Exception {
        Set<String> readable = transactions.run(ctx, true, RestSession::readableTables);
        Catalog catalog = schema.document(ctx, readable);
        ctx.contentType("application/openapi+json").result(RestJson.MAPPER.writeValueAsString(openApi.apply(catalog)));
    }

    private void read(Context ctx) {
        Catalog.Table table = schema.table(ctx, ctx.pathParam("table"));
        RestQuery query = new QueryParser(table).parse(ctx.queryParamMap());
        Range range =
                Range.of(ctx.header("Range"), query.limit(), query.offset()).atMost(maxRows);
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        Rows result = transactions.run(
                ctx, true, session -> session.read(table.name(), query.rows(), range.page(), prefer.count()));
        RestAnswer.rows(ctx, 200, result, range.offset(), true);
    }

    private void insert(Context ctx) {
        Catalog.Table table = schema.table(ctx, ctx.pathParam("table"));
        List<SelectItem> select = new QueryParser(table).select(ctx.queryParam("select"));
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        ArrayNode rows = RestJson.rows(ctx.body());
        List<String> columns = insertColumns(table, rows, ctx.queryParam("columns"));
        if (rows.isEmpty()) {
            RestAnswer.rows(ctx, 201, RestAnswer.NONE, 0, false);
            return;
        }
        var conflict = new RestSession.Conflict(
                conflictTarget(table, ctx.queryParam("on_conflict"), prefer),
                "ignore-duplicates".equals(prefer.resolution()));
        Rows result = transactions.run(
                ctx,
                false,
                session -> session.insert(table.name(), columns, rows.toString(), conflict, returning(select, prefer)));
        RestAnswer.rows(ctx, 201, result, 0, prefer.representation());
    }

    private void update(Context ctx) {
        Catalog.Table table = schema.table(ctx, ctx.pathParam("table"));
        RestQuery query = new QueryParser(table).parse(ctx.queryParamMap());
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        JsonNode body = RestJson.parse(ctx.body());
        if (!body.isObject()) {
            throw new PostgrestException(
                    400, "PGRST102", "An update needs a JSON object of the columns to set", null, null);
        }
        List<String> columns = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> columns.add(CallerSchema.column(table, name)));
        int status = prefer.representation() ? 200 : 204;
        if (columns.isEmpty()) {
            RestAnswer.rows(ctx, status, RestAnswer.NONE, 0, prefer.representation());
            return;
        }
        requireFilter(query, "UPDATE");
        Rows result = transactions.run(
                ctx,
                false,
                session -> session.update(
                        table.name(),
                        columns,
                        body.toString(),
                        query.rows().where(),
                        returning(query.select(), prefer)));
        RestAnswer.rows(ctx, status, result, 0, prefer.representation());
    }

    private void delete(Context ctx) {
        Catalog.Table table = schema.table(ctx, ctx.pathParam("table"));
        RestQuery query = new QueryParser(table).parse(ctx.queryParamMap());
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        requireFilter(query, "DELETE");
        Rows result = transactions.run(
                ctx,
                false,
                session -> session.delete(table.name(), query.rows().where(), returning(query.select(), prefer)));
        RestAnswer.rows(ctx, prefer.representation() ? 200 : 204, result, 0, prefer.representation());
    }

    private static RestSession.Returning returning(List<SelectItem> select, Prefer prefer) {
        return new RestSession.Returning(select, prefer.representation(), prefer.count());
    }

    private static List<String> insertColumns(Catalog.Table table, ArrayNode rows, String columnsParam) {
        var names = new LinkedHashSet<String>();
        if (columnsParam != null && !columnsParam.isBlank()) {
            for (String name : columnsParam.split(",")) {
                names.add(CallerSchema.column(table, name.strip().replace("\"", "")));
            }
            return List.copyOf(names);
        }
        for (JsonNode row : rows) {
            row.fieldNames().forEachRemaining(name -> names.add(CallerSchema.column(table, name)));
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
                columns.add(CallerSchema.column(table, name.strip()));
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
}
