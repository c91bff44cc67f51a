package com.bigbox.core;

/**
 * Identifies one aggregate's stream: its type ({@code LEAD}, {@code CLIENT}, ...) and its id.
 *
 * @param type the aggregate type, stored as {@code aggregate_type}
 * @param id the aggregate id, stored as {@code aggregate_id}
 */
public record StreamId(String type, String id) {
    public static final int MAX_LENGTH = 200;

    public StreamId {
        type = Require.text("aggregate_type", type, MAX_LENGTH);
        id = Require.text("aggregate_id", id, MAX_LENGTH);
    }

    public static StreamId of(String type, String id) {
        return new StreamId(type, id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
