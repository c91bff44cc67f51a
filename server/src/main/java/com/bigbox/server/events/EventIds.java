package com.bigbox.server.events;

import com.bigbox.server.ApiException;
import java.util.UUID;

final class EventIds {
    private EventIds() {}

    static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "an event id is a UUID, was '" + text + "'");
        }
    }
}
