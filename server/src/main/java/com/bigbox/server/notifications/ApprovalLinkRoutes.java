package com.bigbox.server.notifications;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.core.EventStore;
import com.bigbox.postgres.notifications.PgApprovalLinks;
import com.bigbox.postgres.notifications.PgApprovalLinks.Link;
import com.bigbox.postgres.notifications.PgApprovalLinks.Outcome;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code /approve/{token}}: the link a notification carries. The token is the credential, so the path
 * is public; it is signed, expires, and works once. Opening it ({@code GET}) shows the approval and
 * uses nothing — mail scanners open links too. A low-risk link decides with {@code POST} (approve, or
 * reject with a reason) and is used up by it; any other link only leads to the dashboard, where the
 * approval needs a sign-in like every other, so a CEO-level item is never decided from a message.
 */
public final class ApprovalLinkRoutes implements HttpModule {
    public static final String PATH = "/approve/{token}";

    private final EventStore engine;
    private final PgApprovalLinks links;
    private final ApprovalService approvals;
    private final Clock clock;

    public ApprovalLinkRoutes(EventStore engine, PgApprovalLinks links, ApprovalService approvals, Clock clock) {
        this.engine = engine;
        this.links = links;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public void configure(JavalinConfig config) {
        // The signed token is the credential, whoever holds it (or no key at all).
        config.routes.get(PATH, this::show, Access.PUBLIC);
        config.routes.post(PATH, this::decide, Access.PUBLIC);
    }

    private void show(Context ctx) {
        Instant now = clock.instant();
        engine.inTransaction(w -> {
            Outcome outcome = links.open(w, ctx.pathParam("token"), now);
            if (outcome.refusal() != null) {
                refuse(ctx, outcome);
                return null;
            }
            Approval approval = approvals.get(w, outcome.link().approvalId());
            ctx.html(LinkPages.approval(approval, outcome.link(), ctx.path()));
            return null;
        });
    }

    private void decide(Context ctx) {
        Instant now = clock.instant();
        String decision = ctx.formParam("decision");
        String notes = ctx.formParam("notes");
        engine.inTransaction(w -> {
            Outcome outcome = links.open(w, ctx.pathParam("token"), now);
            if (outcome.refusal() != null) {
                refuse(ctx, outcome);
                return null;
            }
            Link link = outcome.link();
            if (!link.decidable()) {
                ctx.status(403)
                        .html(LinkPages.message(
                                "Sign in to decide",
                                "This approval is decided in the dashboard after signing in.",
                                link.approvalId()));
                return null;
            }
            String by = link.subject().replaceFirst("^(user|role):", "") + " (from a notification link)";
            DecisionCommand command =
                    DecisionCommand.parse(decision == null ? "" : decision.toLowerCase(Locale.ROOT), by, notes, null);
            if (!links.use(w, link, by, now)) {
                refuse(ctx, new Outcome(link, PgApprovalLinks.Refusal.USED));
                return null;
            }
            Approval decided = approvals.decide(w, link.approvalId(), command);
            ctx.html(LinkPages.message("Decided", "The approval is now " + decided.status() + ".", link.approvalId()));
            return null;
        });
    }

    private static void refuse(Context ctx, Outcome outcome) {
        switch (outcome.refusal()) {
            case INVALID ->
                ctx.status(404).html(LinkPages.message("Link not valid", "This link is not one we sent.", null));
            case EXPIRED ->
                ctx.status(410)
                        .html(LinkPages.message(
                                "Link expired",
                                "This link has expired; open the approval in the dashboard.",
                                outcome.link().approvalId()));
            case USED ->
                ctx.status(410)
                        .html(LinkPages.message(
                                "Link already used",
                                "This link was used already; open the approval in the dashboard.",
                                outcome.link().approvalId()));
        }
    }
}
