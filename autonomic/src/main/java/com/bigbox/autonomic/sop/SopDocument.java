package com.bigbox.autonomic.sop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An SOP in the original engine's format (see {@code sops/schema/sop.schema.json}), as records. */
public record SopDocument(
        Metadata metadata,
        Preconditions preconditions,
        List<Step> steps,
        AutomationPolicy automationPolicy,
        List<EscalationRule> escalationRules,
        Metrics metrics,
        @Nullable List<Object> complianceRequirements,
        @Nullable List<String> relatedSops) {
    public static final BigDecimal DEFAULT_HOURLY_RATE = new BigDecimal("100");

    public SopDocument {
        steps = steps == null ? List.of() : List.copyOf(steps);
        escalationRules = escalationRules == null ? List.of() : List.copyOf(escalationRules);
        preconditions =
                preconditions == null ? new Preconditions(List.of(), List.of(), null, null, null, null) : preconditions;
        automationPolicy = automationPolicy == null
                ? new AutomationPolicy(List.of(), List.of(), null, null, null, null)
                : automationPolicy;
        metrics = metrics == null ? new Metrics(null, null, null, null, null, null, null) : metrics;
    }

    public String id() {
        return metadata.id();
    }

    public boolean active() {
        return metadata.status() == null || "active".equals(metadata.status());
    }

    public BigDecimal hourlyRate() {
        return metrics.hourlyRate() != null ? metrics.hourlyRate() : DEFAULT_HOURLY_RATE;
    }

    public record Metadata(
            String id,
            String name,
            String version,
            @Nullable String owner,
            @Nullable String createdAt,
            @Nullable String updatedAt,
            @Nullable String status,
            @Nullable List<String> tags,
            @Nullable String description) {}

    public record Preconditions(
            List<String> requiredEvents,
            List<String> entityTypes,
            @Nullable String clientTier,
            @Nullable Object serviceType,
            @Nullable BudgetRange budgetRange,
            @Nullable Object customConditions) {
        public Preconditions {
            requiredEvents = requiredEvents == null ? List.of() : List.copyOf(requiredEvents);
            entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
        }
    }

    public record BudgetRange(
            @Nullable BigDecimal min, @Nullable BigDecimal max) {}

    /**
     * @param humanMinutes extension: a person's minutes when a person does or approves the step
     * @param agentCost extension: the step's cost when it runs with no person
     * @param optional extension: the execution completes without it
     */
    public record Step(
            String stepId,
            String name,
            @Nullable String description,
            String automationLevel,
            @Nullable String responsibleAgent,
            @Nullable Boolean requiresHuman,
            @Nullable Double timeoutHours,
            List<String> dependencies,
            List<Action> actions,
            @Nullable Object successCriteria,
            @Nullable FailureHandling failureHandling,
            @Nullable BigDecimal humanMinutes,
            @Nullable BigDecimal agentCost,
            @Nullable Boolean optional) {
        public Step {
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public boolean manual() {
            return "manual".equals(automationLevel)
                    || Boolean.TRUE.equals(requiresHuman) && !"full".equals(automationLevel);
        }

        /** The event types that complete this step: its {@code emit_event} actions. */
        public Set<String> completingTypes() {
            var types = new java.util.LinkedHashSet<String>();
            for (Action a : actions) {
                if ("emit_event".equals(a.type())
                        && a.config() != null
                        && a.config().get("event_type") instanceof String t) {
                    types.add(t);
                }
            }
            return types;
        }

        /** Whether an event of {@code type} completing this step ends the execution (extension: {@code ends_execution}). */
        public boolean endsExecution(String type) {
            return actions.stream()
                    .anyMatch(a -> "emit_event".equals(a.type())
                            && a.config() != null
                            && type.equals(a.config().get("event_type"))
                            && Boolean.TRUE.equals(a.config().get("ends_execution")));
        }

        public @Nullable String fallbackStep() {
            return failureHandling == null ? null : failureHandling.fallbackStep();
        }

        public boolean escalateToHuman() {
            return failureHandling != null && Boolean.TRUE.equals(failureHandling.escalateToHuman());
        }
    }

    public record Action(String type, @Nullable Map<String, Object> config) {}

    public record FailureHandling(
            @Nullable Integer retryCount,
            @Nullable Boolean escalateToHuman,
            @Nullable String fallbackStep) {}

    public record AutomationPolicy(
            List<String> allowedAutomations,
            List<String> forbiddenActions,
            @Nullable Double confidenceThreshold,
            @Nullable BigDecimal financialLimit,
            @Nullable Boolean requireDualApproval,
            @Nullable TimeRestrictions timeRestrictions) {
        public AutomationPolicy {
            allowedAutomations = allowedAutomations == null ? List.of() : List.copyOf(allowedAutomations);
            forbiddenActions = forbiddenActions == null ? List.of() : List.copyOf(forbiddenActions);
        }
    }

    public record TimeRestrictions(
            @Nullable Boolean businessHoursOnly, @Nullable List<String> blackoutDates) {}

    public record EscalationRule(
            String trigger,
            @Nullable Double threshold,
            @Nullable List<String> escalateTo,
            @Nullable String urgency,
            @Nullable List<String> notificationChannels,
            @Nullable Boolean includeContext) {}

    public record Metrics(
            @Nullable Double cycleTimeTargetHours,
            @Nullable Double automationRateTarget,
            @Nullable Double errorRateThreshold,
            @Nullable Double humanMinutesTarget,
            @Nullable BigDecimal costPerExecutionTarget,
            @Nullable Object qualityMetrics,
            @Nullable BigDecimal hourlyRate) {}
}
