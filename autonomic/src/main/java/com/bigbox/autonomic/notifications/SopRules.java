package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.sop.SopDocument;
import com.bigbox.autonomic.sop.SopDocument.EscalationRule;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the SOP governing an approval's flow says about telling people: its {@code escalation_rules}
 * (channels, urgency, whom to escalate to) and {@code time_restrictions} (business hours, blackout
 * dates). An approval outside any SOP has {@link #NONE}: every configured channel, default urgency.
 */
public record SopRules(
        @Nullable String sopId,
        List<EscalationRule> escalationRules,
        SopDocument.@Nullable TimeRestrictions timeRestrictions) {
    public static final SopRules NONE = new SopRules(null, List.of(), null);

    public SopRules {
        escalationRules = escalationRules == null ? List.of() : List.copyOf(escalationRules);
    }

    /** A timeout rule speaks for reminders, escalations and expiry; the other rules for a new request. */
    private List<EscalationRule> rulesFor(Trigger trigger) {
        boolean late = trigger == Trigger.REMINDER || trigger == Trigger.ESCALATED || trigger == Trigger.EXPIRED;
        return escalationRules.stream()
                .filter(r -> late == "timeout".equals(r.trigger()))
                .toList();
    }

    /** The channels the SOP chooses for {@code trigger}; every kind when it chooses none. */
    public Set<ChannelKind> channels(Trigger trigger) {
        var rules = rulesFor(trigger);
        if (rules.isEmpty() || rules.stream().allMatch(r -> r.notificationChannels() == null)) {
            return EnumSet.allOf(ChannelKind.class);
        }
        Set<ChannelKind> kinds = rules.stream()
                .filter(r -> r.notificationChannels() != null)
                .flatMap(r -> r.notificationChannels().stream())
                .map(ChannelKind::parseOrNull)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChannelKind.class)));
        return kinds;
    }

    /** low | medium | high | critical: the SOP's rule's, else by what happened. */
    public String urgency(Trigger trigger) {
        return rulesFor(trigger).stream()
                .map(EscalationRule::urgency)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(
                        switch (trigger) {
                            case CEO_INTERRUPT -> "critical";
                            case ESCALATED, EXPIRED -> "high";
                            case REQUESTED, REASSIGNED, REMINDER -> "medium";
                        });
    }

    /** The roles the SOP's timeout rule escalates to: told when the approval escalates or expires. */
    public Set<String> escalateTo(Trigger trigger) {
        if (trigger != Trigger.ESCALATED && trigger != Trigger.EXPIRED) {
            return Set.of();
        }
        return rulesFor(trigger).stream()
                .filter(r -> r.escalateTo() != null)
                .flatMap(r -> r.escalateTo().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean businessHoursOnly() {
        return timeRestrictions != null && Boolean.TRUE.equals(timeRestrictions.businessHoursOnly());
    }

    public Set<LocalDate> blackoutDates() {
        if (timeRestrictions == null || timeRestrictions.blackoutDates() == null) {
            return Set.of();
        }
        return timeRestrictions.blackoutDates().stream().map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }
}
