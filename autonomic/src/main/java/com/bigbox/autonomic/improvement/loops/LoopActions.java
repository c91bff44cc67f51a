package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalCommands;
import com.bigbox.autonomic.approvals.ApprovalRequest;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.core.AppendResult;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The execute step every loop shares: appends an improvement event under an id derived from what it is
 * about (so a job retried, or a second pass over the same facts, stores nothing twice), and hands what
 * needs a person to the approval queue.
 */
public final class LoopActions {
    private final ApprovalCommands approvals;
    private final List<RecordedEvent> appended = new ArrayList<>();
    private final List<UUID> requested = new ArrayList<>();

    public LoopActions(ApprovalCommands approvals) {
        this.approvals = approvals;
    }

    /** A fresh collector for one pass. */
    public LoopActions pass() {
        return new LoopActions(approvals);
    }

    public static UUID idOf(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static String emitter(String loop) {
        return "loop:" + loop;
    }

    /**
     * Appends {@code event} as {@code type} on {@code stream}; metadata says which loop, the values before
     * and after and the evidence. Returns null when the same event (same id) was stored before.
     */
    public @Nullable RecordedEvent record(
            UnitOfWork work,
            StreamId stream,
            String type,
            ImprovementEvent event,
            UUID id,
            String loop,
            Map<String, Object> change,
            Instant at) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("loop", loop);
        metadata.putAll(change);
        metadata.put("evidence", event.evidence());
        AppendResult result = work.append(
                stream,
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        id,
                        type,
                        EventCodec.payload(event),
                        EventCodec.write(metadata),
                        null,
                        null,
                        emitter(loop),
                        null,
                        at)));
        if (result.duplicate()) {
            return null;
        }
        RecordedEvent stored = result.events().getFirst();
        appended.add(stored);
        return stored;
    }

    /** Any other event a loop appends (an agent's setting), kept in the pass's report. */
    public @Nullable RecordedEvent append(UnitOfWork work, StreamId stream, NewEvent event) {
        AppendResult result = work.append(stream, ExpectedVersion.any(), List.of(event));
        if (result.duplicate()) {
            return null;
        }
        appended.add(result.events().getFirst());
        return result.events().getFirst();
    }

    /**
     * Puts {@code decision} before a person: its approval is its release (or its rejection).
     *
     * @param silenceApproves whether nobody objecting in time approves it
     */
    public Approval escalate(
            UnitOfWork work,
            RecordedEvent decision,
            String actionClass,
            String role,
            String priority,
            boolean silenceApproves,
            String recommendedAction,
            List<String> reasons,
            Map<String, Object> context) {
        var ctx = new LinkedHashMap<String, Object>(context);
        ctx.put("loop", decision.emittedBy());
        ctx.put("decision_type", decision.type());
        Approval approval = approvals.request(
                work,
                new ApprovalRequest(
                        decision,
                        null,
                        recommendedAction,
                        EventCodec.write(ctx),
                        actionClass,
                        role,
                        priority,
                        silenceApproves,
                        1,
                        reasons,
                        false,
                        decision.emittedBy()));
        requested.add(approval.approvalId());
        return approval;
    }

    public LoopRun report(String loop) {
        return new LoopRun(loop, appended, requested);
    }
}
