package com.bigbox.server.graphql;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/**
 * What one GraphQL request may cost, checked before anything runs, and how large its answer may grow.
 * A field costs one plus its children, times the rows it may return: its {@code first} argument (every
 * list field has one, at most 1000), or {@link #UNPAGED_ROWS} for a list without it; every alias counts on its own. So 300 aliases of
 * {@code events(first: 1000)} cost 300 × 1000 × their selection and are refused unexecuted.
 *
 * @param maxCost the highest cost a request may have (BIGBOX_GRAPHQL_MAX_COST)
 * @param maxDepth the deepest selection a request may nest (BIGBOX_GRAPHQL_MAX_DEPTH)
 * @param maxResponseBytes the largest answer, estimated while rows are read (BIGBOX_GRAPHQL_MAX_RESPONSE_BYTES)
 */
public record GraphqlLimits(int maxCost, int maxDepth, long maxResponseBytes) {
    /** What a list without {@code first} is costed at: the most rows a list field reads (its default first). */
    static final int UNPAGED_ROWS = 1_000;

    public static final GraphqlLimits DEFAULTS = new GraphqlLimits(50_000, 12, 10L * 1_048_576);

    public GraphqlLimits {
        if (maxCost < 1 || maxDepth < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("GraphQL limits must be positive");
        }
    }

    Instrumentation instrumentation() {
        return new ChainedInstrumentation(List.of(
                new MaxQueryDepthInstrumentation(maxDepth) {
                    @Override
                    protected AbortExecutionException mkAbortException(int depth, int max) {
                        return new AbortExecutionException("the query nests " + depth + " levels deep; the limit is "
                                + max + " (BIGBOX_GRAPHQL_MAX_DEPTH)");
                    }
                },
                new MaxQueryComplexityInstrumentation(maxCost, this::cost) {
                    @Override
                    protected AbortExecutionException mkAbortException(int cost, int max) {
                        return new AbortExecutionException(
                                "the query costs " + cost + " (aliases x page sizes x selected fields); "
                                        + "the limit is " + max
                                        + " (BIGBOX_GRAPHQL_MAX_COST): ask for fewer aliases, smaller pages "
                                        + "(first) or fewer fields, and page with after");
                    }
                }));
    }

    // Capped just above the limit: graphql-java adds the fields' costs as ints, so no sum can wrap around.
    private int cost(FieldComplexityEnvironment env, int children) {
        long rows = rows(env);
        return (int) Math.min((long) maxCost + 1, (1L + children) * rows);
    }

    private static long rows(FieldComplexityEnvironment env) {
        if (env.getArguments().get("first") instanceof Number first) {
            return Math.max(1, first.longValue());
        }
        boolean list = GraphQLTypeUtil.isList(
                GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()));
        return list && !insidePage(env.getParentEnvironment()) ? UNPAGED_ROWS : 1;
    }

    // The edges of a page are already counted by the page's first.
    private static boolean insidePage(FieldComplexityEnvironment env) {
        for (var e = env; e != null; e = e.getParentEnvironment()) {
            if (e.getArguments().containsKey("first")) {
                return true;
            }
        }
        return false;
    }
}
