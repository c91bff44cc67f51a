package com.bigbox.autonomic.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A fault in force across the cluster for a window: which handlers (subscriptions, e.g.
 * {@code agent:intake}; a trailing {@code *} matches a prefix; null matches all) and which event types
 * (empty: every unprotected type) it touches, and how hard.
 *
 * @param role for {@link FaultKind#SIMULATE_HUMAN_ABSENCE}: the role that answers nothing
 * @param delay for {@link FaultKind#DELAY_EVENT}: how late the handler runs
 * @param confidenceDrop for {@link FaultKind#LOWER_CONFIDENCE}: subtracted from emitted confidence
 */
public record Fault(
        UUID id,
        UUID experimentId,
        FaultKind kind,
        Intensity intensity,
        String subscription,
        Set<String> eventTypes,
        String role,
        Duration delay,
        double confidenceDrop,
        Instant startsAt,
        Instant endsAt) {

    public static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public Fault {
        Experiment.require(id != null, "fault.id", "is required");
        Experiment.require(kind != null, "fault.kind", "is required");
        Experiment.require(intensity != null, "fault.intensity", "is required");
        Experiment.require(
                startsAt != null && endsAt != null && endsAt.isAfter(startsAt), "fault.duration", "must be positive");
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        delay = delay == null ? Duration.ZERO : delay;
        Experiment.require(
                kind != FaultKind.DELAY_EVENT || delay.isPositive() && delay.compareTo(MAX_DELAY) <= 0,
                "fault.delay_ms",
                "must be between 1 ms and 60 s for delay_event");
        Experiment.require(
                kind != FaultKind.LOWER_CONFIDENCE || confidenceDrop > 0 && confidenceDrop <= 1,
                "fault.confidence_drop",
                "must be above 0 and at most 1 for lower_confidence");
        Experiment.require(
                kind != FaultKind.SIMULATE_HUMAN_ABSENCE || role != null && !role.isBlank(),
                "fault.role",
                "is required for simulate_human_absence");
        Experiment.require(
                eventTypes.stream().noneMatch(ProtectedEventTypes::isProtected),
                "fault.event_types",
                "must not name a protected type " + ProtectedEventTypes.TYPES);
    }

    public boolean activeAt(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    public boolean targets(String subscriptionName, String eventType) {
        if (ProtectedEventTypes.isProtected(eventType)) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(eventType)) {
            return false;
        }
        if (subscription == null) {
            return true;
        }
        return subscription.endsWith("*")
                ? subscriptionName.startsWith(subscription.substring(0, subscription.length() - 1))
                : subscriptionName.equals(subscription);
    }

    /**
     * Whether this fault picks {@code eventId}: a fixed share of events ({@link Intensity#fraction()}),
     * chosen by a hash of fault and event, so every instance and every redelivery decides alike.
     */
    public boolean selects(UUID eventId) {
        long h = id.getMostSignificantBits() * 31 + id.getLeastSignificantBits();
        h = h * 31 + eventId.getMostSignificantBits();
        h = h * 31 + eventId.getLeastSignificantBits();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        double unit = (h >>> 11) * 0x1.0p-53;
        return unit < intensity.fraction();
    }
}
