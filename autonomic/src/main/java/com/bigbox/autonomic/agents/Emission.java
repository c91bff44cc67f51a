package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.reasoning.Judgement;
import com.bigbox.core.StreamId;
import org.jspecify.annotations.Nullable;

/**
 * One event an agent wants to emit, with the judgement behind it.
 *
 * @param actionClass how Oversight treats it when a human must decide (see {@code ActionClasses})
 * @param action what it does, as SOP policies name actions (e.g. {@code commit_pricing})
 * @param summary one line for the approval queue
 */
public record Emission(
        StreamId stream,
        DomainEvent payload,
        Judgement judgement,
        String actionClass,
        @Nullable String action,
        String summary,
        boolean requiresHuman) {

    public static Emission of(
            StreamId stream, DomainEvent payload, Judgement judgement, String actionClass, String summary) {
        return new Emission(stream, payload, judgement, actionClass, null, summary, false);
    }

    public Emission action(String name) {
        return new Emission(stream, payload, judgement, actionClass, name, summary, requiresHuman);
    }

    public Emission requiringHuman() {
        return new Emission(stream, payload, judgement, actionClass, action, summary, true);
    }
}
