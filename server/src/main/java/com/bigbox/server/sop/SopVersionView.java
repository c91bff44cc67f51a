package com.bigbox.server.sop;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.sop.SopVersion;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A row of {@code sop_definitions}, with the document's name, version and status lifted out. */
public record SopVersionView(
        String sop_id,
        int version,
        String name,
        String document_version,
        String status,
        String approval_mechanism,
        Instant created_at,
        Instant activated_at,
        Instant deactivated_at,
        Integer previous_version,
        String checksum,
        String source,
        @JsonRawValue String definition) {

    public static SopVersionView of(SopVersion v, boolean withDefinition) {
        JsonNode metadata = EventCodec.tree(v.definition()).path("metadata");
        return new SopVersionView(
                v.sopId(),
                v.version(),
                metadata.path("name").asText(null),
                metadata.path("version").asText(null),
                metadata.path("status").asText("active"),
                v.approvalMechanism(),
                v.createdAt(),
                v.activatedAt(),
                v.deactivatedAt(),
                v.previousVersion(),
                v.checksum(),
                v.source(),
                withDefinition ? v.definition() : null);
    }
}
