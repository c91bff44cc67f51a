package com.bigbox.autonomic.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which service a client wants, read from what it said when it named none: every service has a vocabulary of
 * ordinary English words and phrases (weighted by how surely each points to it), a word also matches in the plural
 * or with one slip of the keyboard (a letter missing, extra, wrong or two swapped, in words of six letters or
 * more), and words in a hedged aside ("maybe", "later on") count for less. The confidence grows with the margin
 * between the best service's score and the next one's, and with how much was said: mixed topics stay near an even
 * chance, so a person sees them. Nothing recognised at all falls back to creative services at 0.50.
 */
public final class ServiceInference {
    public static final String FALLBACK = "creative_services";
    /** An inferred service is never as sure as one the client stated. */
    static final double CEILING = 0.85;

    private static final double ASIDE = 0.3;
    private static final Pattern CLAUSES = Pattern.compile("[.;,!?\\n]+|\\s+(?:and|but|also|plus)\\s+");
    private static final Pattern HEDGE = Pattern.compile(
            "\\b(?:maybe|perhaps|possibly|might|later|eventually|someday|one day|down the line|at some point|future"
                    + "|not now|not yet|next year)\\b");

    // In a fixed order, words sorted, so that ties and reasons come out the same on every run.
    private static final Map<String, Map<String, Integer>> VOCABULARY = new LinkedHashMap<>();

    static {
        VOCABULARY.put("brand_identity", new TreeMap<>(ServiceVocabulary.BRAND));
        VOCABULARY.put("campaign", new TreeMap<>(ServiceVocabulary.CAMPAIGN));
        VOCABULARY.put("event_activation", new TreeMap<>(ServiceVocabulary.EVENT));
        VOCABULARY.put("web", new TreeMap<>(ServiceVocabulary.WEB));
    }

    /** The service, how sure, and the words that decided it. */
    public record Inferred(String service, double confidence, List<String> reasons) {
        public Inferred {
            reasons = List.copyOf(reasons);
        }
    }

    private ServiceInference() {}

    public static Inferred infer(String text) {
        var scores = new LinkedHashMap<String, Double>();
        var heard = new LinkedHashMap<String, List<String>>();
        for (String clause : CLAUSES.split(text.toLowerCase(Locale.ROOT))) {
            double weight = HEDGE.matcher(clause).find() ? ASIDE : 1.0;
            String padded = " " + clause.replaceAll("[^a-z0-9&+-]+", " ").strip() + " ";
            List<String> words = List.of(padded.strip().split(" "));
            VOCABULARY.forEach((service, terms) -> terms.forEach((term, w) -> {
                if (matches(term, padded, words)) {
                    scores.merge(service, w * weight, Double::sum);
                    heard.computeIfAbsent(service, k -> new ArrayList<>()).add(weight < 1 ? term + " (aside)" : term);
                }
            }));
        }
        return verdict(scores, heard);
    }

    private static Inferred verdict(Map<String, Double> scores, Map<String, List<String>> heard) {
        if (scores.isEmpty()) {
            return new Inferred(FALLBACK, 0.50, List.of("no service's words recognised: " + FALLBACK + " (0.50)"));
        }
        var ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .toList();
        String best = ranked.getFirst().getKey();
        double top = ranked.getFirst().getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        double margin = (top - second) / top;
        double confidence = Math.min(CEILING, 0.50 + 0.20 * margin + 0.15 * Math.min(1, top / 6));
        var reasons = new ArrayList<String>();
        reasons.add(String.format(Locale.ROOT, "%s inferred from %s (score %.1f)", best, heard.get(best), top));
        if (ranked.size() > 1) {
            String other = ranked.get(1).getKey();
            reasons.add(String.format(Locale.ROOT, "also heard %s: %s (score %.1f)", other, heard.get(other), second));
        }
        reasons.add(String.format(
                Locale.ROOT,
                "confidence 0.50 + 0.20 x margin %.2f + 0.15 x min(1, score/6) = %.2f (at most %.2f)",
                margin,
                confidence,
                CEILING));
        return new Inferred(best, confidence, reasons);
    }

    // A phrase must appear as it is; a single word may be plural or carry one typing slip.
    private static boolean matches(String term, String padded, List<String> words) {
        if (term.indexOf(' ') >= 0 || term.indexOf('-') >= 0) {
            return padded.contains(" " + term + " ");
        }
        for (String w : words) {
            if (w.equals(term)
                    || w.equals(term + "s")
                    || w.equals(term + "es")
                    || (term.length() >= 6 && w.length() >= 5 && Typos.withinOne(w, term))) {
                return true;
            }
        }
        return false;
    }
}
