package com.bigbox.autonomic.meetings.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The trained action-item classifier (OpenNLP maximum entropy) and the probability above which a turn counts
 * as an action item. Both were chosen by cross-validation on the development split; the model file is a
 * resource written by {@code ./bigbox train meetings}.
 */
public record ActionItemModel(MaxentModel model, double threshold) {
    public static final String RESOURCE = "/com/bigbox/autonomic/meetings/extraction/action-items.model";
    public static final String POSITIVE = "action";

    /** The probability that each turn is an action item. */
    public double[] probabilities(List<Turn> turns) {
        List<String[]> features = ActionItemFeatures.of(turns);
        double[] p = new double[turns.size()];
        int positive = model.getIndex(POSITIVE);
        for (int i = 0; i < p.length; i++) {
            p[i] = model.eval(features.get(i))[positive];
        }
        return p;
    }

    /** The threshold first, then OpenNLP's own model format. */
    public byte[] write() {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeDouble(threshold);
            new GenericModelWriter((AbstractModel) model, out).persist();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ActionItemModel read(byte[] bytes) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(bytes));
        double threshold = in.readDouble();
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        return new ActionItemModel(model, threshold);
    }
}
