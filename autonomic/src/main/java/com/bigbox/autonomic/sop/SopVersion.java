package com.bigbox.autonomic.sop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code sop_definitions}: a version of an SOP.
 *
 * @param definition the document as loaded (JSON)
 * @param deactivatedAt null while it is the active version
 */
public record SopVersion(
        String sopId,
        int version,
        String definition,
        String checksum,
        Instant createdAt,
        Instant activatedAt,
        @Nullable Instant deactivatedAt,
        @Nullable Integer previousVersion,
        @Nullable String approvalMechanism,
        @Nullable String source) {

    public SopDocument document() {
        return SopValidator.read(definition);
    }
}
