package com.bigbox.autonomic.sop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An SOP in the original engine's format (see {@code sops/schema/sop.schema.json}), as records. */
public record SopDocument(Metadata metadata, Preconditions preconditions, List<Step> steps, AutomationPolicy automationPolicy,
        List<EscalationRule> escalationRules, Metrics metrics, List<Object> complianceRequirements, List<String> relatedSops) {
    public static final BigDecimal DEFAULT_HOURLY_RATE = new BigDecimal("100");

    public SopDocument {
        steps = steps == null ? List.of() : List.copyOf(steps);
        escalationRules = escalationRules == null ? List.of() : List.copyOf(escalationRules);
        preconditions = preconditions == null ? new Preconditions(null, null, null, null, null, null) : preconditions;
        automationPolicy = automationPolicy == null ? new AutomationPolicy(null, null, null, null, null, null) : automationPolicy;
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

    public record Metadata(String id, String name, String version, String owner, String createdAt, String updatedAt,
            String status, List<String> tags, String description) {}

    public record Preconditions(List<String> requiredEvents, List<String> entityTypes, String clientTier, Object serviceType,
            BudgetRange budgetRange, Object customConditions) {
        public Preconditions {
            requiredEvents = requiredEvents == null ? List.of() : List.copyOf(requiredEvents);
            entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
        }
    }

    public record BudgetRange(BigDecimal min, BigDecimal max) {}

    /**
     * @param humanMinutes extension: a person's minutes when a person does or approves the step
     * @param agentCost extension: the step's cost when it runs with no person
     * @param optional extension: the execution completes without it
     */
    public record Step(String stepId, String name, String description, String automationLevel, String responsibleAgent,
            Boolean requiresHuman, Double timeoutHours, List<String> dependencies, List<Action> actions,
            Object successCriteria, FailureHandling failureHandling, BigDecimal humanMinutes, BigDecimal agentCost,
            Boolean optional) {
        public Step {
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public boolean manual() {
            return "manual".equals(automationLevel) || Boolean.TRUE.equals(requiresHuman) && !"full".equals(automationLevel);
        }

        /** The event types that complete this step: its {@code emit_event} actions. */
        public Set<String> completingTypes() {
            var types = new java.util.LinkedHashSet<String>();
            for (Action a : actions) {
                if ("emit_event".equals(a.type()) && a.config() != null && a.config().get("event_type") instanceof String t) {
                    types.add(t);
                }
            }
            return types;
        }

        /** Whether an event of {@code type} completing this step ends the execution (extension: {@code ends_execution}). */
        public boolean endsExecution(String type) {
            return actions.stream().anyMatch(a -> "emit_event".equals(a.type()) && a.config() != null
                    && type.equals(a.config().get("event_type")) && Boolean.TRUE.equals(a.config().get("ends_execution")));
        }

        public String fallbackStep() {
            return failureHandling == null ? null : failureHandling.fallbackStep();
        }

        public boolean escalateToHuman() {
            return failureHandling != null && Boolean.TRUE.equals(failureHandling.escalateToHuman());
        }
    }

    public record Action(String type, Map<String, Object> config) {}

    public record FailureHandling(Integer retryCount, Boolean escalateToHuman, String fallbackStep) {}

    public record AutomationPolicy(List<String> allowedAutomations, List<String> forbiddenActions, Double confidenceThreshold,
            BigDecimal financialLimit, Boolean requireDualApproval, TimeRestrictions timeRestrictions) {
        public AutomationPolicy {
            allowedAutomations = allowedAutomations == null ? List.of() : List.copyOf(allowedAutomations);
            forbiddenActions = forbiddenActions == null ? List.of() : List.copyOf(forbiddenActions);
        }
    }

    public record TimeRestrictions(Boolean businessHoursOnly, List<String> blackoutDates) {}

    public record EscalationRule(String trigger, Double threshold, List<String> escalateTo, String urgency,
            List<String> notificationChannels, Boolean includeContext) {}

    public record Metrics(Double cycleTimeTargetHours, Double automationRateTarget, Double errorRateThreshold,
            Double humanMinutesTarget, BigDecimal costPerExecutionTarget, Object qualityMetrics, BigDecimal hourlyRate) {}
}
