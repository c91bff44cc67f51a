package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.NotificationEvent;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobHandler;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one planned notification when its job is due. The job runner claims it on one instance of the
 * cluster and commits {@code NOTIFICATION_SENT} with the job's completion; a delivery whose stream
 * already holds that event is never sent again. A refusal is recorded as {@code NOTIFICATION_FAILED}
 * with the reason, and the job is scheduled again with backoff until it goes to the dead-letter list.
 */
final class NotificationDelivery implements JobHandler {
    static final String JOB = "notification.deliver";
    static final String AGGREGATE = "NOTIFICATION";
    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final ApprovalStore approvals;
    private final NotificationDirectory directory;
    private final Map<ChannelKind, ChannelSender> senders;
    private final ApprovalLinks links;
    private final LinkPolicy policy;
    private final JobScheduler scheduler;
    private final Backoff backoff;
    private final Clock clock;

    NotificationDelivery(
            ApprovalStore approvals,
            NotificationDirectory directory,
            Map<ChannelKind, ChannelSender> senders,
            ApprovalLinks links,
            LinkPolicy policy,
            JobScheduler scheduler,
            Backoff backoff,
            Clock clock) {
        this.approvals = approvals;
        this.directory = directory;
        this.senders = Map.copyOf(senders);
        this.links = links;
        this.policy = policy;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clock = clock;
    }

    static StreamId stream(UUID deliveryId) {
        return StreamId.of(AGGREGATE, deliveryId.toString());
    }

    @Override
    public void run(Job job, UnitOfWork work) {
        Delivery d = EventCodec.read(job.payload(), Delivery.class);
        if (work.readStream(stream(d.deliveryId()), 1).stream()
                .anyMatch(e -> e.type().equals(EventTypes.NOTIFICATION_SENT))) {
            return; // sent already: a retry scheduled by hand or a replayed plan sends nothing twice
        }
        Optional<Approval> found = approvals.find(work, d.approvalId());
        Trigger trigger = Trigger.parse(d.trigger());
        if (found.isEmpty()
                || trigger != Trigger.EXPIRED
                        && !Approval.PENDING.equals(found.get().status())) {
            log.debug("notification {} dropped: approval {} is no longer pending", d.deliveryId(), d.approvalId());
            return;
        }
        Approval approval = found.get();
        Optional<Address> address = directory.channel(work, d.channelId());
        ChannelSender sender = address.map(a -> senders.get(a.kind())).orElse(null);
        if (address.isEmpty() || sender == null) {
            String reason = address.isEmpty()
                    ? "the channel was removed"
                    : "no " + d.channel() + " sender is configured"
                            + (d.channel().equals("email") ? " (BIGBOX_SMTP_URL)" : "");
            failed(work, approval, d, reason, null);
            return;
        }
        Instant now = clock.instant();
        boolean decidable = policy.decidable(approval, trigger);
        Instant expires = approval.timeoutAt() != null && approval.timeoutAt().isAfter(now)
                ? approval.timeoutAt()
                : now.plus(Duration.ofHours(24));
        String link = links.issue(approval.approvalId(), d.recipient(), decidable, expires);
        var message = NotificationMessage.of(approval, trigger, d.urgency(), link, decidable);
        try {
            sender.send(address.get(), directory.secret(work, d.channelId()).orElse(null), message);
        } catch (Exception e) {
            Duration wait = backoff.after(d.attempt());
            failed(work, approval, d, reason(e), wait == null ? null : now.plus(wait));
            return;
        }
        sent(work, approval, d, now);
    }

    private void sent(UnitOfWork work, Approval approval, Delivery d, Instant now) {
        append(
                work,
                approval,
                d,
                new NotificationEvent.Sent(
                        approval.clientId(),
                        d.deliveryId(),
                        d.approvalId(),
                        d.trigger(),
                        d.channel(),
                        d.recipient(),
                        d.attempt()),
                now);
        log.info(
                "Notification {} sent: approval {} {} by {} to {} (attempt {})",
                d.deliveryId(),
                d.approvalId(),
                d.trigger(),
                d.channel(),
                d.recipient(),
                d.attempt());
    }

    private void failed(
            UnitOfWork work, Approval approval, Delivery d, String reason, @Nullable Instant nextAttemptAt) {
        Instant now = clock.instant();
        append(
                work,
                approval,
                d,
                new NotificationEvent.Failed(
                        approval.clientId(),
                        d.deliveryId(),
                        d.approvalId(),
                        d.trigger(),
                        d.channel(),
                        d.recipient(),
                        d.attempt(),
                        reason,
                        nextAttemptAt,
                        nextAttemptAt == null),
                now);
        if (nextAttemptAt != null) {
            scheduler.schedule(
                    work,
                    JobRequest.once(JOB, d.deliveryId().toString(), nextAttemptAt, EventCodec.write(d.nextAttempt())));
            log.info(
                    "Notification {} by {} to {} failed (attempt {}): {}; next try at {}",
                    d.deliveryId(),
                    d.channel(),
                    d.recipient(),
                    d.attempt(),
                    reason,
                    nextAttemptAt);
        } else {
            log.warn(
                    "Notification {} by {} to {} failed (attempt {}): {}; moved to the dead-letter list",
                    d.deliveryId(),
                    d.channel(),
                    d.recipient(),
                    d.attempt(),
                    reason);
        }
    }

    private static void append(UnitOfWork work, Approval approval, Delivery d, NotificationEvent event, Instant at) {
        String type = EventCodec.typeOf(event);
        UUID id = UUID.nameUUIDFromBytes(
                (d.deliveryId() + "/" + type + "/" + d.attempt()).getBytes(StandardCharsets.UTF_8));
        work.append(
                stream(d.deliveryId()),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        id,
                        type,
                        EventCodec.payload(event),
                        "{}",
                        approval.correlationId(),
                        d.causationId(),
                        Notifications.EMITTED_BY,
                        null,
                        at)));
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
