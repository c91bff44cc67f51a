package com.bigbox.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers a batch of changes to the channels whose bindings match them: channels not yet active keep what they
 * matched for later, channels whose caller may no longer receive are closed, and the rest are grouped by their
 * caller's claims so that each group's visibility is asked once; each channel then gets the changes it may see.
 */
final class ChangeFanOut {
    private final Set<Channel> channels;
    private final CallerVisibility visibility;
    private final CallerLifetime lifetime;
    private final ChangeMessages messages;

    ChangeFanOut(Set<Channel> channels, CallerVisibility visibility, CallerLifetime lifetime, ChangeMessages messages) {
        this.channels = channels;
        this.visibility = visibility;
        this.lifetime = lifetime;
        this.messages = messages;
    }

    // Called under the hub's lock.
    void deliver(List<Change> batch, List<Channel> candidates) {
        Map<Channel, List<Change>> matched = matched(batch, candidates);
        matched.keySet().removeIf(this::closeIfEnded);
        if (matched.isEmpty()) {
            return;
        }
        Map<String, List<Channel>> byClaims = new LinkedHashMap<>();
        matched.keySet()
                .forEach(c -> byClaims.computeIfAbsent(c.claimsKey(), k -> new ArrayList<>())
                        .add(c));
        Map<Change, ObjectNode> data = new LinkedHashMap<>();
        for (List<Channel> group : byClaims.values()) {
            Set<Change> groupChanges = new HashSet<>();
            group.forEach(c -> groupChanges.addAll(matched.get(c)));
            Set<Change> visible = visibility.visible(group.getFirst().caller, groupChanges);
            for (Channel channel : group) {
                for (Change change : matched.get(channel)) {
                    if (visible.contains(change)) {
                        messages.send(channel, change, data.computeIfAbsent(change, messages::data));
                    }
                }
            }
        }
    }

    // The new changes each active channel's bindings match; an inactive channel keeps its matches as pending.
    private static Map<Channel, List<Change>> matched(List<Change> batch, List<Channel> candidates) {
        Map<Channel, List<Change>> matched = new LinkedHashMap<>();
        for (Channel channel : candidates) {
            if (channel.closed) {
                continue;
            }
            for (Change change : batch) {
                if (channel.bindings.stream().noneMatch(b -> b.matches(change))) {
                    continue;
                }
                if (!channel.active) {
                    channel.pending.add(change);
                } else if (channel.isNew(change)) {
                    matched.computeIfAbsent(channel, c -> new ArrayList<>()).add(change);
                }
            }
        }
        return matched;
    }

    private boolean closeIfEnded(Channel channel) {
        String why = lifetime.endedBecause(channel.caller);
        if (why == null) {
            return false;
        }
        channel.closed = true;
        channels.remove(channel);
        channel.socket.channels.remove(channel.topic, channel);
        messages.close(channel, why);
        return true;
    }
}
