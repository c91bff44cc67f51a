package com.bigbox.server.realtime;

/**
 * One {@code postgres_changes} listener of a channel, as the client asked for it; {@code id} is what
 * the server reply and every change message name it by.
 */
record Binding(int id, String event, String schema, String table, String filterText, ChangeFilter filter) {
    boolean matches(Change change) {
        return table.equals(change.table())
                && (event.equals("*") || event.equals(change.type()))
                && (filter == null || filter.matches(change.filtered()));
    }
}
