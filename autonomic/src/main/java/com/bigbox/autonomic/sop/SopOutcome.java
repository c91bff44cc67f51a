package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.EventCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code outcome} JSON of an ended SOP execution: how it ended, step by step. */
final class SopOutcome {
    private SopOutcome() {}

    static String json(@Nullable String clientId, String result, String how, List<StepState> steps, int corrections) {
        var outcome = new LinkedHashMap<String, Object>();
        // The access layer's tenancy reads an execution's client here.
        outcome.put("client_id", clientId);
        outcome.put("result", result);
        outcome.put("how", how);
        outcome.put("corrections", corrections);
        var list = new ArrayList<Map<String, Object>>();
        for (StepState s : steps) {
            var step = new LinkedHashMap<String, Object>();
            step.put("step_id", s.stepId());
            step.put("status", s.status());
            step.put("automated", s.automated());
            step.put("human_minutes", s.humanMinutes());
            step.put("cost", s.cost());
            step.put("completed_by_event", s.completingEventType());
            list.add(step);
        }
        outcome.put("steps", list);
        return EventCodec.write(outcome);
    }
}
