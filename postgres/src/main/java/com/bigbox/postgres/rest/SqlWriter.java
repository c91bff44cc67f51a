package com.bigbox.postgres.rest;

import com.bigbox.postgres.rest.RowQuery.Comparison;
import com.bigbox.postgres.rest.RowQuery.Condition;
import com.bigbox.postgres.rest.RowQuery.Field;
import com.bigbox.postgres.rest.RowQuery.Group;
import com.bigbox.postgres.rest.RowQuery.In;
import com.bigbox.postgres.rest.RowQuery.Is;
import com.bigbox.postgres.rest.RowQuery.OrderTerm;
import com.bigbox.postgres.rest.RowQuery.PathStep;
import com.bigbox.postgres.rest.RowQuery.SelectItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one SQL statement from a parsed request. Identifiers come from the catalog and are quoted;
 * every value and JSON key from the request is a bound parameter. Values are bound untyped, so
 * PostgreSQL reads them as the type of what they are compared with, as PostgREST's are.
 */
final class SqlWriter {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    SqlWriter text(String fragment) {
        sql.append(fragment);
        return this;
    }

    SqlWriter identifier(String catalogName) {
        sql.append(quote(catalogName));
        return this;
    }

    /** Catalog names, quoted and separated by commas. */
    SqlWriter identifiers(List<String> catalogNames) {
        return text(
                String.join(", ", catalogNames.stream().map(SqlWriter::quote).toList()));
    }

    /** An untyped parameter: PostgreSQL infers its type from where it stands. */
    SqlWriter value(String value) {
        sql.append('?');
        values.add(value);
        types.add(Types.OTHER);
        return this;
    }

    /** A parameter cast to a type named by the catalog. */
    SqlWriter typedValue(String value, String catalogType) {
        sql.append("?::").append(catalogType);
        values.add(value);
        types.add(Types.VARCHAR);
        return this;
    }

    SqlWriter number(long value) {
        sql.append('?');
        values.add(value);
        types.add(Types.BIGINT);
        return this;
    }

    SqlWriter field(String tableAlias, Field field) {
        identifier(tableAlias).text(".").identifier(field.column());
        for (PathStep step : field.path()) {
            sql.append(step.asText() ? " ->> " : " -> ");
            if (step.key().matches("-?\\d{1,9}")) {
                sql.append('?');
                values.add(Integer.parseInt(step.key()));
                types.add(Types.INTEGER);
            } else {
                sql.append("?::text");
                values.add(step.key());
                types.add(Types.VARCHAR);
            }
        }
        return this;
    }

    SqlWriter selectList(String tableAlias, List<SelectItem> items) {
        if (items.isEmpty()) {
            return text(quote(tableAlias) + ".*");
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text(", ");
            }
            field(tableAlias, items.get(i).field())
                    .text(" as ")
                    .identifier(items.get(i).alias());
        }
        return this;
    }

    SqlWriter where(String tableAlias, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return this;
        }
        text(" where ");
        return conjunction(tableAlias, conditions, " and ");
    }

    private SqlWriter conjunction(String tableAlias, List<Condition> conditions, String joiner) {
        if (conditions.isEmpty()) {
            return text(joiner.equals(" and ") ? "true" : "false");
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                text(joiner);
            }
            condition(tableAlias, conditions.get(i));
        }
        return this;
    }

    private void condition(String tableAlias, Condition condition) {
        switch (condition) {
            case Group g -> {
                text(g.negated() ? "not (" : "(");
                conjunction(tableAlias, g.conditions(), g.or() ? " or " : " and ");
                text(")");
            }
            case Is is -> {
                text(is.negated() ? "not (" : "(");
                field(tableAlias, is.field()).text(" is " + is.keyword());
                text(")");
            }
            case In in -> {
                text(in.negated() ? "not (" : "(");
                in(tableAlias, in);
                text(")");
            }
            case Comparison c -> {
                text(c.negated() ? "not (" : "(");
                comparison(tableAlias, c);
                text(")");
            }
        }
    }

    private void in(String tableAlias, In in) {
        if (in.values().isEmpty()) {
            text("false");
            return;
        }
        field(tableAlias, in.field()).text(" in (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                text(", ");
            }
            value(in.values().get(i));
        }
        text(")");
    }

    private void comparison(String tableAlias, Comparison c) {
        String operator = RowQuery.COMPARISONS.get(c.operator());
        if (c.operator().equals("like") || c.operator().equals("ilike")) {
            text("(");
            field(tableAlias, c.field()).text(")::text " + operator + " ");
            // PostgREST lets * stand for % so that URLs need no escaping.
            value(c.value().replace('*', '%'));
            return;
        }
        field(tableAlias, c.field()).text(" " + operator + " ");
        value(c.value());
    }

    SqlWriter orderBy(String tableAlias, List<OrderTerm> order) {
        if (order.isEmpty()) {
            return this;
        }
        text(" order by ");
        for (int i = 0; i < order.size(); i++) {
            OrderTerm term = order.get(i);
            if (i > 0) {
                text(", ");
            }
            field(tableAlias, term.field()).text(term.descending() ? " desc" : " asc");
            if (term.nullsFirst() != null) {
                text(term.nullsFirst() ? " nulls first" : " nulls last");
            }
        }
        return this;
    }

    SqlWriter page(Long limit, long offset) {
        if (limit != null) {
            text(" limit ").number(limit);
        }
        if (offset > 0) {
            text(" offset ").number(offset);
        }
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, types.get(i) == Types.OTHER ? Types.VARCHAR : types.get(i));
            } else {
                statement.setObject(i + 1, value, types.get(i));
            }
        }
        return statement;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
