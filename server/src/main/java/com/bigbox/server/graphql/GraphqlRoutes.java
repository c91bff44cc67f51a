package com.bigbox.server.graphql;

import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /graphql/v1} (and GET with {@code ?query=}): one GraphQL request runs in one transaction
 * opened as the caller. Each field's SQL runs under a savepoint, so one failing field leaves the others'
 * answers; a request with errors is rolled back as a whole, so a mutation that failed changes nothing.
 */
public final class GraphqlRoutes implements HttpModule {
    private static final String SCHEMA = "/com/bigbox/server/graphql/schema.graphqls";
    private static final int MAX_PAGE = 1_000;

    private final RequestTransactions transactions;
    private final ApprovalDecisions decisions;
    private final ObjectMapper json = Json.mapper();
    private final GraphQL graphql;
    private final GraphqlLimits limits;

    public GraphqlRoutes(RequestTransactions transactions, ApprovalDecisions decisions, GraphqlLimits limits) {
        this.transactions = transactions;
        this.decisions = decisions;
        this.limits = limits;
        this.graphql = GraphQL.newGraphQL(
                        new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl()), wiring()))
                .instrumentation(limits.instrumentation())
                .build();
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post(
                "/graphql/v1",
                ctx -> {
                    JsonNode body;
                    try {
                        body = json.readTree(ctx.body());
                    } catch (IOException e) {
                        throw ApiException.badRequest("body", "the body is not valid JSON");
                    }
                    if (body == null || !body.isObject() || !body.path("query").isTextual()) {
                        throw ApiException.badRequest(
                                "query", "the body must be {\"query\": \"...\", \"variables\": {...}}");
                    }
                    Map<String, Object> variables = body.path("variables").isObject()
                            ? json.convertValue(
                                    body.get("variables"),
                                    json.getTypeFactory().constructMapType(Map.class, String.class, Object.class))
                            : Map.of();
                    execute(
                            ctx,
                            body.get("query").asText(),
                            body.path("operationName").asText(null),
                            variables);
                },
                Access.ANY_KEY);
        config.routes.get(
                "/graphql/v1",
                ctx -> {
                    String query = ctx.queryParam("query");
                    if (query == null || query.isBlank()) {
                        throw ApiException.badRequest("query", "query is required");
                    }
                    execute(ctx, query, ctx.queryParam("operationName"), Map.of());
                },
                Access.ANY_KEY);
    }

    private void execute(Context ctx, String query, String operationName, Map<String, Object> variables) {
        Caller caller =
                Caller.of(ctx).orElseThrow(() -> ApiException.badRequest("Authorization", "credentials are required"));
        ExecutionResult result;
        var budget = new ResponseBudget(limits.maxResponseBytes());
        try {
            result = transactions.run(ctx, work -> {
                ExecutionResult r = graphql.execute(ExecutionInput.newExecutionInput()
                        .query(query)
                        .operationName(operationName)
                        .variables(variables)
                        .graphQLContext(
                                Map.of(UnitOfWork.class, work, Caller.class, caller, ResponseBudget.class, budget))
                        .build());
                if (!r.getErrors().isEmpty()) {
                    throw new RolledBack(r);
                }
                return r;
            });
        } catch (RolledBack e) {
            result = e.result;
        }
        if (budget.exceeded()) {
            // Only the refusal: the part read before the cap was reached is not an answer either.
            ctx.json(Map.of(
                    "errors",
                    List.of(Map.of(
                            "message", budget.message(), "extensions", Map.of("classification", "ResponseTooLarge")))));
            return;
        }
        ctx.json(result.toSpecification());
    }

    /** Carries a result with errors out of the transaction, which rolls back. */
    private static final class RolledBack extends RuntimeException {
        final transient ExecutionResult result;

        RolledBack(ExecutionResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    @FunctionalInterface
    private interface SqlField {
        Object get(Connection connection, DataFetchingEnvironment env) throws SQLException;
    }

    // Runs one field's SQL under a savepoint: a failing field must not abort the whole transaction.
    // Its answer is charged to the request's response budget (a paged field charges row by row itself).
    private static DataFetcher<Object> sql(SqlField field) {
        return sql(field, true);
    }

    private static DataFetcher<Object> sql(SqlField field, boolean chargeAnswer) {
        return env -> {
            ResponseBudget budget = env.getGraphQlContext().get(ResponseBudget.class);
            budget.charge(0);
            UnitOfWork work = env.getGraphQlContext().get(UnitOfWork.class);
            Connection c = work.unwrap(Connection.class);
            Savepoint savepoint = c.setSavepoint();
            try {
                Object value = field.get(c, env);
                if (chargeAnswer) {
                    budget.chargeValue(value);
                }
                c.releaseSavepoint(savepoint);
                return value;
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                if (e instanceof SQLException sql) {
                    throw new IllegalArgumentException(
                            sql.getMessage().lines().findFirst().orElse("database error"), e);
                }
                throw e;
            }
        };
    }

    private RuntimeWiring wiring() {
        return RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.json(json))
                .scalar(Scalars.longs())
                .type(
                        "Query",
                        t -> t
                                // Every list field is paged (first, at most MAX_PAGE) and charged row by row as it is
                                // read.
                                .dataFetcher("events", sql(this::events, false))
                                .dataFetcher("aggregateStream", sql(this::aggregateStream, false))
                                .dataFetcher(
                                        "pendingApprovals",
                                        sql(
                                                (c, env) -> GraphqlQueries.pendingApprovals(
                                                        c, json, first(env), budget(env)),
                                                false))
                                .dataFetcher(
                                        "sopMetrics",
                                        sql((c, env) -> GraphqlQueries.sopMetrics(c, first(env), budget(env)), false))
                                .dataFetcher(
                                        "agentPerformance",
                                        sql(
                                                (c, env) -> GraphqlQueries.agentPerformance(c, first(env), budget(env)),
                                                false))
                                .dataFetcher(
                                        "clientHealth",
                                        sql(
                                                (c, env) -> GraphqlQueries.clientHealth(
                                                        c,
                                                        Boolean.TRUE.equals(env.getArgument("atRiskOnly")),
                                                        first(env),
                                                        budget(env)),
                                                false)))
                .type(
                        "Mutation",
                        t -> t.dataFetcher("appendEvent", sql(this::append))
                                .dataFetcher(
                                        "decideApproval",
                                        sql((c, env) -> decisions.decide(
                                                unit(env),
                                                uuid(env.getArgument("approvalId"), "approvalId"),
                                                "APPROVED".equals(env.getArgument("decision")),
                                                env.getGraphQlContext().<Caller>get(Caller.class),
                                                env.getArgument("notes")))))
                .build();
    }

    private static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null || first < 1 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE);
        }
        return first;
    }

    private static ResponseBudget budget(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(ResponseBudget.class);
    }

    private Object aggregateStream(Connection c, DataFetchingEnvironment env) throws SQLException {
        Long from = env.getArgument("fromSequence");
        var charge = new GraphqlQueries.RowCharge(
                budget(env),
                env.getSelectionSet().contains("payload"),
                env.getSelectionSet().contains("metadata"));
        return GraphqlQueries.stream(
                c,
                json,
                env.getArgument("aggregateType"),
                env.getArgument("aggregateId"),
                from == null ? 0 : from,
                first(env),
                charge);
    }

    private Object events(Connection c, DataFetchingEnvironment env) throws SQLException {
        int first = first(env);
        Map<String, Object> f = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
        var filter = new GraphqlQueries.EventFilter(
                (String) f.get("eventType"),
                (String) f.get("aggregateType"),
                (String) f.get("aggregateId"),
                (String) f.get("emittedBy"),
                f.get("correlationId") == null ? null : uuid(f.get("correlationId"), "correlationId"));
        String after = env.getArgument("after");
        var cursor = after == null ? GraphqlQueries.Cursor.START : GraphqlQueries.Cursor.decode(after);
        var charge = new GraphqlQueries.RowCharge(
                env.getGraphQlContext().get(ResponseBudget.class),
                env.getSelectionSet().contains("edges/node/payload"),
                env.getSelectionSet().contains("edges/node/metadata"));
        List<Map<String, Object>> rows = GraphqlQueries.events(c, json, filter, cursor, first, charge);
        boolean hasNext = rows.size() > first;
        List<Map<String, Object>> page = hasNext ? rows.subList(0, first) : rows;
        var connection = new LinkedHashMap<String, Object>();
        connection.put(
                "edges",
                page.stream()
                        .map(row -> Map.of("cursor", row.get("cursor"), "node", row))
                        .toList());
        connection.put(
                "pageInfo",
                Map.of(
                        "hasNextPage",
                        hasNext,
                        "endCursor",
                        page.isEmpty() ? "" : page.getLast().get("cursor")));
        return connection;
    }

    private Object append(Connection c, DataFetchingEnvironment env) throws SQLException {
        Map<String, Object> input = env.getArgument("input");
        try {
            var event = new NewEvent(
                    UUID.randomUUID(),
                    (String) input.get("eventType"),
                    json.writeValueAsString(input.get("payload")),
                    input.get("metadata") == null ? "{}" : json.writeValueAsString(input.get("metadata")),
                    input.get("correlationId") == null ? null : uuid(input.get("correlationId"), "correlationId"),
                    input.get("causationId") == null ? null : uuid(input.get("causationId"), "causationId"),
                    input.get("emittedBy") == null
                            ? env.getGraphQlContext().<Caller>get(Caller.class).actor()
                            : (String) input.get("emittedBy"),
                    input.get("confidence") == null
                            ? null
                            : Confidence.of(((Number) input.get("confidence")).doubleValue()),
                    null);
            ExpectedVersion expected = input.get("expectedVersion") == null
                    ? ExpectedVersion.any()
                    : ExpectedVersion.exactly(((Number) input.get("expectedVersion")).longValue());
            var result = unit(env)
                    .append(
                            stream((String) input.get("aggregateType"), (String) input.get("aggregateId")),
                            expected,
                            List.of(event));
            return GraphqlQueries.event(json, result.events().getFirst());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON", e);
        }
    }

    private static UnitOfWork unit(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(UnitOfWork.class);
    }

    private static StreamId stream(String type, String id) {
        return new StreamId(type, id);
    }

    private static UUID uuid(Object value, String field) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a UUID, was '" + value + "'");
        }
    }

    private static String sdl() {
        try (InputStream in = GraphqlRoutes.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
