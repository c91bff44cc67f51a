package com.bigbox.app.simulation;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clients' side of every story: leads write in, clients turn up to meetings (or not), sign fair quotes,
 * start projects and pay (some late, some in part); people finish the tasks they were given. Each step
 * follows from a decision of the engine taking effect, never from the simulation's own idea of the flow.
 */
final class ClientBehaviour {
    private final WorldFacts facts;
    private final WorldTimeline timeline;
    private final long seed;
    private final boolean transcripts;
    private final Map<UUID, LeadCase> byFlow = new HashMap<>();

    /** @param transcripts whether meetings are sent as transcripts ({@link MeetingWriteUp}) or with items listed */
    ClientBehaviour(WorldFacts facts, WorldTimeline timeline, long seed, boolean transcripts) {
        this.facts = facts;
        this.timeline = timeline;
        this.seed = seed;
        this.transcripts = transcripts;
    }

    void plan(List<LeadCase> leads) {
        for (LeadCase lead : leads) {
            timeline.at(lead.arrival(), key("lead", lead.number()), () -> arrive(lead));
        }
    }

    /** The lead whose story {@code flow} is, or null (manual work, the loops' own flows). */
    LeadCase lead(UUID flow) {
        return byFlow.get(flow);
    }

    int leadsArrived() {
        return byFlow.size();
    }

    private void arrive(LeadCase lead) {
        LeadCase.Inquiry in = lead.inquiry();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("name", in.name());
        put(payload, "email", in.email());
        put(payload, "phone", in.phone());
        put(payload, "company", in.company());
        put(payload, "budget", in.budget());
        payload.put("message", in.message());
        put(payload, "urgency", in.urgency());
        payload.put("source", "simulation");
        byFlow.put(facts.id(key("lead", lead.number())), lead);
        facts.post(
                StreamId.of("LEAD", lead.leadId()),
                "LEAD_RECEIVED",
                payload,
                "webhook:website",
                key("lead", lead.number()));
    }

    /** A decision of the engine took effect (by itself, by a person, or by silence): the world answers it. */
    void released(RecordedEvent decision, JsonNode effective, Instant now) {
        LeadCase lead = byFlow.get(decision.correlationId());
        switch (decision.type()) {
            case EventTypes.MEETING_SCHEDULED -> {
                if (lead != null) {
                    Instant at = BusinessCalendar.nextOpen(max(
                            now, Instant.parse(effective.path("scheduled_for").asText(now.toString()))));
                    String meetingId = effective.path("meeting_id").asText();
                    timeline.at(at, "meeting/" + meetingId, () -> meet(lead, meetingId));
                }
            }
            case EventTypes.QUOTE_GENERATED -> {
                if (lead != null) {
                    String quoteId = effective.path("quote_id").asText();
                    KeyedRandom d = KeyedRandom.of(seed, "quote/" + quoteId);
                    timeline.at(
                            BusinessCalendar.plusBusinessDays(now, d.between(1, 3), d.between(9, 16)),
                            "quote/" + quoteId,
                            () -> answerQuote(
                                    lead,
                                    quoteId,
                                    effective.path("project_id").asText(),
                                    effective.path("amount").decimalValue()));
                }
            }
            case EventTypes.INVOICE_ISSUED -> {
                if (lead != null) {
                    invoiced(lead, effective, now);
                }
            }
            case EventTypes.TASK_ASSIGNED -> {
                String taskId =
                        effective.path("task_id").asText(decision.stream().id());
                String assignee = effective.path("assignee").asText("staff");
                KeyedRandom d = KeyedRandom.of(seed, "task/" + taskId);
                timeline.at(
                        BusinessCalendar.plusBusinessHours(now, d.between(2.0, 16.0)),
                        "task/" + taskId,
                        () -> facts.post(
                                StreamId.of("TASK", taskId),
                                "TASK_COMPLETED",
                                Map.of(
                                        "task_id",
                                        taskId,
                                        "completed_by",
                                        assignee,
                                        "minutes_spent",
                                        d.between(15, 120)),
                                "person:" + assignee,
                                "task/" + taskId));
            }
            default -> {}
        }
    }

    // The account manager sends the meeting either with its action items and mood written down (the older contract)
    // or as it was said (a transcript; notes when the client never came) for the meeting agent to read. Either way the
    // fields of the CRM form (goals, service, budget, timeline) are filled in as before.
    private void meet(LeadCase lead, String meetingId) {
        LeadCase.Meeting m = lead.meeting();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("meeting_id", meetingId);
        payload.put("attended", m.attended());
        if (transcripts) {
            MeetingWriteUp writeUp = MeetingWriteUp.of(lead);
            payload.put("date", facts.now().atZone(ZoneOffset.UTC).toLocalDate().toString());
            if (writeUp.transcript()) {
                payload.put("transcript", writeUp.turns());
            } else {
                payload.put("notes", writeUp.notesText());
            }
        } else {
            payload.put("sentiment", m.sentiment());
            payload.put("action_items", m.actionItems());
        }
        payload.put("goals", m.goals());
        put(payload, "service_type", m.statedService());
        put(payload, "budget", m.statedBudget());
        put(payload, "timeline_weeks", m.timelineWeeks());
        facts.post(
                StreamId.of("MEETING", meetingId), "MEETING_COMPLETED", payload, "person:sam", "meeting/" + meetingId);
    }

    // A client signs a quote it finds fair; one that was never a real prospect, or missed the meeting, never signs.
    private void answerQuote(LeadCase lead, String quoteId, String projectId, BigDecimal amount) {
        LeadCase.Truth t = lead.truth();
        if (!t.qualified()
                || !lead.meeting().attended()
                || !t.acceptsFairQuote()
                || !DecisionTruth.fair(amount, t.budget())) {
            return;
        }
        facts.post(
                StreamId.of("QUOTE", quoteId),
                "QUOTE_APPROVED",
                Map.of("quote_id", quoteId, "project_id", projectId, "amount", amount, "approved_by", "client"),
                "client:" + lead.leadId(),
                "signed/" + quoteId);
        if (t.cancels()) {
            return; // signed, then called off before the work starts: nothing more happens, whatever was invoiced
        }
        KeyedRandom d = KeyedRandom.of(seed, "project/" + projectId);
        timeline.at(
                BusinessCalendar.plusBusinessDays(facts.now(), d.between(1, 3), 10),
                "project/" + projectId,
                () -> startProject(lead, quoteId, projectId, amount));
    }

    private void startProject(LeadCase lead, String quoteId, String projectId, BigDecimal amount) {
        facts.post(
                StreamId.of("PROJECT", projectId),
                "PROJECT_STARTED",
                Map.of(
                        "project_id",
                        projectId,
                        "quote_id",
                        quoteId,
                        "service_type",
                        lead.truth().service(),
                        "budget",
                        amount,
                        "timeline_weeks",
                        lead.project().timelineWeeks(),
                        "team_size",
                        lead.project().teamSize()),
                "person:jordan",
                "started/" + projectId);
    }

    // Deposits are paid on the client's habit: on time in full, or late and in part with the rest later.
    private void invoiced(LeadCase lead, JsonNode invoice, Instant now) {
        String invoiceId = invoice.path("invoice_id").asText();
        BigDecimal amount = invoice.path("amount").decimalValue();
        LeadCase.Payments p = lead.payments();
        if ("balance".equals(invoice.path("kind").asText())) {
            pay(invoiceId, amount, now.plus(Duration.ofDays(p.balanceDays())), "balance");
            return;
        }
        Instant first = now.plus(Duration.ofDays(p.depositDays()));
        if (p.depositPart() >= 1) {
            pay(invoiceId, amount, first, "deposit");
            return;
        }
        BigDecimal part = amount.multiply(BigDecimal.valueOf(p.depositPart())).setScale(2, RoundingMode.HALF_UP);
        pay(invoiceId, part, first, "part");
        pay(invoiceId, amount.subtract(part), first.plus(Duration.ofDays(p.restDays())), "rest");
    }

    private void pay(String invoiceId, BigDecimal amount, Instant at, String which) {
        String key = "paid/" + invoiceId + "/" + which;
        timeline.at(
                BusinessCalendar.nextOpen(at),
                key,
                () -> facts.post(
                        StreamId.of("INVOICE", invoiceId),
                        "PAYMENT_RECEIVED",
                        Map.of("invoice_id", invoiceId, "amount", amount),
                        "bank",
                        key));
    }

    private static void put(Map<String, Object> payload, String field, Object value) {
        if (value != null) {
            payload.put(field, value);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(String what, int number) {
        return what + "/" + number;
    }
}
