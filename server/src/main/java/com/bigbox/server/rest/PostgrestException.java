package com.bigbox.server.rest;

import com.bigbox.postgres.DatabaseException;

/**
 * A refusal of {@code /rest/v1} in PostgREST's JSON shape: {@code code} (a SQLSTATE or a PGRSTnnn
 * code), {@code message}, {@code details}, {@code hint}, with the HTTP status PostgREST gives it.
 */
public final class PostgrestException extends RuntimeException {
    private final int status;
    private final String code;
    private final String details;
    private final String hint;

    public PostgrestException(int status, String code, String message, String details, String hint) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    /** A request PostgREST could not parse (PGRST100). */
    static PostgrestException parse(String message, String details) {
        return new PostgrestException(400, "PGRST100", message, details, null);
    }

    static PostgrestException unknownColumn(String table, String column) {
        return new PostgrestException(400, "42703", "column " + table + "." + column + " does not exist", null, null);
    }

    /**
     * The database refused: the status follows PostgREST's table of SQLSTATEs; a permission error is
     * 401 for anon (it should sign in) and 403 for anyone else.
     */
    static PostgrestException of(DatabaseException e, boolean anon) {
        String state = e.sqlState() == null ? "XX000" : e.sqlState();
        return new PostgrestException(status(state, anon), state, e.serverMessage(), e.detail(), e.hint());
    }

    static int status(String state, boolean anon) {
        if (state.equals("42501")) {
            return anon ? 401 : 403;
        }
        if (DatabaseException.connectionLost(state)) {
            return 503;
        }
        if (state.matches("PT\\d{3}")) {
            return Integer.parseInt(state.substring(2));
        }
        return switch (state) {
            case "23503", "23505" -> 409;
            case "25006" -> 405;
            case "42883", "42P01" -> 404;
            case "P0001" -> 400;
            case "57014" -> 504;
            default ->
                switch (state.substring(0, 2)) {
                    case "08", "53" -> 503;
                    case "09", "25", "2D", "38", "39", "3B", "40", "55", "57", "58", "F0", "HV", "P0", "XX" -> 500;
                    case "0L", "0P", "28" -> 403;
                    case "54" -> 413;
                    default -> 400;
                };
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String details() {
        return details;
    }

    public String hint() {
        return hint;
    }
}
