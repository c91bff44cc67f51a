package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the action-item classifier sees of a turn: its words and word pairs, the speaker's role, where in the
 * meeting it falls, its length, and the words of the turns either side (an action item is often agreed over
 * two or three turns), whether the speakers around it change, and cue phrases of commitment. Only speaker, role,
 * times and text are used — never a label.
 */
public final class ActionItemFeatures {
    private static final Set<String> FILLERS =
            Set.of("um", "uh", "mm", "hmm", "mm-hmm", "uh-huh", "er", "erm", "ah", "oh");

    private ActionItemFeatures() {}

    /** The features of every turn of a meeting, in turn order. */
    public static List<String[]> of(List<Turn> turns) {
        double last = turns.isEmpty() || turns.getLast().end() == null
                ? 0
                : turns.getLast().end();
        var out = new ArrayList<String[]>(turns.size());
        List<List<String>> words = turns.stream().map(t -> content(t.text())).toList();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            var f = new LinkedHashSet<String>();
            List<String> w = words.get(i);
            String role = t.role() == null ? "?" : t.role().toUpperCase(Locale.ROOT);
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
            context(turns, i, role, f);
            cues(t.text(), role, f);
            out.add(f.toArray(String[]::new));
        }
        return out;
    }

    // Who speaks around the turn: an action item is often the project manager summing up after others spoke, and
    // whether the same person goes on or someone answers tells a proposal from an assignment.
    private static void context(List<Turn> turns, int i, String role, Set<String> f) {
        Turn t = turns.get(i);
        for (int d : new int[] {-1, 1}) {
            int j = i + d;
            if (j < 0 || j >= turns.size()) {
                f.add(d < 0 ? "first" : "last");
                continue;
            }
            Turn o = turns.get(j);
            boolean same = Objects.equals(o.speaker(), t.speaker());
            f.add((d < 0 ? "prevsame=" : "nextsame=") + same);
            f.add((d < 0 ? "prevrole=" : "nextrole=")
                    + (o.role() == null ? "?" : o.role().toUpperCase(Locale.ROOT)));
        }
        double position = t.start() != null
                        && turns.getLast().end() != null
                        && turns.getLast().end() > 0
                ? t.start() / turns.getLast().end()
                : (double) i / Math.max(1, turns.size());
        f.add("role&pos=" + role + "_" + Math.min(4, (int) (position * 5)));
    }

    // Phrasings of commitments and assignments ("you're gonna", "we'll have to", "for the next meeting"), each also
    // paired with the speaker's role. Added when cross-validation on the development split preferred them
    // (docs/meetings.md).
    private static final List<Map.Entry<String, Pattern>> CUES = List.of(
            Map.entry("gonna", Pattern.compile("\\b(gonna|going to)\\b")),
            Map.entry(
                    "youwill",
                    Pattern.compile(
                            "\\byou('re| are)? (gonna|going to|will|'ll|have to|need to|should|must|can)\\b|\\byou'll\\b")),
            Map.entry(
                    "wewill",
                    Pattern.compile(
                            "\\bwe('re| are)? (gonna|going to|will|have to|need to|should|must)\\b|\\bwe'll\\b")),
            Map.entry(
                    "iwill",
                    Pattern.compile("\\bi('m| am)? (gonna|going to|will|have to|need to|should)\\b|\\bi'll\\b")),
            Map.entry("modal", Pattern.compile("\\b(have to|has to|need to|needs to|should|must|got to|gotta)\\b")),
            Map.entry("next", Pattern.compile("\\bnext (meeting|time|phase|one|session|week)\\b")),
            Map.entry(
                    "roles",
                    Pattern.compile(
                            "\\b(industrial designer|user interface|marketing|project manager|designer|expert)\\b")),
            Map.entry(
                    "work",
                    Pattern.compile(
                            "\\b(work on|working on|look at|looking at|look into|find out|prepare|send|e-mail|email|mail|instructions|homework|task|assignment)\\b")));

    private static void cues(String text, String role, Set<String> f) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        int n = 0;
        for (var c : CUES) {
            if (c.getValue().matcher(lower).find()) {
                f.add("cue=" + c.getKey());
                f.add("cue&role=" + c.getKey() + "_" + role);
                n++;
            }
        }
        f.add("cues=" + Math.min(3, n));
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
