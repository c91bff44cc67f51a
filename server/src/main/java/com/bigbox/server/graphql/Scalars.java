package com.bigbox.server.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/** The schema's custom scalars: {@code JSON} (any JSON value) and {@code Long}. */
final class Scalars {
    private Scalars() {}

    static GraphQLScalarType json(ObjectMapper mapper) {
        return GraphQLScalarType.newScalar()
                .name("JSON")
                .description("Any JSON value")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        return value;
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return input;
                    }

                    @Override
                    public Object parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) {
                            try {
                                return mapper.readValue(s.getValue(), Object.class);
                            } catch (Exception e) {
                                throw new CoercingParseLiteralException(
                                        "a JSON literal must be a string of valid JSON");
                            }
                        }
                        throw new CoercingParseLiteralException("pass JSON as a variable, or as a string of JSON");
                    }
                })
                .build();
    }

    static GraphQLScalarType longs() {
        return GraphQLScalarType.newScalar()
                .name("Long")
                .description("A 64-bit whole number")
                .coercing(new Coercing<Long, Long>() {
                    @Override
                    public Long serialize(Object value, GraphQLContext context, Locale locale) {
                        return ((Number) value).longValue();
                    }

                    @Override
                    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                            return n.longValue();
                        }
                        throw new CoercingParseValueException("expected a whole number, got " + input);
                    }

                    @Override
                    public Long parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof IntValue i) {
                            return i.getValue().longValueExact();
                        }
                        throw new CoercingParseLiteralException("expected a whole number");
                    }
                })
                .build();
    }
}
