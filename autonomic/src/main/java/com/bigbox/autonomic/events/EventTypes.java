package com.bigbox.autonomic.events;

import static com.bigbox.autonomic.events.EventCategory.ACQUISITION;
import static com.bigbox.autonomic.events.EventCategory.AGENT;
import static com.bigbox.autonomic.events.EventCategory.CHAOS;
import static com.bigbox.autonomic.events.EventCategory.CLIENT;
import static com.bigbox.autonomic.events.EventCategory.CONTROL;
import static com.bigbox.autonomic.events.EventCategory.DRIFT;
import static com.bigbox.autonomic.events.EventCategory.ECONOMIC;
import static com.bigbox.autonomic.events.EventCategory.EXECUTION;
import static com.bigbox.autonomic.events.EventCategory.FINANCIAL;
import static com.bigbox.autonomic.events.EventCategory.INTELLIGENCE;
import static com.bigbox.autonomic.events.EventCategory.SECURITY;
import static com.bigbox.autonomic.events.EventCategory.SOP;

import com.bigbox.autonomic.chaos.ChaosEvent;
import com.bigbox.autonomic.chaos.ProbeWorkload;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one registry of stored event type names: the original engine's whole catalogue (declared and
 * used-but-undeclared types) and the types this engine adds. Anything that names an event type uses
 * these constants.
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

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<? extends DomainEvent>, EventType> BY_PAYLOAD = new LinkedHashMap<>();

    static {
        declare(
                LEAD_RECEIVED,
                ACQUISITION,
                "LEAD",
                LeadEvent.LeadReceived.class,
                "a lead arrived, unvalidated (original API, webhook, psql)");
        declare(
                LEAD_INQUIRY_RECEIVED,
                ACQUISITION,
                "LEAD",
                LeadEvent.InquiryReceived.class,
                "the intake path validated and recorded an inquiry");
        declare(LEAD_QUALIFIED, ACQUISITION, "LEAD", LeadEvent.Qualified.class, "the intake agent qualified a lead");
        declare(
                LEAD_DISQUALIFIED,
                ACQUISITION,
                "LEAD",
                LeadEvent.Disqualified.class,
                "the intake agent turned a lead down");
        declare(
                MEETING_SCHEDULED,
                ACQUISITION,
                "MEETING",
                MeetingEvent.Scheduled.class,
                "a discovery meeting was scheduled");
        declare(
                MEETING_COMPLETED,
                INTELLIGENCE,
                "MEETING",
                MeetingEvent.Completed.class,
                "a meeting took place; its notes are the payload");
        declare(
                MEETING_NOTES_ANALYZED,
                INTELLIGENCE,
                "MEETING",
                MeetingEvent.NotesAnalyzed.class,
                "what the meeting agent's extractor found in a meeting's text: action items, amounts, service, risk, with evidence");
        declare(
                INTENT_INFERRED,
                INTELLIGENCE,
                "MEETING",
                MeetingEvent.IntentInferred.class,
                "what the client wants, inferred from a meeting");
        declare(
                RISK_DETECTED,
                INTELLIGENCE,
                "CLIENT",
                ClientEvent.RiskDetected.class,
                "a risk to a relationship, project, payment or the engine");
        declare(
                CREATIVE_BRIEF_GENERATED,
                INTELLIGENCE,
                "PROJECT",
                ProjectEvent.CreativeBriefGenerated.class,
                "the strategy agent wrote a brief");
        declare(
                PROJECT_RECOMMENDED,
                INTELLIGENCE,
                "PROJECT",
                ProjectEvent.Recommended.class,
                "the strategy agent recommended a project");
        declare(TASK_CREATED, EXECUTION, "TASK", TaskEvent.Created.class, "a task for a person");
        declare(TASK_ASSIGNED, EXECUTION, "TASK", TaskEvent.Assigned.class, "a task got its assignee");
        declare(TASK_COMPLETED, EXECUTION, "TASK", TaskEvent.Completed.class, "a person finished a task");
        declare(PROJECT_STARTED, EXECUTION, "PROJECT", ProjectEvent.Started.class, "work on a project began");
        declare(
                PROJECT_AT_RISK,
                EXECUTION,
                "PROJECT",
                ProjectEvent.AtRisk.class,
                "a project's plan shows risk factors");
        declare(
                PROJECT_MILESTONE_COMPLETED,
                EXECUTION,
                "PROJECT",
                ProjectEvent.MilestoneCompleted.class,
                "a project milestone was delivered");
        declare(PROJECT_COMPLETED, EXECUTION, "PROJECT", ProjectEvent.Completed.class, "a project was delivered");
        declare(QUOTE_GENERATED, FINANCIAL, "QUOTE", QuoteEvent.Generated.class, "the strategy agent priced a project");
        declare(QUOTE_APPROVED, FINANCIAL, "QUOTE", QuoteEvent.Approved.class, "the client accepted a quote");
        declare(INVOICE_ISSUED, FINANCIAL, "INVOICE", InvoiceEvent.Issued.class, "the finance agent issued an invoice");
        declare(
                PAYMENT_RECEIVED,
                FINANCIAL,
                "INVOICE",
                InvoiceEvent.PaymentReceived.class,
                "money arrived against an invoice");
        declare(
                PAYMENT_REMINDER_SENT,
                FINANCIAL,
                "INVOICE",
                InvoiceEvent.PaymentReminderSent.class,
                "a balance is outstanding; the client was reminded");
        declare(
                HUMAN_APPROVAL_REQUESTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Requested.class,
                "a decision waits for a person");
        declare(
                HUMAN_APPROVAL_STEP_APPROVED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.StepApproved.class,
                "one approver of a chain approved");
        declare(
                HUMAN_APPROVAL_GRANTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Granted.class,
                "a person approved a decision");
        declare(
                HUMAN_APPROVAL_REJECTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Rejected.class,
                "a person rejected a decision");
        declare(
                HUMAN_OVERRIDE,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Overridden.class,
                "a person approved a decision with changes");
        declare(
                APPROVED_BY_SILENCE,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.ApprovedBySilence.class,
                "an approval expired unanswered and silence approves its class");
        declare(
                HUMAN_APPROVAL_ESCALATED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Escalated.class,
                "an expired approval went to the next role");
        declare(
                HUMAN_APPROVAL_EXPIRED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Expired.class,
                "an approval expired with nobody left to escalate to");
        declare(
                HUMAN_APPROVAL_ASSIGNED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Assigned.class,
                "an approval was assigned or reassigned");
        declare(
                HUMAN_APPROVAL_INFO_REQUESTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.InfoRequested.class,
                "an approver asked for more information");
        declare(
                HUMAN_APPROVAL_REMINDER_SENT,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.ReminderSent.class,
                "the approver was reminded");
        declare(
                HUMAN_APPROVAL_COMMENTED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Commented.class,
                "a person commented on an approval");
        declare(
                AUTONOMIC_DECISION_EXECUTED,
                CONTROL,
                null,
                DecisionEvent.Executed.class,
                "oversight let a decision take effect with no human");
        declare(
                AUTONOMIC_DECISION_OVERRIDDEN,
                CONTROL,
                null,
                DecisionEvent.Overridden.class,
                "a person corrected a decision that had taken effect autonomously");
        declare(
                CEO_INTERRUPT_REQUIRED,
                CONTROL,
                "APPROVAL",
                ApprovalEvent.Requested.class,
                "a decision is the CEO's to take");
        declare(
                NOTIFICATION_SENT,
                CONTROL,
                "NOTIFICATION",
                NotificationEvent.Sent.class,
                "a person's or role's channel was told about an approval");
        declare(
                NOTIFICATION_FAILED,
                CONTROL,
                "NOTIFICATION",
                NotificationEvent.Failed.class,
                "a notification's channel refused it; retried or dead-lettered");
        declare(
                SOP_EXECUTION_COMPLETED,
                ECONOMIC,
                "SOP_EXECUTION",
                SopEvent.ExecutionCompleted.class,
                "an SOP execution finished, with its measurements");
        declare(
                SOP_OPTIMIZATION_RECOMMENDED,
                ECONOMIC,
                "SOP",
                ImprovementEvent.SopOptimizationRecommended.class,
                "the economic controller recommends changing an SOP");
        declare(
                AUTOMATION_OPPORTUNITY_DETECTED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationOpportunityDetected.class,
                "manual work recurring at least 5 times in 30 days and costing over 500 a month: worth automating");
        declare(
                MARGIN_EROSION_DETECTED,
                ECONOMIC,
                "SOP",
                ImprovementEvent.MarginErosionDetected.class,
                "an SOP costs more than its target");
        declare(
                AUTOMATION_ROI_CALCULATED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationRoiCalculated.class,
                "the month's automation return on investment, against the doctrine's 200%");
        declare(
                PROCESS_DRIFT_DETECTED,
                DRIFT,
                "SOP",
                ImprovementEvent.ProcessDriftDetected.class,
                "an SOP's cycle time moved beyond its band");
        declare(
                HUMAN_FATIGUE_SIGNAL,
                DRIFT,
                "SYSTEM",
                ImprovementEvent.HumanFatigueSignal.class,
                "people override the machine too often");
        declare(
                CLIENT_ATTENTION_DECAY,
                DRIFT,
                "CLIENT",
                ImprovementEvent.ClientAttentionDecay.class,
                "a client attends fewer meetings");
        declare(
                CONFIDENCE_CALIBRATION_REQUIRED,
                DRIFT,
                "AGENT",
                ImprovementEvent.ConfidenceCalibrationRequired.class,
                "an agent's confidence is out of calibration");
        declare(AUTOMATION_GAP_FOUND, DRIFT, "SOP", null, "a step that could be automated is not");
        declare(
                DRIFT_ALERT_ACKNOWLEDGED,
                DRIFT,
                null,
                null,
                "a person acknowledged a drift alert (or another improvement signal)");
        declare(
                AUTOMATION_GAP_DETECTED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationGapDetected.class,
                "people did the same kind of manual task again: an SOP review is due within 7 days");
        declare(
                DOCTRINE_VIOLATION_RECORDED,
                CONTROL,
                "IMPROVEMENT",
                ImprovementEvent.DoctrineViolationRecorded.class,
                "a rule of the 90-day doctrine was broken; the phase decided what was done");
        declare(
                AGENT_CHANGE_PROPOSED,
                AGENT,
                "AGENT",
                ImprovementEvent.AgentChangeProposed.class,
                "a control loop wants to change an agent beyond the doctrine's bounds: a person decides");
        declare(
                AUTOMATION_REVIEW_COMPLETED,
                CONTROL,
                "IMPROVEMENT",
                ImprovementEvent.AutomationReviewCompleted.class,
                "the weekly automation review was held, with its figures");
        declare(
                SOP_VERSION_PROPOSED,
                SOP,
                "SOP",
                ImprovementEvent.SopVersionProposed.class,
                "a change to an SOP was proposed");
        declare(
                SOP_VERSION_ACTIVATED,
                SOP,
                "SOP",
                SopEvent.VersionActivated.class,
                "a version of an SOP became the active one");
        declare(
                SOP_EXECUTION_STARTED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionStarted.class,
                "an SOP started for a trigger event");
        declare(
                SOP_STEP_COMPLETED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepCompleted.class,
                "a step of an SOP execution was done");
        declare(
                SOP_EXECUTION_ESCALATED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionEscalated.class,
                "an SOP execution needs a person");
        declare(
                SOP_STEP_READY,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepReady.class,
                "a step of an SOP execution can start (or got a person's task)");
        declare(
                SOP_STEP_FAILED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepFailed.class,
                "a person refused a step's decision; its fallback takes over");
        declare(
                SOP_EXECUTION_FAILED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionFailed.class,
                "an SOP execution failed: a person refused a step");
        declare(
                AGENT_THRESHOLD_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.ThresholdChanged.class,
                "an agent's confidence threshold changed");
        declare(
                AGENT_AUTONOMY_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.AutonomyChanged.class,
                "an agent's autonomy level changed");
        declare(
                AGENT_FINANCIAL_LIMIT_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.FinancialLimitChanged.class,
                "an agent's financial limit changed");
        declare(
                CHAOS_EXPERIMENT_STARTED,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a chaos experiment began (title, type, intensity, version of its file)");
        declare(
                CHAOS_EXPERIMENT_COMPLETED,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a chaos experiment ended: status, deviation, degradation, findings");
        declare(
                CHAOS_RESILIENCE_SCORE,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a completed experiment's resilience score (1 - degradation, alert below 0.7) and the trend of the last five");
        declare(
                CHAOS_PROBE_APPENDED,
                CHAOS,
                ProbeWorkload.AGGREGATE_TYPE,
                null,
                "an append of a chaos experiment's workload, counted by the total check");
        declare(
                CLIENT_FEEDBACK_RECEIVED,
                CLIENT,
                "CLIENT",
                ClientEvent.FeedbackReceived.class,
                "a client rated our work");
        declare(
                ACCOUNT_LOCKED,
                SECURITY,
                ACCOUNT_AGGREGATE,
                AccountEvent.Locked.class,
                "an account's sign-in was locked for 15 minutes after 10 failed passwords, TOTP or recovery codes in a row");
        declare(
                ACCOUNT_UNLOCKED,
                SECURITY,
                ACCOUNT_AGGREGATE,
                AccountEvent.Unlocked.class,
                "the CEO or the service key lifted an account's sign-in lock");
    }

    private EventTypes() {}

    private static void declare(
            String name,
            EventCategory category,
            @Nullable String aggregateType,
            @Nullable Class<? extends DomainEvent> payload,
            String description) {
        var type = new EventType(name, category, aggregateType, payload, description);
        if (BY_NAME.putIfAbsent(name, type) != null) {
            throw new IllegalStateException("event type declared twice: " + name);
        }
        // CEO_INTERRUPT_REQUIRED shares HUMAN_APPROVAL_REQUESTED's payload; the first declaration names the record.
        if (payload != null) {
            BY_PAYLOAD.putIfAbsent(payload, type);
        }
    }

    public static Collection<EventType> all() {
        return java.util.Collections.unmodifiableCollection(BY_NAME.values());
    }

    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isDeclared(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The type a payload record is stored as by default. */
    static EventType forPayload(Class<? extends DomainEvent> payload) {
        EventType type = BY_PAYLOAD.get(payload);
        if (type == null) {
            throw new IllegalArgumentException("no event type declared for " + payload.getName());
        }
        return type;
    }
}
