package com.bigbox.autonomic.approvals;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a bulk decision did to each approval it matched. */
public record BulkResult(int matched, int decided, int conflicts, List<Item> items) {
    public BulkResult {
        items = List.copyOf(items);
    }

    /** @param outcome approved, rejected or conflict */
    public record Item(
            UUID approvalId, String outcome, @Nullable String message) {}
}
