package com.bigbox.server.approvals;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.BulkResult;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.core.UnitOfWork;
import com.bigbox.server.ApiException;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.TokenRejectedException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/**
 * Who decides an approval, on every surface that decides one: a signed-in user decides as themselves
 * (a name in the request body is not asked for and never used), and an item for the CEO is decided only
 * by a signed-in CEO. The service key, a backend with no person behind its token, names the person it
 * acts for and may decide anything but a CEO's item.
 */
public final class Deciders {
    private Deciders() {}

    /** The name a decision by this request is recorded under; {@code named} counts only for the service key. */
    public static String name(Context ctx, String named) {
        Caller caller =
                Caller.of(ctx).orElseThrow(() -> new TokenRejectedException("deciding needs a user's token", false));
        return caller.isUser() ? caller.actor() : named;
    }

    /** Decides one approval, refusing a CEO's item to anyone but a CEO (in the same transaction as the decision). */
    public static Approval decide(
            ApprovalService approvals, UnitOfWork work, Context ctx, UUID id, DecisionCommand command) {
        requireMayDecide(Caller.of(ctx), approvals.get(work, id));
        return approvals.decide(work, id, command);
    }

    /** Decides every pending approval {@code filter} selects; refused whole when one of them is a CEO's and the caller is not. */
    public static BulkResult bulk(
            ApprovalService approvals, UnitOfWork work, Context ctx, ApprovalFilter filter, DecisionCommand command) {
        approvals.list(work, filter).forEach(approval -> requireMayDecide(Caller.of(ctx), approval));
        return approvals.bulk(work, filter, command);
    }

    /** Whether an approval waits for the CEO: a CEO decision, or escalated to the CEO. */
    public static boolean forCeo(Approval approval) {
        return ActionClasses.CEO_DECISION.equals(approval.actionClass()) || "ceo".equals(approval.assignedRole());
    }

    /** Refuses a CEO's item to anyone but a signed-in CEO. */
    public static void requireMayDecide(Optional<Caller> caller, Approval approval) {
        if (forCeo(approval) && Access.of(caller).orElse(null) != Access.CEO) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "approval " + approval.approvalId() + " is for the CEO: only a signed-in CEO " + "may decide it",
                    null);
        }
    }
}
