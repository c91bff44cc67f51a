package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.util.List;

/** {@code sop_definitions}: one row per {@code SOP_VERSION_ACTIVATED}, the previous version deactivated by it. */
public final class SopDefinitionsProjection implements Projection {
    public static final String NAME = "sop_definitions";

    private final SopStore store;

    public SopDefinitionsProjection(SopStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mode mode() {
        return Mode.INLINE;
    }

    @Override
    public List<String> tables() {
        return List.of("sop_definitions");
    }

    @Override
    public void reset(UnitOfWork work) {
        store.resetVersions(work);
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        if (!event.type().equals(EventTypes.SOP_VERSION_ACTIVATED)) {
            return;
        }
        var activated = EventCodec.decode(event, SopEvent.VersionActivated.class);
        if (activated.definition() == null
                || store.version(work, activated.sopId(), activated.version()).isPresent()) {
            return; // announced without its document (an older engine), or applied already
        }
        store.activate(
                work,
                new SopVersion(
                        activated.sopId(),
                        activated.version(),
                        EventCodec.write(activated.definition()),
                        activated.checksum(),
                        event.timestamp(),
                        event.timestamp(),
                        null,
                        activated.previousVersion(),
                        activated.approvalMechanism(),
                        activated.source()));
    }
}
