package com.bigbox.server.graphql;

import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.graphql.FieldSavepoints;
import com.bigbox.postgres.graphql.GraphqlReads.EventFilter;
import com.bigbox.server.auth.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields that read their arguments beyond a page size: {@code events} (a connection with cursors),
 * {@code aggregateStream} and {@code appendEvent}; and {@link #underSavepoint}, which every field runs in.
 */
final class GraphqlFields {
    static final int MAX_PAGE = 1_000;

    private final ObjectMapper json;

    GraphqlFields(ObjectMapper json) {
        this.json = json;
    }

    /** A field's value from the request's transaction and its arguments. */
    @FunctionalInterface
    interface Field {
        Object get(UnitOfWork work, DataFetchingEnvironment env);
    }

    /**
     * Runs one field under a savepoint: a failing field must not abort the whole transaction. Its answer is charged
     * to the request's response budget unless {@code chargeAnswer} is false (a paged field charges row by row
     * itself). A statement the database refused is the field's error, in the database's words (its first line).
     */
    static DataFetcher<Object> underSavepoint(Field field, boolean chargeAnswer) {
        return env -> {
            ResponseBudget budget = budget(env);
            budget.charge(0);
            UnitOfWork work = unit(env);
            try {
                return FieldSavepoints.run(work, () -> {
                    Object value = field.get(work, env);
                    if (chargeAnswer) {
                        budget.chargeValue(value);
                    }
                    return value;
                });
            } catch (DatabaseException e) {
                throw new IllegalArgumentException(
                        e.getMessage().lines().findFirst().orElse("database error"), e);
            }
        };
    }

    static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null || first < 1 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE);
        }
        return first;
    }

    static ResponseBudget budget(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(ResponseBudget.class);
    }

    static UnitOfWork unit(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(UnitOfWork.class);
    }

    Object aggregateStream(UnitOfWork work, DataFetchingEnvironment env) {
        Long from = env.getArgument("fromSequence");
        var charge = new GraphqlQueries.RowCharge(
                budget(env),
                env.getSelectionSet().contains("payload"),
                env.getSelectionSet().contains("metadata"));
        return GraphqlQueries.stream(
                work,
                json,
                env.getArgument("aggregateType"),
                env.getArgument("aggregateId"),
                from == null ? 0 : from,
                first(env),
                charge);
    }

    Object events(UnitOfWork work, DataFetchingEnvironment env) {
        int first = first(env);
        Map<String, Object> f = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
        var filter = new EventFilter(
                (String) f.get("eventType"),
                (String) f.get("aggregateType"),
                (String) f.get("aggregateId"),
                (String) f.get("emittedBy"),
                f.get("correlationId") == null ? null : uuid(f.get("correlationId"), "correlationId"));
        String after = env.getArgument("after");
        var cursor = after == null ? GraphqlQueries.Cursor.START : GraphqlQueries.Cursor.decode(after);
        var charge = new GraphqlQueries.RowCharge(
                budget(env),
                env.getSelectionSet().contains("edges/node/payload"),
                env.getSelectionSet().contains("edges/node/metadata"));
        List<Map<String, Object>> rows = GraphqlQueries.events(work, json, filter, cursor, first, charge);
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

    Object append(UnitOfWork work, DataFetchingEnvironment env) {
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
            var result = work.append(
                    new StreamId((String) input.get("aggregateType"), (String) input.get("aggregateId")),
                    expected,
                    List.of(event));
            return GraphqlQueries.event(json, result.events().getFirst());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON", e);
        }
    }

    static UUID uuid(Object value, String field) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a UUID, was '" + value + "'");
        }
    }
}
