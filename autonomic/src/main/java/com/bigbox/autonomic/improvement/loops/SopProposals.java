package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Activating and reverting proposed SOP versions. Activation writes the proposal's document as the SOP's
 * next version through {@link SopLoader} (so {@code sop_definitions} is written by
 * {@code SOP_VERSION_ACTIVATED}, as for a loaded file); a revert activates the version before the
 * current one again, as a new version: the history keeps both.
 */
public final class SopProposals {
    public static final String SOURCE_PROPOSAL = "proposal:";
    public static final String SOURCE_REVERT = "revert:";

    private final SopLoader loader;
    private final SopStore sops;

    public SopProposals(SopLoader loader, SopStore sops) {
        this.loader = loader;
        this.sops = sops;
    }

    /** Activates an approved (or automatically approved) proposal; activating it again changes nothing. */
    public SopVersion activate(
            UnitOfWork work, RecordedEvent proposal, ImprovementEvent.SopVersionProposed p, String by) {
        return loader.activateDocument(
                work,
                LoopActions.idOf("activate", p.proposalId().toString()),
                p.sopId(),
                EventCodec.write(p.document()),
                p.mechanism(),
                by,
                SOURCE_PROPOSAL + p.proposalId());
    }

    /**
     * Undoes the SOP's current version: the version before it becomes active again, as the next version
     * (its document version a minor bump over the current one's), approved by the person asking.
     */
    public SopVersion revert(UnitOfWork work, String sopId, String by) {
        if (by == null || by.isBlank()) {
            throw new InvalidInputException("reverted_by", "reverted_by is required: who reverts the SOP");
        }
        SopVersion current =
                sops.activeVersion(work, sopId).orElseThrow(() -> new NotFoundException("no active SOP " + sopId));
        if (current.previousVersion() == null) {
            throw new InvalidInputException(
                    "sop_id",
                    "SOP " + sopId + " has only version " + current.version() + ": there is nothing to revert to");
        }
        SopVersion previous =
                sops.version(work, sopId, current.previousVersion()).orElseThrow();
        ObjectNode document =
                (ObjectNode) EventCodec.tree(previous.definition()).deepCopy();
        String currentDocumentVersion = EventCodec.tree(current.definition())
                .path("metadata")
                .path("version")
                .asText(null);
        ((ObjectNode) document.get("metadata")).put("version", SopEvolutionPlan.minorBump(currentDocumentVersion));
        return loader.activateDocument(
                work,
                LoopActions.idOf("revert", sopId, Integer.toString(current.version())),
                sopId,
                document.toString(),
                SopEvolutionPlan.EXPLICIT,
                by,
                SOURCE_REVERT + sopId + "@" + current.version());
    }
}
