package com.bigbox.postgres.rest;

import com.bigbox.postgres.rest.RestSession.Call;
import com.bigbox.postgres.rest.RestSession.Conflict;
import com.bigbox.postgres.rest.RestSession.Page;
import com.bigbox.postgres.rest.RestSession.Returning;
import com.bigbox.postgres.rest.RowQuery.Condition;
import java.util.List;

/**
 * The statements of {@code /rest/v1}, written from a request: each answers one row of (the rows as a JSON array,
 * how many); a write's changed rows are the CTE {@code _bigbox_rows}. The table is its own alias, as in PostgREST.
 */
final class RestStatements {
    private static final String ROWS_AS_JSON = "select coalesce(json_agg(_r), '[]')::text, count(*) from (select ";
    private static final String RPC = "_bigbox_rpc";
    private static final String CHANGED = "_bigbox_rows";

    private RestStatements() {}

    static SqlWriter read(String table, RowQuery query, Page page) {
        return new SqlWriter()
                .text(ROWS_AS_JSON)
                .selectList(table, query.select())
                .text(" from public.")
                .identifier(table)
                .text(" as ")
                .identifier(table)
                .where(table, query.where())
                .orderBy(table, query.order())
                .page(page.limit(), page.offset())
                .text(") _r");
    }

    static SqlWriter count(String table, List<Condition> where) {
        return new SqlWriter()
                .text("select count(*) from public.")
                .identifier(table)
                .text(" as ")
                .identifier(table)
                .where(table, where);
    }

    static SqlWriter insert(
            String table, List<String> columns, String rowsJson, Conflict conflict, Returning returning) {
        var sql = new SqlWriter()
                .text("with _bigbox_rows as (insert into public.")
                .identifier(table)
                .text(" as ")
                .identifier(table)
                .text(" (")
                .identifiers(columns)
                .text(") select ")
                .identifiers(columns)
                .text(" from json_populate_recordset(null::public.")
                .identifier(table)
                .text(", ")
                .typedValue(rowsJson, "json")
                .text(")");
        onConflict(sql, conflict, columns);
        sql.text(" returning ").identifier(table).text(".*)");
        return changed(sql, returning);
    }

    private static void onConflict(SqlWriter sql, Conflict conflict, List<String> columns) {
        List<String> target = conflict.target();
        if (target.isEmpty()) {
            return;
        }
        sql.text(" on conflict (").identifiers(target).text(")");
        List<String> updated = columns.stream().filter(c -> !target.contains(c)).toList();
        if (conflict.ignoreDuplicates() || updated.isEmpty()) {
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

    static SqlWriter update(
            String table, List<String> columns, String valuesJson, List<Condition> where, Returning returning) {
        var sql = new SqlWriter()
                .text("with _bigbox_rows as (update public.")
                .identifier(table)
                .text(" as ")
                .identifier(table)
                .text(" set ");
        for (int i = 0; i < columns.size(); i++) {
            sql.text(i == 0 ? "" : ", ")
                    .identifier(columns.get(i))
                    .text(" = _bigbox_values.")
                    .identifier(columns.get(i));
        }
        sql.text(" from json_populate_record(null::public.")
                .identifier(table)
                .text(", ")
                .typedValue(valuesJson, "json")
                .text(") as _bigbox_values")
                .where(table, where)
                .text(" returning ")
                .identifier(table)
                .text(".*)");
        return changed(sql, returning);
    }

    static SqlWriter delete(String table, List<Condition> where, Returning returning) {
        return changed(
                new SqlWriter()
                        .text("with _bigbox_rows as (delete from public.")
                        .identifier(table)
                        .text(" as ")
                        .identifier(table)
                        .where(table, where)
                        .text(" returning ")
                        .identifier(table)
                        .text(".*)"),
                returning);
    }

    // The changed rows as JSON, or only their number when representation is not wanted.
    private static SqlWriter changed(SqlWriter cte, Returning returning) {
        if (returning.representation()) {
            return cte.text(" ")
                    .text(ROWS_AS_JSON)
                    .selectList(CHANGED, returning.select())
                    .text(" from _bigbox_rows) _r");
        }
        return cte.text(" select '[]', count(*) from _bigbox_rows");
    }

    /** A set-returning function's rows; {@code query} (null: all of them) filters, orders and selects. */
    static SqlWriter callForRows(Call call, RowQuery query, Page page) {
        var sql = new SqlWriter().text(ROWS_AS_JSON);
        if (query != null) {
            sql.selectList(RPC, query.select());
        } else {
            sql.text("*");
        }
        sql.text(" from ");
        call(sql, call);
        sql.text(" as _bigbox_rpc");
        if (query != null) {
            sql.where(RPC, query.where()).orderBy(RPC, query.order());
        }
        return sql.page(page.limit(), page.offset()).text(") _r");
    }

    /** A function's one value as JSON. */
    static SqlWriter call(Call call) {
        var sql = new SqlWriter().text("select to_json(");
        call(sql, call);
        return sql.text(")::text, 1");
    }

    private static void call(SqlWriter sql, Call call) {
        sql.text("public.").identifier(call.function()).text("(");
        for (int i = 0; i < call.arguments().size(); i++) {
            RestSession.Argument argument = call.arguments().get(i);
            sql.text(i == 0 ? "" : ", ").identifier(argument.name()).text(" => ");
            sql.typedValue(argument.value(), argument.type());
        }
        sql.text(")");
    }
}
