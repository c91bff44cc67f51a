package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.Adjustment;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.AutonomyChange;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.Since;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.ThresholdChange;
import com.bigbox.core.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ThresholdCalibration} reads from an agent's stream of setting changes: the latest change of each scope
 * (the agent as a whole, or one decision type), hence since when each body of evidence counts and which version of
 * the settings an adjustment was judged against. The adjustment's id names that version, so the same evidence never
 * applies twice.
 *
 * @param perTypeVersion per decision type, the sequence number of its latest change since the latest agent-wide one
 */
record SettingsHistory(Since since, long anyVersion, long agentWideVersion, Map<String, Long> perTypeVersion) {
    /** @param windowStart the calibration window's start: no evidence counts from before it */
    static SettingsHistory of(List<RecordedEvent> changes, Instant windowStart) {
        RecordedEvent last = changes.isEmpty() ? null : changes.getLast();
        RecordedEvent lastAgentWide = null;
        var lastPerType = new HashMap<String, RecordedEvent>();
        for (RecordedEvent change : changes) {
            String type = decisionTypeOf(change);
            if (type == null) {
                lastAgentWide = change;
                lastPerType.clear();
            } else {
                lastPerType.put(type, change);
            }
        }
        var perType = new HashMap<String, Instant>();
        var perTypeVersion = new HashMap<String, Long>();
        lastPerType.forEach((type, change) -> {
            perType.put(type, later(windowStart, change.timestamp()));
            perTypeVersion.put(type, change.sequenceNumber());
        });
        Since since = new Since(
                last == null ? windowStart : later(windowStart, last.timestamp()),
                lastAgentWide == null ? windowStart : later(windowStart, lastAgentWide.timestamp()),
                perType);
        return new SettingsHistory(
                since,
                last == null ? 0 : last.sequenceNumber(),
                lastAgentWide == null ? 0 : lastAgentWide.sequenceNumber(),
                perTypeVersion);
    }

    /** The version of the settings the evidence was judged against, for the adjustment's scope. */
    long versionFor(Adjustment adjustment) {
        return switch (adjustment) {
            case ThresholdChange t
            when t.decisionType() != null -> perTypeVersion.getOrDefault(t.decisionType(), agentWideVersion);
            case ThresholdChange t -> agentWideVersion;
            case AutonomyChange c -> anyVersion;
        };
    }

    /** The decision type a change on an agent's stream is scoped to; null for the agent as a whole. */
    private static @Nullable String decisionTypeOf(RecordedEvent change) {
        var type = EventCodec.tree(change.payload()).path("decision_type");
        return type.isTextual() ? type.asText() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
