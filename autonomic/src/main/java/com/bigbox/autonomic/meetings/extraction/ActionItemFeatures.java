package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the action-item classifier sees of a turn: its words and word pairs, the speaker's role, where in the
 * meeting it falls, its length, and the words of the turns either side (an action item is often agreed over
 * two or three turns). Only speaker, role, times and text are used — never a label.
 */
public final class ActionItemFeatures {
    private static final Set<String> FILLERS = Set.of("um", "uh", "mm", "hmm", "mm-hmm", "uh-huh", "er", "erm", "ah", "oh");

    private ActionItemFeatures() {}

    /** The features of every turn of a meeting, in turn order. */
    public static List<String[]> of(List<Turn> turns) {
        double last = turns.isEmpty() || turns.getLast().end() == null ? 0 : turns.getLast().end();
        var out = new ArrayList<String[]>(turns.size());
        List<List<String>> words = turns.stream().map(t -> content(t.text())).toList();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            var f = new LinkedHashSet<String>();
            List<String> w = words.get(i);
            String role = t.role() == null ? "?" : t.role().toUpperCase(java.util.Locale.ROOT);
            f.add("role=" + role);
            double position = last > 0 && t.start() != null ? t.start() / last : (double) i / Math.max(1, turns.size());
            f.add("pos=" + Math.min(9, (int) (position * 10)));
            f.add("len=" + (w.size() < 4 ? "s" : w.size() < 8 ? "m" : w.size() < 16 ? "l" : "xl"));
            for (int k = 0; k < w.size(); k++) {
                f.add("w=" + w.get(k));
                if (k + 1 < w.size()) {
                    f.add("b=" + w.get(k) + "_" + w.get(k + 1));
                }
                if (w.get(k).equals("you") || w.get(k).equals("we") || w.get(k).equals("i")) {
                    f.add("role&" + w.get(k) + "=" + role);
                }
            }
            for (int d : new int[] {-1, 1}) {
                int j = i + d;
                if (j >= 0 && j < turns.size()) {
                    for (String x : words.get(j)) {
                        f.add((d < 0 ? "p=" : "n=") + x);
                    }
                }
            }
            out.add(f.toArray(String[]::new));
        }
        return out;
    }

    private static List<String> content(String text) {
        var out = new ArrayList<String>();
        for (Words.Word w : Words.of(text).words()) {
            if (!FILLERS.contains(w.lower())) {
                out.add(w.lower());
            }
        }
        return out;
    }
}
