package com.bigbox.autonomic.events;

import static com.bigbox.autonomic.events.EventCategory.CONTROL;
import static com.bigbox.autonomic.events.EventCategory.DRIFT;
import static com.bigbox.autonomic.events.EventCategory.ECONOMIC;
import static com.bigbox.autonomic.events.EventTypes.APPROVED_BY_SILENCE;
import static com.bigbox.autonomic.events.EventTypes.AUTOMATION_GAP_FOUND;
import static com.bigbox.autonomic.events.EventTypes.AUTOMATION_OPPORTUNITY_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.AUTOMATION_ROI_CALCULATED;
import static com.bigbox.autonomic.events.EventTypes.AUTONOMIC_DECISION_EXECUTED;
import static com.bigbox.autonomic.events.EventTypes.AUTONOMIC_DECISION_OVERRIDDEN;
import static com.bigbox.autonomic.events.EventTypes.CEO_INTERRUPT_REQUIRED;
import static com.bigbox.autonomic.events.EventTypes.CLIENT_ATTENTION_DECAY;
import static com.bigbox.autonomic.events.EventTypes.CONFIDENCE_CALIBRATION_REQUIRED;
import static com.bigbox.autonomic.events.EventTypes.DRIFT_ALERT_ACKNOWLEDGED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_COMMENTED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_ESCALATED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_EXPIRED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_GRANTED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_INFO_REQUESTED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_REJECTED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_REMINDER_SENT;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_REQUESTED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_STEP_APPROVED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_FATIGUE_SIGNAL;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_OVERRIDE;
import static com.bigbox.autonomic.events.EventTypes.MARGIN_EROSION_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.NOTIFICATION_FAILED;
import static com.bigbox.autonomic.events.EventTypes.NOTIFICATION_SENT;
import static com.bigbox.autonomic.events.EventTypes.PROCESS_DRIFT_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.SOP_EXECUTION_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.SOP_OPTIMIZATION_RECOMMENDED;

/** The catalogue's second part: approvals, decisions that took effect, notifications, the economic controller and drift. */
final class OversightEventTypes {
    private OversightEventTypes() {}

    static void declare(EventDeclarations d) {
        approvalAnswers(d);
        approvalFollowUps(d);
        decisionsAndNotifications(d);
        economics(d);
        drift(d);
    }

    /** A decision waits for a person, who answers it (or silence does). */
    private static void approvalAnswers(EventDeclarations d) {
        d.declare(
                HUMAN_APPROVAL_REQUESTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Requested.class,
                "a decision waits for a person");
        d.declare(
                HUMAN_APPROVAL_STEP_APPROVED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.StepApproved.class,
                "one approver of a chain approved");
        d.declare(
                HUMAN_APPROVAL_GRANTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Granted.class,
                "a person approved a decision");
        d.declare(
                HUMAN_APPROVAL_REJECTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Rejected.class,
                "a person rejected a decision");
        d.declare(
                HUMAN_OVERRIDE,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Overridden.class,
                "a person approved a decision with changes");
        d.declare(
                APPROVED_BY_SILENCE,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.ApprovedBySilence.class,
                "an approval expired unanswered and silence approves its class");
    }

    /** What happens to an approval while it waits. */
    private static void approvalFollowUps(EventDeclarations d) {
        d.declare(
                HUMAN_APPROVAL_ESCALATED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Escalated.class,
                "an expired approval went to the next role");
        d.declare(
                HUMAN_APPROVAL_EXPIRED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Expired.class,
                "an approval expired with nobody left to escalate to");
        d.declare(
                HUMAN_APPROVAL_ASSIGNED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Assigned.class,
                "an approval was assigned or reassigned");
        d.declare(
                HUMAN_APPROVAL_INFO_REQUESTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.InfoRequested.class,
                "an approver asked for more information");
        d.declare(
                HUMAN_APPROVAL_REMINDER_SENT,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.ReminderSent.class,
                "the approver was reminded");
        d.declare(
                HUMAN_APPROVAL_COMMENTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Commented.class,
                "a person commented on an approval");
    }

    /** Decisions that took effect or were corrected, the CEO's own, and the notifications sent. */
    private static void decisionsAndNotifications(EventDeclarations d) {
        d.declare(
                AUTONOMIC_DECISION_EXECUTED,
                CONTROL,
                null,
                DecisionEvent.Executed.class,
                "oversight let a decision take effect with no human");
        d.declare(
                AUTONOMIC_DECISION_OVERRIDDEN,
                CONTROL,
                null,
                DecisionEvent.Overridden.class,
                "a person corrected a decision that had taken effect autonomously");
        d.declare(
                CEO_INTERRUPT_REQUIRED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Requested.class,
                "a decision is the CEO's to take");
        d.declare(
                NOTIFICATION_SENT,
                CONTROL,
                "NOTIFICATION",
                NotificationEvent.Sent.class,
                "a person's or role's channel was told about an approval");
        d.declare(
                NOTIFICATION_FAILED,
                CONTROL,
                "NOTIFICATION",
                NotificationEvent.Failed.class,
                "a notification's channel refused it; retried or dead-lettered");
    }

    /** The economic controller's findings. */
    private static void economics(EventDeclarations d) {
        d.declare(
                SOP_EXECUTION_COMPLETED,
                ECONOMIC,
                "SOP_EXECUTION",
                SopEvent.ExecutionCompleted.class,
                "an SOP execution finished, with its measurements");
        d.declare(
                SOP_OPTIMIZATION_RECOMMENDED,
                ECONOMIC,
                "SOP",
                ImprovementEvent.SopOptimizationRecommended.class,
                "the economic controller recommends changing an SOP");
        d.declare(
                AUTOMATION_OPPORTUNITY_DETECTED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationOpportunityDetected.class,
                "manual work recurring at least 5 times in 30 days and costing over 500 a month: worth automating");
        d.declare(
                MARGIN_EROSION_DETECTED,
                ECONOMIC,
                "SOP",
                ImprovementEvent.MarginErosionDetected.class,
                "an SOP costs more than its target");
        d.declare(
                AUTOMATION_ROI_CALCULATED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationRoiCalculated.class,
                "the month's automation return on investment, against the doctrine's 200%");
    }

    /** Drift alerts and their acknowledgement. */
    private static void drift(EventDeclarations d) {
        d.declare(
                PROCESS_DRIFT_DETECTED,
                DRIFT,
                "SOP",
                ImprovementEvent.ProcessDriftDetected.class,
                "an SOP's cycle time moved beyond its band");
        d.declare(
                HUMAN_FATIGUE_SIGNAL,
                DRIFT,
                "SYSTEM",
                ImprovementEvent.HumanFatigueSignal.class,
                "people override the machine too often");
        d.declare(
                CLIENT_ATTENTION_DECAY,
                DRIFT,
                "CLIENT",
                ImprovementEvent.ClientAttentionDecay.class,
                "a client attends fewer meetings");
        d.declare(
                CONFIDENCE_CALIBRATION_REQUIRED,
                DRIFT,
                "AGENT",
                ImprovementEvent.ConfidenceCalibrationRequired.class,
                "an agent's confidence is out of calibration");
        d.declare(AUTOMATION_GAP_FOUND, DRIFT, "SOP", null, "a step that could be automated is not");
        d.declare(
                DRIFT_ALERT_ACKNOWLEDGED,
                DRIFT,
                null,
                null,
                "a person acknowledged a drift alert (or another improvement signal)");
    }
}
