package com.bigbox.autonomic.oversight;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The automation policy of an SOP running in a decision's flow: it may forbid actions, demand a higher
 * confidence, a lower financial limit or two approvers.
 *
 * @param confidenceThreshold null when the SOP does not set one
 * @param financialLimit null when the SOP does not set one
 */
public record SopPolicy(
        String sopId,
        Set<String> forbiddenActions,
        @Nullable Double confidenceThreshold,
        @Nullable BigDecimal financialLimit,
        boolean requireDualApproval) {
    public SopPolicy {
        forbiddenActions = forbiddenActions == null ? Set.of() : Set.copyOf(forbiddenActions);
    }
}
