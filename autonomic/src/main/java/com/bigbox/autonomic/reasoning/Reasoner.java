package com.bigbox.autonomic.reasoning;

import java.util.HashMap;
import java.util.Map;

/**
 * How the agents judge, as the engine is given it: each feature asks its own seam ({@code LeadReasoner},
 * {@code MeetingReasoner}, {@code StrategyReasoner}, {@code ProjectReasoner}, {@code FinanceReasoner}), a small
 * interface whose rules are the default and the ones tested. A deployment plugs another reasoner for a feature
 * (a language model, say) with {@link #with}, typically extending that feature's rules and overriding a question;
 * the others keep their rules. Nothing here calls the network unless such a reasoner does. This class knows no
 * feature: the features depend on it, and each names its own seam and default.
 */
public final class Reasoner {
    private final String name;
    private final Map<Class<?>, Object> plugged;

    private Reasoner(String name, Map<Class<?>, Object> plugged) {
        this.name = name;
        this.plugged = Map.copyOf(plugged);
    }

    /** Every feature judged by its rules. */
    public static Reasoner rules() {
        return new Reasoner("rules", Map.of());
    }

    /** Goes into each decision's metadata, so that a decision says what judged it. */
    public String name() {
        return name;
    }

    public Reasoner named(String newName) {
        return new Reasoner(newName, plugged);
    }

    /** This reasoner with {@code seam}'s questions answered by {@code reasoner} instead of the feature's rules. */
    public <S> Reasoner with(Class<S> seam, S reasoner) {
        var next = new HashMap<>(plugged);
        next.put(seam, reasoner);
        return new Reasoner(name, next);
    }

    /** The reasoner plugged for {@code seam}, else {@code rules} (the feature's default). */
    public <S> S seam(Class<S> seam, S rules) {
        Object reasoner = plugged.get(seam);
        return reasoner == null ? rules : seam.cast(reasoner);
    }
}
