package com.bigbox.autonomic.leads;

import com.bigbox.autonomic.reasoning.Reasoner;

/** The intake agent's question: is this lead worth a discovery call, how sure, and how soon. */
public interface LeadReasoner {
    Qualification qualify(LeadFacts lead);

    /** The reasoner {@code reasoner} plugged for leads, else {@link LeadRules}. */
    static LeadReasoner in(Reasoner reasoner) {
        return reasoner.seam(LeadReasoner.class, new LeadRules());
    }
}
