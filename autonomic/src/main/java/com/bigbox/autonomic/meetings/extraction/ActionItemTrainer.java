package com.bigbox.autonomic.meetings.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the action-item classifier on development meetings only, choosing its settings and threshold by
 * cross-validation grouped by meeting series (a series' people never sit on both sides of a fold).
 */
public final class ActionItemTrainer {
    static final int FOLDS = 5;

    /** One setting tried: the L2 penalty and how many times each positive turn is repeated (they are 0.4%). */
    public record Setting(double l2, int positiveWeight) {}

    /** The cross-validated result of one setting: the best threshold on pooled out-of-fold scores, and its F1. */
    public record CvResult(Setting setting, double threshold, MeetingEvaluation.Counts counts) {}

    // The settings compared in docs/meetings.md; a heavier penalty (20) left no threshold above 0.01 to choose.
    public static final List<Setting> GRID =
            List.of(new Setting(1.0, 1), new Setting(5.0, 1), new Setting(5.0, 5), new Setting(10.0, 1));

    private ActionItemTrainer() {}

    public static MaxentModel train(List<AmiMeeting> meetings, Setting setting) {
        refuseHeldOut(meetings);
        var events = new ArrayList<Event>();
        for (AmiMeeting m : meetings) {
            List<String[]> features = ActionItemFeatures.of(m.turns());
            for (int i = 0; i < features.size(); i++) {
                boolean positive = m.actionItemIds().contains(m.turns().get(i).id());
                Event e = new Event(positive ? ActionItemModel.POSITIVE : "other", features.get(i));
                for (int k = 0; k < (positive ? setting.positiveWeight() : 1); k++) {
                    events.add(e);
                }
            }
        }
        var params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put("L2Cost", setting.l2());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Out-of-fold scores for every turn, folds made of whole series. */
    public static CvResult crossValidate(List<AmiMeeting> meetings, Setting setting) {
        refuseHeldOut(meetings);
        List<String> series = new ArrayList<>(
                new TreeSet<>(meetings.stream().map(AmiMeeting::series).toList()));
        var scored = new ArrayList<double[]>();
        var gold = new ArrayList<boolean[]>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<AmiMeeting> test = meetings.stream()
                    .filter(m -> series.indexOf(m.series()) % FOLDS == f)
                    .toList();
            List<AmiMeeting> train = meetings.stream()
                    .filter(m -> series.indexOf(m.series()) % FOLDS != f)
                    .toList();
            var model = new ActionItemModel(train(train, setting), 0.5);
            for (AmiMeeting m : test) {
                scored.add(model.probabilities(m.turns()));
                boolean[] g = new boolean[m.turns().size()];
                for (int i = 0; i < g.length; i++) {
                    g[i] = m.actionItemIds().contains(m.turns().get(i).id());
                }
                gold.add(g);
            }
        }
        return bestThreshold(setting, scored, gold);
    }

    private static CvResult bestThreshold(Setting setting, List<double[]> scored, List<boolean[]> gold) {
        double[] candidates = scored.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(p -> p > 0.01)
                .sorted()
                .distinct()
                .toArray();
        CvResult best = new CvResult(setting, 0.5, new MeetingEvaluation.Counts(0, 0, 0));
        for (int c = 0; c < candidates.length; c += Math.max(1, candidates.length / 400)) {
            double t = candidates[c];
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int m = 0; m < scored.size(); m++) {
                for (int i = 0; i < scored.get(m).length; i++) {
                    boolean p = scored.get(m)[i] >= t;
                    tp += p && gold.get(m)[i] ? 1 : 0;
                    fp += p && !gold.get(m)[i] ? 1 : 0;
                    fn += !p && gold.get(m)[i] ? 1 : 0;
                }
            }
            var counts = new MeetingEvaluation.Counts(tp, fp, fn);
            if (counts.f1() > best.counts().f1()) {
                best = new CvResult(setting, t, counts);
            }
        }
        return best;
    }

    static void refuseHeldOut(List<AmiMeeting> meetings) {
        for (AmiMeeting m : meetings) {
            if (AmiSplit.heldOut(m)) {
                throw new IllegalArgumentException("meeting " + m.id() + " is held out for evaluation (series "
                        + m.series() + "): training and tuning may not see it");
            }
        }
    }
}
