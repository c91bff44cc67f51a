package com.bigbox.autonomic.approvals;

import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** What the approval queue answers without changing anything: one approval, a filtered list, its thread, the figures. */
public final class ApprovalQueries {
    private final ApprovalStore store;
    private final Clock clock;

    ApprovalQueries(ApprovalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Approval get(UnitOfWork work, UUID id) {
        return store.find(work, id).orElseThrow(() -> ApprovalLog.notFound(id));
    }

    public List<Approval> list(UnitOfWork work, ApprovalFilter filter) {
        return store.list(work, filter);
    }

    public List<ApprovalComment> comments(UnitOfWork work, UUID id) {
        get(work, id);
        return store.comments(work, id);
    }

    public List<AuditEntry> audit(UnitOfWork work, UUID id) {
        get(work, id);
        return store.audit(work, id);
    }

    public ApprovalStats stats(UnitOfWork work) {
        return store.stats(work, clock.instant());
    }
}
