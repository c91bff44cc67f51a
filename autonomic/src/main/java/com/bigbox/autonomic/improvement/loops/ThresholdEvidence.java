package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import java.util.List;

/** One body of threshold evidence: the trusted decisions, and the judged ones in the band a step below. */
record ThresholdEvidence(ThresholdTrust trust, double threshold, double bandFloor, List<ApprovalOutcome> band) {
    static ThresholdEvidence of(List<ApprovalOutcome> judged, List<ExecutedDecision> alone, double threshold,
            Doctrine.ThresholdBounds b) {
        double floor = ThresholdPlan.round(threshold - b.step());
        List<ApprovalOutcome> band = judged.stream()
                .filter(o -> o.confidence() >= floor - 1e-9 && o.confidence() < threshold - 1e-9).toList();
        return new ThresholdEvidence(ThresholdTrust.of(judged, alone, t -> threshold), threshold, floor, band);
    }

    boolean enough(Doctrine.ThresholdBounds b) {
        return trust.trusted() >= b.minSamples() || band.size() >= b.minSamples();
    }
}
