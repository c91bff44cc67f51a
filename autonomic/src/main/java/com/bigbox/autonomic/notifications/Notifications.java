package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.Registration;
import com.bigbox.core.Subscriptions;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notifications on one engine instance: the subscription {@code notifications} plans a delivery per
 * channel for each approval change that concerns people, and the job {@code notification.deliver}
 * sends it — each once across the cluster, retried with backoff, dead-lettered at last.
 */
public final class Notifications {
    public static final String SUBSCRIPTION = "notifications";
    public static final String EMITTED_BY = "notifications";

    /**
     * @param calendar the agency's business hours (SOPs with {@code business_hours_only} wait for them)
     * @param backoff how failed deliveries are retried
     * @param links which approvals a link may decide
     */
    public record Settings(BusinessCalendar calendar, Backoff backoff, LinkPolicy links) {}

    /** A delivery that failed its last try and waits for a person to retry it. */
    public record DeadLetter(
            UUID deliveryId,
            UUID approvalId,
            String trigger,
            String channel,
            String recipient,
            int attempts,
            String reason,
            java.time.Instant failedAt) {}

    private final NotificationDirectory directory;
    private final JobScheduler scheduler;
    private final NotificationPlanner planner;
    private final NotificationDelivery delivery;
    private final Map<ChannelKind, ChannelSender> senders;

    public Notifications(
            ApprovalStore approvals,
            NotificationDirectory directory,
            Map<ChannelKind, ChannelSender> senders,
            ApprovalLinks links,
            JobScheduler scheduler,
            Settings settings,
            Clock clock) {
        this.directory = directory;
        this.scheduler = scheduler;
        this.senders = Map.copyOf(senders);
        this.planner = new NotificationPlanner(approvals, directory, scheduler, settings.calendar(), clock);
        this.delivery = new NotificationDelivery(
                approvals, directory, senders, links, settings.links(), scheduler, settings.backoff(), clock);
    }

    /** The channel kinds this instance can send on (what the start line reports). */
    public List<ChannelKind> channels() {
        return Arrays.stream(ChannelKind.values()).filter(senders::containsKey).toList();
    }

    /**
     * Starts planning (a new subscription begins after {@code startAfter}, so that a first start does
     * not notify about every approval in the log) and sending.
     */
    public Registration start(Subscriptions subscriptions, JobRunner jobs, Position startAfter) {
        jobs.handle(NotificationDelivery.JOB, delivery);
        var types = Arrays.stream(Trigger.values()).map(Trigger::eventType).collect(Collectors.toSet());
        return subscriptions.subscribe(SUBSCRIPTION, EventFilter.types(types), startAfter, planner);
    }

    public List<DeadLetter> deadLetters(UnitOfWork work, int limit) {
        return directory.deadLetters(work, limit);
    }

    /** Tries a dead-lettered delivery once more, now; false when there is no such dead letter. */
    public boolean retry(UnitOfWork work, UUID deliveryId) {
        Optional<Delivery> last = directory.deadLetter(work, deliveryId);
        last.ifPresent(d -> scheduler.schedule(
                work,
                JobRequest.once(
                        NotificationDelivery.JOB,
                        deliveryId.toString(),
                        java.time.Instant.EPOCH,
                        EventCodec.write(d.nextAttempt()))));
        return last.isPresent();
    }
}
