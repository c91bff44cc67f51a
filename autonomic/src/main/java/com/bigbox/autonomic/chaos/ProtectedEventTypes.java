package com.bigbox.autonomic.chaos;

import java.util.Set;

/** Events no fault ever touches: money and the decisions humans reserved (the original engine's list). */
public final class ProtectedEventTypes {
    public static final Set<String> TYPES =
            Set.of("PAYMENT_RECEIVED", "INVOICE_ISSUED", "CEO_INTERRUPT_REQUIRED", "HUMAN_OVERRIDE");

    private ProtectedEventTypes() {}

    public static boolean isProtected(String eventType) {
        return TYPES.contains(eventType);
    }
}
