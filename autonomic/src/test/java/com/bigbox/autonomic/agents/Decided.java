package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.events.EventCodec;
import java.util.List;

/** What a test compares of an {@link Emission}: the event's type and stream, how it is routed, and the judgement. */
public record Decided(
        String type,
        String stream,
        String actionClass,
        String action,
        String summary,
        boolean requiresHuman,
        double confidence,
        List<String> reasons) {

    public static Decided of(Emission e) {
        return new Decided(
                EventCodec.typeOf(e.payload()),
                e.stream().toString(),
                e.actionClass(),
                String.valueOf(e.action()),
                e.summary(),
                e.requiresHuman(),
                Math.round(e.judgement().confidence() * 1000) / 1000.0,
                e.judgement().reasons());
    }

    public static List<Decided> all(List<Emission> emissions) {
        return emissions.stream().map(Decided::of).toList();
    }
}
