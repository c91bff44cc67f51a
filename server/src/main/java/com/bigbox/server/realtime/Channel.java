package com.bigbox.server.realtime;

import com.bigbox.core.Position;
import com.bigbox.postgres.access.ChangePosition;
import com.bigbox.server.auth.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * A joined channel of one socket. Until it is activated (the positions it starts after are known), the
 * hub keeps the changes it would have matched, so none committed after SUBSCRIBED slips through the
 * moment between registering and reading the heads. Its mutable state is guarded by the hub's lock.
 */
final class Channel {
    final RealtimeSocket socket;
    final String topic;
    final String joinRef;
    final List<Binding> bindings;
    volatile Caller caller;

    Position eventsAfter;
    ChangePosition changesAfter;
    final List<Change> pending = new ArrayList<>();
    boolean active;
    boolean closed;

    Channel(RealtimeSocket socket, String topic, String joinRef, List<Binding> bindings, Caller caller) {
        this.socket = socket;
        this.topic = topic;
        this.joinRef = joinRef;
        this.bindings = List.copyOf(bindings);
        this.caller = caller;
    }

    /** Whether a change is after the point this channel started from. */
    boolean isNew(Change change) {
        return switch (change) {
            case Change.EventInserted e -> e.event().position().isAfter(eventsAfter);
            case Change.RowChanged r -> r.change().position().isAfter(changesAfter);
        };
    }

    String claimsKey() {
        Caller current = caller;
        return current.role().claim() + "\n" + current.claimsJson();
    }
}
