package com.bigbox.server.realtime;

import com.bigbox.server.rest.Catalog;
import com.bigbox.server.rest.CatalogCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The messages the hub sends on a channel, shaped as Supabase Realtime shapes them: a {@code postgres_changes}
 * message per change, and the {@code system} error and {@code phx_close} that end a channel whose caller may no
 * longer receive.
 */
final class ChangeMessages {
    private final ObjectMapper json;
    private final CatalogCache catalogs;

    ChangeMessages(ObjectMapper json, CatalogCache catalogs) {
        this.json = json;
        this.catalogs = catalogs;
    }

    /** One change to one channel, naming the bindings of the channel that matched it. */
    void send(Channel channel, Change change, ObjectNode data) {
        ObjectNode payload = json.createObjectNode();
        ArrayNode ids = payload.putArray("ids");
        channel.bindings.stream().filter(b -> b.matches(change)).forEach(b -> ids.add(b.id()));
        payload.set("data", data);
        channel.socket.send(new PhoenixMessage(channel.joinRef, null, channel.topic, "postgres_changes", payload));
    }

    /** The {@code data} of a change's message: the same for every channel, so built once per batch. */
    ObjectNode data(Change change) {
        ObjectNode data = json.createObjectNode();
        data.put("schema", "public");
        data.put("table", change.table());
        data.put("commit_timestamp", change.commitTimestamp());
        data.put("type", change.type());
        data.put("eventType", change.type());
        ArrayNode columns = data.putArray("columns");
        catalogs.current().table(change.table()).ifPresent(table -> {
            for (Catalog.Column column : table.columns().values()) {
                columns.addObject().put("name", column.name()).put("type", column.baseType());
            }
        });
        data.set("record", change.record() == null ? json.createObjectNode() : change.record());
        data.set("old_record", change.oldRecord() == null ? json.createObjectNode() : change.oldRecord());
        data.putNull("errors");
        return data;
    }

    /** Tells the client why its channel ends, then closes the channel. */
    void close(Channel channel, String why) {
        channel.socket.send(new PhoenixMessage(
                channel.joinRef,
                null,
                channel.topic,
                "system",
                json.createObjectNode()
                        .put("extension", "system")
                        .put("status", "error")
                        .put("message", why)));
        channel.socket.send(
                new PhoenixMessage(channel.joinRef, null, channel.topic, "phx_close", json.createObjectNode()));
    }
}
