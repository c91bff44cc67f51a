package com.bigbox.postgres.rest;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.SqlResource;
import com.bigbox.postgres.rest.RowQuery.Condition;
import com.bigbox.postgres.rest.RowQuery.SelectItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code /rest/v1} request's statements, in the transaction the access layer opened as the caller, so that grants
 * and row-level security decide (writes to {@code events} fail there: it is append-only). Every refusal is a
 * {@link DatabaseException} with PostgreSQL's SQLSTATE, which the HTTP side turns into PostgREST's answer.
 */
public final class RestSession {
    private static final String READ_ONLY = SqlResource.load(RestSession.class, "read_only");
    private static final String TIMEOUT = SqlResource.load(RestSession.class, "statement_timeout");
    private static final String READABLE_TABLES = SqlResource.load(RestSession.class, "readable_tables");

    /** The rows as a JSON array, how many, and (when counted) how many there are in all. */
    public record Rows(String json, long rows, Long total) {
        public Rows withTotal(Long total) {
            return new Rows(json, rows, total);
        }
    }

    /** At most {@code limit} rows (null: no limit) after skipping {@code offset}. */
    public record Page(Long limit, long offset) {}

    /** What a write answers: its changed rows ({@code select} of them) or only their number, and whether counted. */
    public record Returning(List<SelectItem> select, boolean representation, boolean count) {}

    /** An upsert's conflict target (empty: a plain insert), and whether a conflicting row is kept as it is. */
    public record Conflict(List<String> target, boolean ignoreDuplicates) {}

    /** A function of the public schema with the arguments given, by name. */
    public record Call(String function, List<Argument> arguments) {}

    /** An argument as text (null: SQL null), cast to the parameter's type. */
    public record Argument(String name, String type, String value) {}

    private final Connection connection;

    private RestSession(Connection connection) {
        this.connection = connection;
    }

    /** Starts a request's statements in {@code work}: read-only when asked, with PostgREST's statement timeout. */
    public static RestSession begin(UnitOfWork work, boolean readOnly) {
        Connection connection = work.unwrap(Connection.class);
        try (var settings = connection.createStatement()) {
            if (readOnly) {
                settings.execute(READ_ONLY);
            }
            settings.execute(TIMEOUT);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new RestSession(connection);
    }

    /** A page of a table's rows, with the number of all rows that match when {@code count}. */
    public Rows read(String table, RowQuery query, Page page, boolean count) {
        Rows rows = rows(RestStatements.read(table, query, page));
        return rows.withTotal(count ? count(table, query.where()) : null);
    }

    private long count(String table, List<Condition> where) {
        try (var statement = RestStatements.count(table, where).prepare(connection);
                var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Inserts {@code rowsJson} (an array of objects) into {@code columns}, or upserts on a conflict target. */
    public Rows insert(String table, List<String> columns, String rowsJson, Conflict conflict, Returning returning) {
        return changed(RestStatements.insert(table, columns, rowsJson, conflict, returning), returning);
    }

    /** Sets {@code columns} to their values in {@code valuesJson} (an object) in the rows {@code where} keeps. */
    public Rows update(
            String table, List<String> columns, String valuesJson, List<Condition> where, Returning returning) {
        return changed(RestStatements.update(table, columns, valuesJson, where, returning), returning);
    }

    public Rows delete(String table, List<Condition> where, Returning returning) {
        return changed(RestStatements.delete(table, where, returning), returning);
    }

    /** A set-returning function's rows; {@code query} (null: all of them) filters, orders and selects. */
    public Rows callForRows(Call call, RowQuery query, Page page) {
        return rows(RestStatements.callForRows(call, query, page));
    }

    /** A function's value as JSON. */
    public String call(Call call) {
        return rows(RestStatements.call(call)).json();
    }

    /** The tables and views the caller may select from. */
    public Set<String> readableTables() {
        var names = new HashSet<String>();
        try (var statement = connection.prepareStatement(READABLE_TABLES);
                var rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return names;
    }

    private Rows changed(SqlWriter sql, Returning returning) {
        Rows rows = rows(sql);
        return rows.withTotal(returning.count() ? rows.rows() : null);
    }

    private Rows rows(SqlWriter sql) {
        try (var statement = sql.prepare(connection);
                var rs = statement.executeQuery()) {
            rs.next();
            return new Rows(rs.getString(1), rs.getLong(2), null);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
