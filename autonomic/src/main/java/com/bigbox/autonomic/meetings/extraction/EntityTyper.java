package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Decides what a candidate number is — which entity type, and how many words after it belong to it — from the
 * words around it and what the unit rules say. Trained (OpenNLP maximum entropy) on the development meetings
 * whose entities were annotated: in the AMI data a bare "seven" in a rating, or "two" buttons, counts as a
 * MEASURE of the number alone, which no short rule list captures.
 */
public record EntityTyper(MaxentModel model) {
    static final String NONE = "NONE";

    /** OpenNLP's model format. */
    public byte[] write() {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            var out = new java.io.DataOutputStream(bytes);
            new opennlp.tools.ml.model.GenericModelWriter((opennlp.tools.ml.model.AbstractModel) model, out).persist();
            out.flush();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static EntityTyper read(byte[] bytes) throws java.io.IOException {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        return new EntityTyper(
                new opennlp.tools.ml.model.GenericModelReader(new opennlp.tools.ml.model.BinaryFileDataReader(in))
                        .getModel());
    }

    private static final int MAX_EXTRA = 3;

    Optional<EntityExtractor.Found> decide(Words w, EntityExtractor.Candidate c) {
        if (c.rule().isPresent() && c.rule().get().from() < c.from()) {
            return c.rule(); // a currency sign before the number: the rule is certain
        }
        double[] p = model.eval(features(w, c));
        String outcome = model.getBestOutcome(p);
        if (outcome.equals(NONE)) {
            return Optional.empty();
        }
        String type = outcome.substring(0, outcome.indexOf(':'));
        int to = c.numberEnd() + Integer.parseInt(outcome.substring(outcome.indexOf(':') + 1));
        if (to > w.size() || to <= c.from()) {
            return Optional.empty();
        }
        double confidence = p[model.getIndex(outcome)];
        Optional<EntityExtractor.Found> rule = c.rule().filter(r -> r.type().equals(type) && r.to() == to);
        String value = rule.map(EntityExtractor.Found::value)
                .orElseGet(() -> type.equals("MONEY")
                        ? EntityExtractor.money(
                                        c.from(), to, EntityExtractor.lower(w, c.from(), c.numberEnd()), null, 0)
                                .value()
                        : EntityExtractor.plain(EntityExtractor.lower(w, c.from(), c.numberEnd())));
        return Optional.of(new EntityExtractor.Found(type, c.from(), to, value, confidence));
    }

    static String[] features(Words w, EntityExtractor.Candidate c) {
        var f = new ArrayList<String>();
        List<String> number = EntityExtractor.lower(w, c.from(), c.numberEnd());
        f.add("rule="
                + c.rule().map(r -> r.type() + ":" + (r.to() - c.numberEnd())).orElse(NONE));
        f.add("n=" + (number.isEmpty() ? "<phrase>" : String.join("_", number)));
        f.add("nlen=" + Math.min(3, number.size()));
        SpokenNumbers.value(number, false)
                .ifPresent(v -> f.add("mag=" + (v.signum() == 0 ? "0" : v.precision() - v.scale())));
        for (int k = 1; k <= 2; k++) {
            f.add("next" + k + "=" + w.lower(c.numberEnd() + k - 1));
            f.add("prev" + k + "=" + w.lower(c.from() - k));
        }
        f.add("prev2gram=" + w.lower(c.from() - 2) + "_" + w.lower(c.from() - 1));
        for (int k = Math.max(0, c.from() - 8); k < Math.min(w.size(), c.numberEnd() + 6); k++) {
            if (k < c.from() || k >= c.numberEnd()) {
                f.add("win=" + w.lower(k));
            }
        }
        f.add("turnlen=" + (w.size() < 4 ? "s" : w.size() < 12 ? "m" : "l"));
        return f.toArray(String[]::new);
    }

    /**
     * Training events of one annotated meeting: each candidate labelled with the gold entity it starts (same
     * speaker, inside the turn's times, same words), or NONE.
     */
    static List<Event> events(AmiMeeting m, List<AmiMeeting.Located> gold, EntityExtractor rules) {
        var out = new ArrayList<Event>();
        Set<AmiMeeting.Located> used = new HashSet<>();
        for (Turn t : m.turns()) {
            Words w = Words.of(t.text());
            for (EntityExtractor.Candidate c : rules.candidates(w)) {
                String label = NONE;
                for (int extra = 0; extra <= MAX_EXTRA && label.equals(NONE); extra++) {
                    int to = c.numberEnd() + extra;
                    if (to > w.size() || to <= c.from()) {
                        continue;
                    }
                    String text = MeetingEvaluation.normalise(w.span(c.from(), to));
                    for (AmiMeeting.Located g : gold) {
                        if (!used.contains(g)
                                && g.within(t)
                                && MeetingEvaluation.normalise(g.text()).equals(text)) {
                            used.add(g);
                            label = g.type() + ":" + extra;
                            break;
                        }
                    }
                }
                out.add(new Event(label, features(w, c)));
            }
        }
        return out;
    }
}
