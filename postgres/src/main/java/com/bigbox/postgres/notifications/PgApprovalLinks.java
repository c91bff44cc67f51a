package com.bigbox.postgres.notifications;

import com.bigbox.autonomic.notifications.ApprovalLinks;
import com.bigbox.autonomic.notifications.LinkToken;
import com.bigbox.core.EventStore;
import com.bigbox.core.UnitOfWork;
import com.bigbox.core.Uuids;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The approval links messages carry, in {@code bigbox_notify.approval_links}: issued with the message,
 * looked at any number of times until they expire, used once.
 */
public final class PgApprovalLinks implements ApprovalLinks {
    /** A link that verified: its approval, whom it was sent to, and whether it may decide. */
    public record Link(UUID linkId, UUID approvalId, String subject, boolean decidable, Instant expiresAt) {}

    /** Why a link does not open: forged or malformed, expired, or used already. */
    public enum Refusal {
        INVALID,
        EXPIRED,
        USED
    }

    public record Outcome(Link link, Refusal refusal) {}

    private record Stored(Link link, boolean used) {}

    private static final String ISSUE = SqlResource.load(PgApprovalLinks.class, "approval_link_issue");
    private static final String FIND = SqlResource.load(PgApprovalLinks.class, "approval_link");
    private static final String USE = SqlResource.load(PgApprovalLinks.class, "approval_link_use");

    private final EventStore store;
    private final LinkToken tokens;
    private final Supplier<String> baseUrl;

    /**
     * @param store where links are issued, each in a transaction of its own (see {@link ApprovalLinks#issue})
     * @param baseUrl where people reach the engine (known once its server listens)
     */
    public PgApprovalLinks(EventStore store, LinkToken tokens, Supplier<String> baseUrl) {
        this.store = store;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    @Override
    public String issue(UUID approvalId, String subject, boolean decidable, Instant expiresAt) {
        UUID id = Uuids.timeOrdered();
        Instant expires = Instant.ofEpochSecond(expiresAt.getEpochSecond());
        store.inTransaction(work -> Jdbc.update(work, ISSUE, s -> {
            s.setObject(1, id);
            s.setObject(2, approvalId);
            s.setString(3, subject);
            s.setBoolean(4, decidable);
            s.setTimestamp(5, Jdbc.timestamp(expires));
        }));
        String base = baseUrl.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/approve/"
                + tokens.sign(id, expires);
    }

    /** The link of {@code token} as of {@code now}, or why it does not open. */
    public Outcome open(UnitOfWork work, String token, Instant now) {
        var claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return new Outcome(null, Refusal.INVALID);
        }
        Optional<Stored> row = Jdbc.one(
                work,
                FIND,
                s -> s.setObject(1, claims.get().linkId()),
                rs -> new Stored(
                        new Link(
                                rs.getObject("link_id", UUID.class),
                                rs.getObject("approval_id", UUID.class),
                                rs.getString("subject"),
                                rs.getBoolean("decidable"),
                                Jdbc.instant(rs, "expires_at")),
                        rs.getBoolean("used")));
        if (row.isEmpty()) {
            return new Outcome(null, Refusal.INVALID);
        }
        Link link = row.get().link();
        if (!now.isBefore(link.expiresAt()) || !now.isBefore(claims.get().expiresAt())) {
            return new Outcome(link, Refusal.EXPIRED);
        }
        return row.get().used() ? new Outcome(link, Refusal.USED) : new Outcome(link, null);
    }

    /** Marks the link used; false when another request used it first. */
    public boolean use(UnitOfWork work, Link link, String by, Instant now) {
        return Jdbc.update(work, USE, s -> {
                    s.setTimestamp(1, Jdbc.timestamp(now));
                    s.setString(2, by);
                    s.setObject(3, link.linkId());
                })
                == 1;
    }
}
