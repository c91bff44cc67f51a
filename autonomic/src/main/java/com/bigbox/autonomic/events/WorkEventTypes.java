package com.bigbox.autonomic.events;

import static com.bigbox.autonomic.events.EventCategory.ACQUISITION;
import static com.bigbox.autonomic.events.EventCategory.EXECUTION;
import static com.bigbox.autonomic.events.EventCategory.FINANCIAL;
import static com.bigbox.autonomic.events.EventCategory.INTELLIGENCE;
import static com.bigbox.autonomic.events.EventTypes.CREATIVE_BRIEF_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.INVOICE_ISSUED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_DISQUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_INQUIRY_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_QUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_NOTES_ANALYZED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_SCHEDULED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_REMINDER_SENT;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_AT_RISK;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_MILESTONE_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_RECOMMENDED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_APPROVED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.RISK_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.STAFF_AVAILABILITY_CHANGED;
import static com.bigbox.autonomic.events.EventTypes.TASK_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.TASK_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

/** The catalogue's first part, the business's work: leads, meetings, projects, tasks, quotes, invoices. Records that live in a feature folder are bound by that feature ({@link EventPayloads}). */
final class WorkEventTypes {
    private WorkEventTypes() {}

    static void declare(EventDeclarations d) {
        d.declareFeature(
                LEAD_RECEIVED, ACQUISITION, "LEAD", "a lead arrived, unvalidated (original API, webhook, psql)");
        d.declareFeature(
                LEAD_INQUIRY_RECEIVED, ACQUISITION, "LEAD", "the intake path validated and recorded an inquiry");
        d.declareFeature(LEAD_QUALIFIED, ACQUISITION, "LEAD", "the intake agent qualified a lead");
        d.declareFeature(LEAD_DISQUALIFIED, ACQUISITION, "LEAD", "the intake agent turned a lead down");
        d.declareFeature(MEETING_SCHEDULED, ACQUISITION, "MEETING", "a discovery meeting was scheduled");
        d.declareFeature(MEETING_COMPLETED, INTELLIGENCE, "MEETING", "a meeting took place; its notes are the payload");
        d.declareFeature(
                MEETING_NOTES_ANALYZED,
                INTELLIGENCE,
                "MEETING",
                "what the meeting agent's extractor found in a meeting's text: action items, amounts, service, risk, with evidence");
        d.declareFeature(INTENT_INFERRED, INTELLIGENCE, "MEETING", "what the client wants, inferred from a meeting");
        d.declare(
                RISK_DETECTED,
                INTELLIGENCE,
                "CLIENT",
                ClientEvent.RiskDetected.class,
                "a risk to a relationship, project, payment or the engine");
        d.declareFeature(CREATIVE_BRIEF_GENERATED, INTELLIGENCE, "PROJECT", "the strategy agent wrote a brief");
        d.declareFeature(PROJECT_RECOMMENDED, INTELLIGENCE, "PROJECT", "the strategy agent recommended a project");
        d.declareFeature(TASK_CREATED, EXECUTION, "TASK", "a task for a person");
        d.declareFeature(TASK_ASSIGNED, EXECUTION, "TASK", "a task got its assignee");
        d.declareFeature(TASK_COMPLETED, EXECUTION, "TASK", "a person finished a task");
        d.declareFeature(PROJECT_STARTED, EXECUTION, "PROJECT", "work on a project began");
        d.declareFeature(PROJECT_AT_RISK, EXECUTION, "PROJECT", "a project's plan shows risk factors");
        d.declareFeature(PROJECT_MILESTONE_COMPLETED, EXECUTION, "PROJECT", "a project milestone was delivered");
        d.declareFeature(PROJECT_COMPLETED, EXECUTION, "PROJECT", "a project was delivered");
        d.declareFeature(
                STAFF_AVAILABILITY_CHANGED,
                EXECUTION,
                "STAFF",
                "a person's calendar: away (a holiday, a sick day, a day already full) or back, from one day to another");
        d.declareFeature(QUOTE_GENERATED, FINANCIAL, "QUOTE", "the strategy agent priced a project");
        d.declareFeature(QUOTE_APPROVED, FINANCIAL, "QUOTE", "the client accepted a quote");
        d.declareFeature(INVOICE_ISSUED, FINANCIAL, "INVOICE", "the finance agent issued an invoice");
        d.declareFeature(PAYMENT_RECEIVED, FINANCIAL, "INVOICE", "money arrived against an invoice");
        d.declareFeature(
                PAYMENT_REMINDER_SENT, FINANCIAL, "INVOICE", "a balance is outstanding; the client was reminded");
    }
}
