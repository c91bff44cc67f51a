package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import java.util.List;

/** One body of threshold evidence: the trusted decisions, and the judged ones in the band a step below. */
record ThresholdEvidence(ThresholdTrust trust, double threshold, double bandFloor, List<ApprovalOutcome> band) {
    static ThresholdEvidence of(
            List<ApprovalOutcome> judged, List<ExecutedDecision> alone, double threshold, Doctrine.ThresholdBounds b) {
        return of(judged, alone, judged, alone, threshold, b);
    }

    /**
     * {@code judged} and {@code alone} are the evidence since the setting last changed (the band below it, and whether
     * there is enough); {@code judgedBefore} and {@code aloneBefore} the window's, whenever the setting changed, for
     * whether it is too low. A
     *     decision taken before the last raise still says something of the new threshold if its confidence would pass
     *     it today; people notice a wrong decision days after it took effect, so counting only decisions taken since
     *     the raise would wait weeks for evidence that is already in. Those below the new threshold no longer count,
     *     so the evidence that moved it once cannot move it again.
     */
    static ThresholdEvidence of(
            List<ApprovalOutcome> judged,
            List<ExecutedDecision> alone,
            List<ApprovalOutcome> judgedBefore,
            List<ExecutedDecision> aloneBefore,
            double threshold,
            Doctrine.ThresholdBounds b) {
        double floor = ThresholdPlan.round(threshold - b.step());
        List<ApprovalOutcome> band = judged.stream()
                .filter(o -> o.confidence() >= floor - 1e-9 && o.confidence() < threshold - 1e-9)
                .toList();
        var stillPassing = new java.util.LinkedHashMap<java.util.UUID, ExecutedDecision>();
        alone.forEach(e -> stillPassing.put(e.decisionEventId(), e));
        aloneBefore.stream()
                .filter(e -> e.confidence() >= threshold - 1e-9)
                .forEach(e -> stillPassing.putIfAbsent(e.decisionEventId(), e));
        var trustedJudged = new java.util.LinkedHashMap<java.util.UUID, ApprovalOutcome>();
        judged.forEach(o -> trustedJudged.put(o.approvalId(), o));
        judgedBefore.forEach(o -> trustedJudged.putIfAbsent(o.approvalId(), o));
        return new ThresholdEvidence(
                ThresholdTrust.of(
                        List.copyOf(trustedJudged.values()), List.copyOf(stillPassing.values()), t -> threshold),
                threshold,
                floor,
                band);
    }

    boolean enough(Doctrine.ThresholdBounds b) {
        return trust.trusted() >= b.minSamples() || band.size() >= b.minSamples();
    }
}
