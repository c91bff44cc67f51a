package com.bigbox.autonomic.leads;

import com.bigbox.autonomic.reasoning.Judgement;
import java.util.List;

/**
 * @param priority {@code high} books the discovery call two days out, {@code standard} five
 */
public record Qualification(boolean qualified, int score, String priority, double confidence, List<String> reasons)
        implements Judgement {
    public Qualification {
        reasons = List.copyOf(reasons);
    }
}
