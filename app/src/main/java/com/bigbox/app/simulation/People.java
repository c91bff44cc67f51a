package com.bigbox.app.simulation;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.oversight.DecisionOverrides;
import com.bigbox.core.EventStore;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency's people. They answer the approvals assigned to their role after a while, mostly by what they know
 * to be true (approve what is right, correct a wrong price, reject the rest) but not always ({@link Habits}: some
 * wrong decisions approved, some right ones turned down), through the approval service a real person's click
 * reaches; sometimes nobody answers and silence or escalation takes over. Days later they notice part of the
 * autonomous decisions that were wrong and override them, and now and then override a right one, through the same
 * service as the API's override. And they log recurring manual work as tasks, which is what the coverage loop
 * looks for.
 */
final class People {
    private static final Logger log = LoggerFactory.getLogger(People.class);
    /** Who holds each role; a chain approval needs its approvers to be different people. */
    static final Map<String, List<String>> ROSTER = Map.of(
            "employee", List.of("riley", "drew"),
            "account_manager", List.of("sam", "alex"),
            "manager", List.of("jordan", "taylor"),
            "finance", List.of("pat", "morgan"),
            "ceo", List.of("casey", "board"));
    /**
     * Recurring manual work: kind (the reason tag), title, role, chance on a given business day.
     */
    record ManualWork(String kind, String title, String role, double daily) {}

    static final List<ManualWork> MANUAL_WORK = List.of(
            new ManualWork("crm_update", "Update the CRM after client calls", "account_manager", 0.6),
            new ManualWork("timesheet_chase", "Chase missing timesheets", "manager", 0.3),
            new ManualWork("invoice_correction", "Correct invoice details a client asked about", "finance", 0.25),
            new ManualWork("status_report", "Write the weekly status report for clients", "account_manager", 0.2));

    private final EventStore store;
    private final ApprovalService approvals;
    private final DecisionOverrides overrides;
    private final WorldFacts facts;
    private final WorldTimeline timeline;
    private final DecisionTruth truth;
    private final Habits habits;
    private final long seed;
    private int decided;
    private int overridden;

    People(
            EventStore store,
            ApprovalService approvals,
            DecisionOverrides overrides,
            WorldFacts facts,
            WorldTimeline timeline,
            DecisionTruth truth,
            Habits habits,
            long seed) {
        this.store = store;
        this.truth = truth;
        this.habits = habits;
        this.approvals = approvals;
        this.overrides = overrides;
        this.facts = facts;
        this.timeline = timeline;
        this.seed = seed;
    }

    /** An approval reached {@code role} (asked, or escalated to it): someone there answers it later, or not. */
    void asked(UUID approvalId, String role, DecisionTruth.Ruling ruling, Instant now) {
        String key = "answer/" + approvalId + "/" + role;
        KeyedRandom d = KeyedRandom.of(seed, key);
        if (d.chance(habits.absent())) {
            return;
        }
        double hours = switch (role) {
            case "ceo" -> d.between(3.0, 20.0);
            case "finance", "manager" -> d.between(1.0, 10.0);
            default -> d.between(0.5, 6.0);
        };
        timeline.at(BusinessCalendar.plusBusinessHours(now, hours), key, () -> answer(approvalId, role, ruling));
    }

    private void answer(UUID approvalId, String role, DecisionTruth.Ruling ruling) {
        Approval approval = store.inTransaction(w -> approvals.get(w, approvalId));
        if (!approval.pending() || !role.equals(approval.assignedRole())) {
            return;
        }
        List<String> people = ROSTER.getOrDefault(role, List.of(role + "-1", role + "-2"));
        int needed =
                Math.max(1, approval.requiredApprovals() - approval.approvedBy().size());
        for (int i = 0; i < needed && i < people.size(); i++) {
            String by = "person:" + people.get(i);
            DecisionCommand command = command(ruling, by, KeyedRandom.of(seed, "judge/" + approvalId + "/" + by));
            try {
                store.inTransaction(w -> approvals.decide(w, approvalId, command));
                decided++;
            } catch (ConflictException e) {
                log.debug("Approval {} was decided meanwhile: {}", approvalId, e.getMessage());
                return;
            }
            if (command instanceof DecisionCommand.Reject) {
                return;
            }
        }
    }

    // What the person does: mostly what the truth says; what cannot be judged is approved (nobody knows better).
    private DecisionCommand command(DecisionTruth.Ruling ruling, String by, KeyedRandom d) {
        boolean approve = ruling.wrong() ? d.chance(habits.approveWrong()) : !d.chance(habits.rejectRight());
        if (approve) {
            return new DecisionCommand.Approve(by, "checked against what we know of the client");
        }
        return ruling.correction().isEmpty()
                ? new DecisionCommand.Reject(by, "does not match what we know of the client")
                : new DecisionCommand.Modify(by, "corrected to what the client will pay", ruling.correction());
    }

    /**
     * A decision took effect with no person: if it was wrong, someone may notice it days later and override it; a
     * right one is now and then overridden by mistake. Unjudged decisions are left alone.
     */
    void executed(RecordedEvent decision, LeadCase lead, Instant now) {
        var ruling = truth.judge(lead, decision);
        String key = "override/" + decision.eventId();
        KeyedRandom d = KeyedRandom.of(seed, key);
        boolean noticed =
                ruling.wrong() ? d.chance(habits.noticeWrong()) : ruling.right() && d.chance(habits.overrideRight());
        if (!noticed) {
            return;
        }
        String person = d.chance(0.5) ? "jordan" : "sam";
        String why = ruling.wrong() ? "found wrong after it took effect: " : "thought wrong after it took effect: ";
        timeline.at(
                BusinessCalendar.plusBusinessDays(now, d.between(1, habits.noticeDays()), d.between(9, 17)),
                key,
                () -> {
                    store.inTransaction(w -> overrides.override(
                            w,
                            decision.eventId(),
                            "person:" + person,
                            why + decision.type().toLowerCase(java.util.Locale.ROOT)));
                    this.overridden++;
                });
    }

    /** Plans the manual work people will log on {@code day}. */
    void planDay(LocalDate day) {
        for (ManualWork work : MANUAL_WORK) {
            String key = "manual/" + day + "/" + work.kind();
            KeyedRandom d = KeyedRandom.of(seed, key);
            if (!d.chance(work.daily())) {
                continue;
            }
            String person = ROSTER.get(work.role()).get(d.between(0, 1));
            String taskId = "MANUAL-" + seed + "-" + day + "-" + work.kind();
            Instant at = day.atTime(d.between(9, 16), d.between(0, 59)).toInstant(ZoneOffset.UTC);
            timeline.at(
                    at,
                    key,
                    () -> facts.post(
                            StreamId.of("TASK", taskId),
                            "TASK_CREATED",
                            Map.of(
                                    "task_id",
                                    taskId,
                                    "title",
                                    work.title(),
                                    "role",
                                    work.role(),
                                    "reason",
                                    work.kind(),
                                    "manual",
                                    true),
                            "person:" + person,
                            key,
                            Map.of("tags", List.of("manual", work.kind()), "reason", work.kind())));
        }
    }

    int decided() {
        return decided;
    }

    int overridden() {
        return overridden;
    }
}
