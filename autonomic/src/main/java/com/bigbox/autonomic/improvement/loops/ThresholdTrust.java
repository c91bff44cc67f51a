package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The decisions trusted at their threshold (at or above it, whether they took effect alone or a person saw
 * them: supervised, protected), and those of them people overrode. Overriding those says the threshold is
 * too low.
 */
record ThresholdTrust(int trusted, List<UUID> overridden, double highestOverridden) {
    static ThresholdTrust of(
            List<ApprovalOutcome> judged, List<ExecutedDecision> alone, ToDoubleFunction<String> thresholdOf) {
        List<ApprovalOutcome> trustedJudged = judged.stream()
                .filter(o -> o.confidence() >= thresholdOf.applyAsDouble(o.decisionType()) - 1e-9)
                .toList();
        var overridden = new ArrayList<UUID>();
        double highest = 0;
        for (ExecutedDecision e : alone) {
            if (e.overridden()) {
                overridden.add(e.decisionEventId());
                highest = Math.max(highest, e.confidence());
            }
        }
        for (ApprovalOutcome o : trustedJudged) {
            if (o.overridden()) {
                overridden.add(o.decisionEventId());
                highest = Math.max(highest, o.confidence());
            }
        }
        return new ThresholdTrust(alone.size() + trustedJudged.size(), overridden, highest);
    }

    double ratio() {
        return ThresholdPlan.ratio(overridden.size(), trusted);
    }

    String why(Doctrine.ThresholdBounds b) {
        return why(b, "");
    }

    /** @param of which decisions, e.g. " of type PROJECT_AT_RISK" */
    String why(Doctrine.ThresholdBounds b, String of) {
        return String.format(
                Locale.ROOT,
                "people overrode %d of %d decisions%s at or above the threshold (%.0f%%; at least %.1f%% "
                        + "> %.0f%% at z %.2f)",
                overridden.size(),
                trusted,
                of,
                100 * ratio(),
                100 * Wilson.lower(overridden.size(), trusted, b.evidenceZ()),
                100 * b.overrideRatio(),
                b.evidenceZ());
    }
}
