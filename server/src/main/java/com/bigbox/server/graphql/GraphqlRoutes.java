package com.bigbox.server.graphql;

import static com.bigbox.server.graphql.GraphqlFields.budget;
import static com.bigbox.server.graphql.GraphqlFields.first;
import static com.bigbox.server.graphql.GraphqlFields.underSavepoint;

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
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /graphql/v1} (and GET with {@code ?query=}): one GraphQL request runs in one transaction
 * opened as the caller. Each field's SQL runs under a savepoint, so one failing field leaves the others'
 * answers; a request with errors is rolled back as a whole, so a mutation that failed changes nothing.
 */
public final class GraphqlRoutes implements HttpModule {
    private static final String SCHEMA = "/com/bigbox/server/graphql/schema.graphqls";

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

    private RuntimeWiring wiring() {
        var fields = new GraphqlFields(json);
        return RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.json(json))
                .scalar(Scalars.longs())
                .type(
                        "Query",
                        t -> t
                                // Every list field is paged (first, at most MAX_PAGE) and charged row by row as it is
                                // read.
                                .dataFetcher("events", underSavepoint(fields::events, false))
                                .dataFetcher("aggregateStream", underSavepoint(fields::aggregateStream, false))
                                .dataFetcher(
                                        "pendingApprovals",
                                        underSavepoint(
                                                (work, env) -> GraphqlQueries.pendingApprovals(
                                                        work, json, first(env), budget(env)),
                                                false))
                                .dataFetcher(
                                        "sopMetrics",
                                        underSavepoint(
                                                (work, env) -> GraphqlQueries.sopMetrics(work, first(env), budget(env)),
                                                false))
                                .dataFetcher(
                                        "agentPerformance",
                                        underSavepoint(
                                                (work, env) ->
                                                        GraphqlQueries.agentPerformance(work, first(env), budget(env)),
                                                false))
                                .dataFetcher(
                                        "clientHealth",
                                        underSavepoint(
                                                (work, env) -> GraphqlQueries.clientHealth(
                                                        work,
                                                        Boolean.TRUE.equals(env.getArgument("atRiskOnly")),
                                                        first(env),
                                                        budget(env)),
                                                false)))
                .type(
                        "Mutation",
                        t -> t.dataFetcher("appendEvent", underSavepoint(fields::append, true))
                                .dataFetcher(
                                        "decideApproval",
                                        underSavepoint(
                                                (work, env) -> decisions.decide(
                                                        work,
                                                        GraphqlFields.uuid(env.getArgument("approvalId"), "approvalId"),
                                                        "APPROVED".equals(env.getArgument("decision")),
                                                        env.getGraphQlContext().<Caller>get(Caller.class),
                                                        env.getArgument("notes")),
                                                true)))
                .build();
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
