package com.bigbox.autonomic.meetings.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the {@link EntityTyper} on development meetings that have entity annotations (27 of the 110 have none:
 * they were not annotated, so their numbers cannot teach "not an entity").
 */
public final class EntityTyperTrainer {
    private EntityTyperTrainer() {}

    public static MaxentModel train(List<AmiMeeting> meetings, double l2) {
        ActionItemTrainer.refuseHeldOut(meetings);
        var rules = new EntityExtractor();
        var events = new ArrayList<Event>();
        for (AmiMeeting m : meetings) {
            if (!m.located().isEmpty()) {
                events.addAll(EntityTyper.events(m, m.located(), rules));
            }
        }
        var params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put("L2Cost", l2);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            return TrainerFactory.getEventTrainer(params, null).train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
