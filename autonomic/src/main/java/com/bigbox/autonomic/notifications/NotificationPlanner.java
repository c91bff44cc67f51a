package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable subscription {@code notifications}: for each approval change that concerns people, one
 * scheduled delivery per channel that reaches whoever may decide it, due when business and quiet
 * hours allow. The deliveries are scheduled in the subscription's transaction, so an event delivered
 * again after a crash plans nothing twice.
 */
final class NotificationPlanner implements SubscriptionHandler {
    private static final Logger log = LoggerFactory.getLogger(NotificationPlanner.class);

    private final ApprovalStore approvals;
    private final NotificationDirectory directory;
    private final JobScheduler scheduler;
    private final BusinessCalendar calendar;
    private final Clock clock;

    NotificationPlanner(
            ApprovalStore approvals,
            NotificationDirectory directory,
            JobScheduler scheduler,
            BusinessCalendar calendar,
            Clock clock) {
        this.approvals = approvals;
        this.directory = directory;
        this.scheduler = scheduler;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void handle(RecordedEvent event, UnitOfWork work) {
        Optional<Trigger> trigger = Trigger.of(event.type());
        if (trigger.isEmpty() || !(EventCodec.decode(event).orElse(null) instanceof ApprovalEvent change)) {
            return;
        }
        Optional<Approval> found = approvals.find(work, change.approvalId());
        if (found.isEmpty()) {
            return;
        }
        plan(work, event, trigger.get(), found.get());
    }

    private void plan(UnitOfWork work, RecordedEvent event, Trigger trigger, Approval approval) {
        SopRules rules =
                approval.correlationId() == null ? SopRules.NONE : directory.rules(work, approval.correlationId());
        Set<String> roles = new LinkedHashSet<>();
        roles.add(trigger == Trigger.CEO_INTERRUPT ? "ceo" : approval.assignedRole());
        roles.addAll(rules.escalateTo(trigger));
        Set<ChannelKind> kinds = rules.channels(trigger);
        String urgency = rules.urgency(trigger);
        Instant now = clock.instant();
        int planned = 0;
        for (Address address : directory.addresses(work, roles, approval.assignedTo())) {
            if (!kinds.contains(address.kind())) {
                continue;
            }
            QuietHours quiet = address.isUser()
                    ? directory.quietHours(work, address.subject()).orElse(null)
                    : null;
            Instant sendAt = DeliveryTiming.sendAt(now, trigger, rules, calendar, quiet);
            var delivery = new Delivery(
                    Delivery.id(event.eventId(), address.channelId()),
                    approval.approvalId(),
                    event.eventId(),
                    trigger.wireName(),
                    urgency,
                    address.channelId(),
                    address.kind().wireName(),
                    address.subject(),
                    1);
            scheduler.schedule(
                    work,
                    JobRequest.once(
                            NotificationDelivery.JOB,
                            delivery.deliveryId().toString(),
                            sendAt,
                            EventCodec.write(delivery)));
            planned++;
        }
        if (planned > 0) {
            log.info(
                    "Approval {} {}: {} notification(s) planned to {}",
                    approval.approvalId(),
                    trigger.wireName(),
                    planned,
                    roles);
        }
    }
}
