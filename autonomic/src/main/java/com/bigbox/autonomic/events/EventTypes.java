package com.bigbox.autonomic.events;

import com.bigbox.autonomic.chaos.ChaosEvent;
import com.bigbox.autonomic.chaos.ProbeWorkload;

/**
 * The one registry of stored event type names: the original engine's whole catalogue (declared and
 * used-but-undeclared types) and the types this engine adds. Anything that names an event type uses
 * these constants; {@link EventCatalogue} says what each one is (category, stream, payload record).
 */
public final class EventTypes {
    // acquisition
    public static final String LEAD_RECEIVED = "LEAD_RECEIVED";
    public static final String LEAD_INQUIRY_RECEIVED = "LEAD_INQUIRY_RECEIVED";
    public static final String LEAD_QUALIFIED = "LEAD_QUALIFIED";
    public static final String LEAD_DISQUALIFIED = "LEAD_DISQUALIFIED";
    public static final String MEETING_SCHEDULED = "MEETING_SCHEDULED";
    // intelligence
    public static final String MEETING_COMPLETED = "MEETING_COMPLETED";
    public static final String MEETING_NOTES_ANALYZED = "MEETING_NOTES_ANALYZED";
    public static final String INTENT_INFERRED = "INTENT_INFERRED";
    public static final String RISK_DETECTED = "RISK_DETECTED";
    public static final String CREATIVE_BRIEF_GENERATED = "CREATIVE_BRIEF_GENERATED";
    public static final String PROJECT_RECOMMENDED = "PROJECT_RECOMMENDED";
    // execution
    public static final String TASK_CREATED = "TASK_CREATED";
    public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
    public static final String TASK_COMPLETED = "TASK_COMPLETED";
    public static final String PROJECT_STARTED = "PROJECT_STARTED";
    public static final String PROJECT_AT_RISK = "PROJECT_AT_RISK";
    public static final String PROJECT_MILESTONE_COMPLETED = "PROJECT_MILESTONE_COMPLETED";
    public static final String PROJECT_COMPLETED = "PROJECT_COMPLETED";
    public static final String STAFF_AVAILABILITY_CHANGED = "STAFF_AVAILABILITY_CHANGED";
    // financial
    public static final String QUOTE_GENERATED = "QUOTE_GENERATED";
    public static final String QUOTE_APPROVED = "QUOTE_APPROVED";
    public static final String INVOICE_ISSUED = "INVOICE_ISSUED";
    public static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    public static final String PAYMENT_REMINDER_SENT = "PAYMENT_REMINDER_SENT";
    // control
    public static final String HUMAN_APPROVAL_REQUESTED = "HUMAN_APPROVAL_REQUESTED";
    public static final String HUMAN_APPROVAL_STEP_APPROVED = "HUMAN_APPROVAL_STEP_APPROVED";
    public static final String HUMAN_APPROVAL_GRANTED = "HUMAN_APPROVAL_GRANTED";
    public static final String HUMAN_APPROVAL_REJECTED = "HUMAN_APPROVAL_REJECTED";
    public static final String HUMAN_OVERRIDE = "HUMAN_OVERRIDE";
    public static final String APPROVED_BY_SILENCE = "APPROVED_BY_SILENCE";
    public static final String HUMAN_APPROVAL_ESCALATED = "HUMAN_APPROVAL_ESCALATED";
    public static final String HUMAN_APPROVAL_EXPIRED = "HUMAN_APPROVAL_EXPIRED";
    public static final String HUMAN_APPROVAL_ASSIGNED = "HUMAN_APPROVAL_ASSIGNED";
    public static final String HUMAN_APPROVAL_INFO_REQUESTED = "HUMAN_APPROVAL_INFO_REQUESTED";
    public static final String HUMAN_APPROVAL_REMINDER_SENT = "HUMAN_APPROVAL_REMINDER_SENT";
    public static final String HUMAN_APPROVAL_COMMENTED = "HUMAN_APPROVAL_COMMENTED";
    public static final String AUTONOMIC_DECISION_EXECUTED = "AUTONOMIC_DECISION_EXECUTED";
    public static final String CEO_INTERRUPT_REQUIRED = "CEO_INTERRUPT_REQUIRED";
    public static final String NOTIFICATION_SENT = "NOTIFICATION_SENT";
    public static final String NOTIFICATION_FAILED = "NOTIFICATION_FAILED";
    public static final String AUTONOMIC_DECISION_OVERRIDDEN = "AUTONOMIC_DECISION_OVERRIDDEN";
    // economic
    public static final String SOP_EXECUTION_COMPLETED = "SOP_EXECUTION_COMPLETED";
    public static final String SOP_OPTIMIZATION_RECOMMENDED = "SOP_OPTIMIZATION_RECOMMENDED";
    public static final String AUTOMATION_OPPORTUNITY_DETECTED = "AUTOMATION_OPPORTUNITY_DETECTED";
    public static final String MARGIN_EROSION_DETECTED = "MARGIN_EROSION_DETECTED";
    public static final String AUTOMATION_ROI_CALCULATED = "AUTOMATION_ROI_CALCULATED";
    // drift
    public static final String PROCESS_DRIFT_DETECTED = "PROCESS_DRIFT_DETECTED";
    public static final String HUMAN_FATIGUE_SIGNAL = "HUMAN_FATIGUE_SIGNAL";
    public static final String CLIENT_ATTENTION_DECAY = "CLIENT_ATTENTION_DECAY";
    public static final String CONFIDENCE_CALIBRATION_REQUIRED = "CONFIDENCE_CALIBRATION_REQUIRED";
    public static final String AUTOMATION_GAP_FOUND = "AUTOMATION_GAP_FOUND";
    public static final String DRIFT_ALERT_ACKNOWLEDGED = "DRIFT_ALERT_ACKNOWLEDGED";
    // self-improvement
    public static final String AUTOMATION_GAP_DETECTED = "AUTOMATION_GAP_DETECTED";
    public static final String DOCTRINE_VIOLATION_RECORDED = "DOCTRINE_VIOLATION_RECORDED";
    public static final String AGENT_CHANGE_PROPOSED = "AGENT_CHANGE_PROPOSED";
    public static final String AUTOMATION_REVIEW_COMPLETED = "AUTOMATION_REVIEW_COMPLETED";
    public static final java.util.List<String> DRIFT_ALERTS = java.util.List.of(
            "PROCESS_DRIFT_DETECTED",
            "HUMAN_FATIGUE_SIGNAL",
            "CLIENT_ATTENTION_DECAY",
            "CONFIDENCE_CALIBRATION_REQUIRED",
            "AUTOMATION_GAP_FOUND");
    // SOPs
    public static final String SOP_VERSION_PROPOSED = "SOP_VERSION_PROPOSED";
    public static final String SOP_VERSION_ACTIVATED = "SOP_VERSION_ACTIVATED";
    public static final String SOP_EXECUTION_STARTED = "SOP_EXECUTION_STARTED";
    public static final String SOP_STEP_COMPLETED = "SOP_STEP_COMPLETED";
    public static final String SOP_EXECUTION_ESCALATED = "SOP_EXECUTION_ESCALATED";
    public static final String SOP_STEP_READY = "SOP_STEP_READY";
    public static final String SOP_STEP_FAILED = "SOP_STEP_FAILED";
    public static final String SOP_EXECUTION_FAILED = "SOP_EXECUTION_FAILED";
    // agents
    public static final String AGENT_THRESHOLD_CHANGED = "AGENT_THRESHOLD_CHANGED";
    public static final String AGENT_AUTONOMY_CHANGED = "AGENT_AUTONOMY_CHANGED";
    public static final String AGENT_FINANCIAL_LIMIT_CHANGED = "AGENT_FINANCIAL_LIMIT_CHANGED";
    // chaos
    public static final String CHAOS_EXPERIMENT_STARTED = ChaosEvent.STARTED;
    public static final String CHAOS_EXPERIMENT_COMPLETED = ChaosEvent.COMPLETED;
    public static final String CHAOS_RESILIENCE_SCORE = ChaosEvent.RESILIENCE_SCORE;
    public static final String CHAOS_PROBE_APPENDED = ProbeWorkload.EVENT_TYPE;
    // client
    public static final String CLIENT_FEEDBACK_RECEIVED = "CLIENT_FEEDBACK_RECEIVED";
    // security
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";
    public static final String ACCOUNT_AGGREGATE = "ACCOUNT";

    private EventTypes() {}
}
