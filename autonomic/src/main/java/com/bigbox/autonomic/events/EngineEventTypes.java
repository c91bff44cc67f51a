package com.bigbox.autonomic.events;

import static com.bigbox.autonomic.events.EventCategory.AGENT;
import static com.bigbox.autonomic.events.EventCategory.CHAOS;
import static com.bigbox.autonomic.events.EventCategory.CLIENT;
import static com.bigbox.autonomic.events.EventCategory.CONTROL;
import static com.bigbox.autonomic.events.EventCategory.ECONOMIC;
import static com.bigbox.autonomic.events.EventCategory.SECURITY;
import static com.bigbox.autonomic.events.EventCategory.SOP;
import static com.bigbox.autonomic.events.EventTypes.ACCOUNT_AGGREGATE;
import static com.bigbox.autonomic.events.EventTypes.ACCOUNT_LOCKED;
import static com.bigbox.autonomic.events.EventTypes.ACCOUNT_UNLOCKED;
import static com.bigbox.autonomic.events.EventTypes.AGENT_AUTONOMY_CHANGED;
import static com.bigbox.autonomic.events.EventTypes.AGENT_CHANGE_PROPOSED;
import static com.bigbox.autonomic.events.EventTypes.AGENT_FINANCIAL_LIMIT_CHANGED;
import static com.bigbox.autonomic.events.EventTypes.AGENT_THRESHOLD_CHANGED;
import static com.bigbox.autonomic.events.EventTypes.AUTOMATION_GAP_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.AUTOMATION_REVIEW_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.CHAOS_EXPERIMENT_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.CHAOS_EXPERIMENT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.CHAOS_PROBE_APPENDED;
import static com.bigbox.autonomic.events.EventTypes.CHAOS_RESILIENCE_SCORE;
import static com.bigbox.autonomic.events.EventTypes.CLIENT_FEEDBACK_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.DOCTRINE_VIOLATION_RECORDED;
import static com.bigbox.autonomic.events.EventTypes.SOP_EXECUTION_ESCALATED;
import static com.bigbox.autonomic.events.EventTypes.SOP_EXECUTION_FAILED;
import static com.bigbox.autonomic.events.EventTypes.SOP_EXECUTION_STARTED;
import static com.bigbox.autonomic.events.EventTypes.SOP_STEP_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.SOP_STEP_FAILED;
import static com.bigbox.autonomic.events.EventTypes.SOP_STEP_READY;
import static com.bigbox.autonomic.events.EventTypes.SOP_VERSION_ACTIVATED;
import static com.bigbox.autonomic.events.EventTypes.SOP_VERSION_PROPOSED;

import com.bigbox.autonomic.chaos.ChaosEvent;
import com.bigbox.autonomic.chaos.ProbeWorkload;

/** The catalogue's last part: self-improvement, SOPs, agents' settings, chaos experiments, clients and sign-in accounts. */
final class EngineEventTypes {
    private EngineEventTypes() {}

    static void declare(EventDeclarations d) {
        improvement(d);
        sops(d);
        agents(d);
        chaos(d);
        clientsAndAccounts(d);
    }

    /** Self-improvement: gaps, doctrine violations, proposed agent changes, the weekly review. */
    private static void improvement(EventDeclarations d) {
        d.declare(
                AUTOMATION_GAP_DETECTED,
                ECONOMIC,
                "IMPROVEMENT",
                ImprovementEvent.AutomationGapDetected.class,
                "people did the same kind of manual task again: an SOP review is due within 7 days");
        d.declare(
                DOCTRINE_VIOLATION_RECORDED,
                CONTROL,
                "IMPROVEMENT",
                ImprovementEvent.DoctrineViolationRecorded.class,
                "a rule of the 90-day doctrine was broken; the phase decided what was done");
        d.declare(
                AGENT_CHANGE_PROPOSED,
                AGENT,
                "AGENT",
                ImprovementEvent.AgentChangeProposed.class,
                "a control loop wants to change an agent beyond the doctrine's bounds: a person decides");
        d.declare(
                AUTOMATION_REVIEW_COMPLETED,
                CONTROL,
                "IMPROVEMENT",
                ImprovementEvent.AutomationReviewCompleted.class,
                "the weekly automation review was held, with its figures");
    }

    /** SOP versions and executions. */
    private static void sops(EventDeclarations d) {
        d.declare(
                SOP_VERSION_PROPOSED,
                SOP,
                "SOP",
                ImprovementEvent.SopVersionProposed.class,
                "a change to an SOP was proposed");
        d.declare(
                SOP_VERSION_ACTIVATED,
                SOP,
                "SOP",
                SopEvent.VersionActivated.class,
                "a version of an SOP became the active one");
        d.declare(
                SOP_EXECUTION_STARTED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionStarted.class,
                "an SOP started for a trigger event");
        d.declare(
                SOP_STEP_COMPLETED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepCompleted.class,
                "a step of an SOP execution was done");
        d.declare(
                SOP_EXECUTION_ESCALATED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionEscalated.class,
                "an SOP execution needs a person");
        d.declare(
                SOP_STEP_READY,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepReady.class,
                "a step of an SOP execution can start (or got a person's task)");
        d.declare(
                SOP_STEP_FAILED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.StepFailed.class,
                "a person refused a step's decision; its fallback takes over");
        d.declare(
                SOP_EXECUTION_FAILED,
                SOP,
                "SOP_EXECUTION",
                SopEvent.ExecutionFailed.class,
                "an SOP execution failed: a person refused a step");
    }

    /** Agents' run-time settings. */
    private static void agents(EventDeclarations d) {
        d.declare(
                AGENT_THRESHOLD_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.ThresholdChanged.class,
                "an agent's confidence threshold changed");
        d.declare(
                AGENT_AUTONOMY_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.AutonomyChanged.class,
                "an agent's autonomy level changed");
        d.declare(
                AGENT_FINANCIAL_LIMIT_CHANGED,
                AGENT,
                "AGENT",
                AgentEvent.FinancialLimitChanged.class,
                "an agent's financial limit changed");
    }

    /** Chaos experiments (their payloads are free-form). */
    private static void chaos(EventDeclarations d) {
        d.declare(
                CHAOS_EXPERIMENT_STARTED,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a chaos experiment began (title, type, intensity, version of its file)");
        d.declare(
                CHAOS_EXPERIMENT_COMPLETED,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a chaos experiment ended: status, deviation, degradation, findings");
        d.declare(
                CHAOS_RESILIENCE_SCORE,
                CHAOS,
                ChaosEvent.AGGREGATE_TYPE,
                null,
                "a completed experiment's resilience score (1 - degradation, alert below 0.7) and the trend of the last five");
        d.declare(
                CHAOS_PROBE_APPENDED,
                CHAOS,
                ProbeWorkload.AGGREGATE_TYPE,
                null,
                "an append of a chaos experiment's workload, counted by the total check");
    }

    /** Clients' feedback and sign-in accounts. */
    private static void clientsAndAccounts(EventDeclarations d) {
        d.declare(
                CLIENT_FEEDBACK_RECEIVED,
                CLIENT,
                "CLIENT",
                ClientEvent.FeedbackReceived.class,
                "a client rated our work");
        d.declare(
                ACCOUNT_LOCKED,
                SECURITY,
                ACCOUNT_AGGREGATE,
                AccountEvent.Locked.class,
                "an account's sign-in was locked for 15 minutes after 10 failed passwords, TOTP or recovery codes in a row");
        d.declare(
                ACCOUNT_UNLOCKED,
                SECURITY,
                ACCOUNT_AGGREGATE,
                AccountEvent.Unlocked.class,
                "the CEO or the service key lifted an account's sign-in lock");
    }
}
