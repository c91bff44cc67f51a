package com.bigbox.autonomic.oversight;

import java.util.List;

/** Oversight's ruling on a decision: it executes, a person decides, or the CEO is interrupted. */
public sealed interface Verdict {
    List<String> reasons();

    record Execute(List<String> reasons) implements Verdict {
        public Execute {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param rule which of Oversight's rules sent it to a person
     * @param silenceApproves whether an unanswered request is approved when it expires
     */
    record RequireHuman(
            String rule,
            String actionClass,
            String role,
            String priority,
            boolean silenceApproves,
            int requiredApprovals,
            List<String> reasons)
            implements Verdict {
        public RequireHuman {
            reasons = List.copyOf(reasons);
        }
    }

    record InterruptCeo(String rule, int requiredApprovals, List<String> reasons) implements Verdict {
        public InterruptCeo {
            reasons = List.copyOf(reasons);
        }
    }
}
