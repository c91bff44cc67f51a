package com.bigbox.app.demo;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.EventStore;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.backup.Progress;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic, seeded stream of agency activity: leads of every quality arrive; people approve, change or
 * reject what the agents ask them; meetings happen (a few go badly); clients accept quotes, projects start,
 * invoices are paid (some only in part), clients rate the work. The same seed gives the same story.
 * Everything goes through the same paths a real deployment uses: the intake path, facts appended to their
 * entities, the approval service.
 */
public final class DemoFeed {
    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);
    private static final List<String> COMPANIES = List.of(
            "Northwind Outfitters",
            "Blue Harbor Coffee",
            "Kestrel Robotics",
            "Lumen Dental",
            "Copperline Brewing",
            "Orchid Fintech",
            "Tidewater Events",
            "Summit Yoga",
            "Redfern Books",
            "Quartz Mobility",
            "Juniper Health",
            "Atlas Freight");
    private static final List<String> SERVICES = List.of("brand_identity", "campaign", "event_activation", "web");

    private final AutonomicOperations ops;
    private final EventStore store;
    private final DemoClock clock;
    private final long seed;

    public DemoFeed(AutonomicOperations ops, EventStore store, DemoClock clock, long seed) {
        this.ops = ops;
        this.store = store;
        this.clock = clock;
        this.seed = seed;
    }

    /** How the run went: stories told to the end, ended early as stories do (a rejection, a declined quote), unfinished. */
    public record Outcome(int toTheEnd, int endedEarly, int unfinished) {}

    /**
     * Runs {@code leads} client stories side by side, each starting a business hour after the one before, and
     * returns when all are told or {@code limit} (wall time) has passed: a story still waiting then is stopped
     * and counted unfinished, so the demo always ends. {@code progress} hears of every story that ends.
     */
    public Outcome run(int leads, Progress progress, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> stories = new java.util.ArrayList<>();
            var ended = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < leads; i++) {
                int n = i;
                stories.add(pool.submit(() -> {
                    try {
                        sleep(Duration.ofHours(n));
                        return story(n, new Random(seed * 31 + n));
                    } finally {
                        progress.advanced(ended.incrementAndGet(), leads);
                    }
                }));
            }
            int toTheEnd = 0;
            int early = 0;
            int unfinished = 0;
            for (Future<Boolean> story : stories) {
                try {
                    boolean told = story.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    toTheEnd += told ? 1 : 0;
                    early += told ? 0 : 1;
                } catch (TimeoutException e) {
                    story.cancel(true);
                    unfinished++;
                } catch (ExecutionException e) {
                    log.warn("A demo story stopped: {}", e.getCause().toString());
                    unfinished++;
                }
            }
            pool.shutdownNow();
            return new Outcome(toTheEnd, early, unfinished);
        }
    }

    /** One client's story; true when told to the end, false when it ended early as stories do. */
    private boolean story(int n, Random random) {
        String company =
                COMPANIES.get(n % COMPANIES.size()) + (n >= COMPANIES.size() ? " " + (n / COMPANIES.size() + 1) : "");
        boolean strong = random.nextDouble() < 0.7;
        String service = SERVICES.get(random.nextInt(SERVICES.size()));
        int budget = 8_000 + random.nextInt(60) * 1_000;
        String contact =
                "contact" + n + "@" + company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".test";
        RecordedEvent inquiry = store.inTransaction(w -> ops.leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Contact " + n,
                                contact,
                                strong ? "+1 555 01" + String.format("%02d", n % 100) : null,
                                strong ? company : null,
                                strong ? BigDecimal.valueOf(budget) : null,
                                strong
                                        ? "We need help with a " + service.replace('_', ' ')
                                                + " this quarter: new audiences, a launch, and a team that "
                                                + "can move fast. Budget is approved."
                                        : "Hi, can you help us?",
                                strong && random.nextBoolean() ? "high" : null,
                                "demo",
                                null)));
        UUID flow = inquiry.correlationId();
        log.debug("Demo: lead {} from {} ({})", n, strong ? company : contact, strong ? "strong" : "thin");

        RecordedEvent qualified =
                await(flow, "LEAD_QUALIFIED", e -> true, Duration.ofHours(2)).orElse(null);
        if (qualified == null || !released(qualified, random, 0.15)) {
            return false;
        }
        RecordedEvent meeting =
                await(flow, "MEETING_SCHEDULED", e -> true, Duration.ofHours(2)).orElse(null);
        if (meeting == null || !released(meeting, random, 0.0)) {
            return false;
        }
        sleep(Duration.ofDays(2));
        String meetingId =
                EventCodec.decode(meeting, MeetingEvent.Scheduled.class).meetingId();
        double sentiment =
                random.nextDouble() < 0.12 ? -0.6 - random.nextDouble() * 0.3 : 0.2 + random.nextDouble() * 0.7;
        post(
                StreamId.of("MEETING", meetingId),
                "MEETING_COMPLETED",
                Map.of(
                        "sentiment",
                        Math.round(sentiment * 100) / 100.0,
                        "attended",
                        random.nextDouble() > 0.05,
                        "action_items",
                        List.of("Send moodboard examples", "Share the timeline"),
                        "goals",
                        List.of("reach new customers", "launch this quarter"),
                        "service_type",
                        service,
                        "budget",
                        budget,
                        "timeline_weeks",
                        3 + random.nextInt(10)),
                "account-manager");

        RecordedEvent quote =
                await(flow, "QUOTE_GENERATED", e -> true, Duration.ofHours(6)).orElse(null);
        if (quote == null || !released(quote, random, 0.1)) {
            return false;
        }
        sleep(Duration.ofDays(1 + random.nextInt(3)));
        if (random.nextDouble() < 0.15) {
            log.debug("Demo: {} declined the quote", company);
            return false;
        }
        QuoteEvent.Generated q = EventCodec.decode(quote, QuoteEvent.Generated.class);
        post(
                StreamId.of("QUOTE", q.quoteId()),
                "QUOTE_APPROVED",
                Map.of(
                        "quote_id",
                        q.quoteId(),
                        "project_id",
                        q.projectId(),
                        "amount",
                        q.amount(),
                        "approved_by",
                        "client"),
                "client:" + contact);
        RecordedEvent deposit =
                await(flow, "INVOICE_ISSUED", e -> true, Duration.ofHours(6)).orElse(null);
        if (deposit == null || !released(deposit, random, 0.0)) {
            return false;
        }
        sleep(Duration.ofDays(1));
        post(
                StreamId.of("PROJECT", q.projectId()),
                "PROJECT_STARTED",
                Map.of(
                        "project_id",
                        q.projectId(),
                        "quote_id",
                        q.quoteId(),
                        "service_type",
                        service,
                        "budget",
                        q.amount(),
                        "timeline_weeks",
                        2 + random.nextInt(10),
                        "team_size",
                        1 + random.nextInt(4)),
                "account-manager");
        sleep(Duration.ofDays(2 + random.nextInt(4)));
        InvoiceEvent.Issued invoice = EventCodec.decode(deposit, InvoiceEvent.Issued.class);
        BigDecimal paid = random.nextDouble() < 0.2 ? invoice.amount().divide(BigDecimal.TWO) : invoice.amount();
        post(
                StreamId.of("INVOICE", invoice.invoiceId()),
                "PAYMENT_RECEIVED",
                Map.of("invoice_id", invoice.invoiceId(), "amount", paid),
                "bank");
        sleep(Duration.ofDays(2));
        post(
                StreamId.of("CLIENT", invoice.clientId()),
                "CLIENT_FEEDBACK_RECEIVED",
                Map.of(
                        "client_id",
                        invoice.clientId(),
                        "score",
                        sentiment < 0 ? 3 + random.nextInt(4) : 7 + random.nextInt(4),
                        "quality",
                        Math.round((0.6 + random.nextDouble() * 0.4) * 100) / 100.0),
                "client:" + contact);
        log.debug("Demo: {} story told", company);
        return true;
    }

    // Waits for the decision to take effect; if a person must decide, decides as one (or lets silence decide).
    private boolean released(RecordedEvent decision, Random random, double rejectRate) {
        for (int i = 0; i < 200; i++) {
            if (releaseOf(decision)) {
                return true;
            }
            Optional<Approval> pending =
                    store
                            .inTransaction(w -> ops.approvals()
                                    .list(w, ApprovalFilter.pending().withLimit(500)))
                            .stream()
                            .filter(a -> a.eventId().equals(decision.eventId()))
                            .findFirst();
            if (pending.isPresent()) {
                sleep(Duration.ofHours(1 + random.nextInt(5)));
                double roll = random.nextDouble();
                Approval a = pending.get();
                if (roll < rejectRate) {
                    decide(a, new DecisionCommand.Reject("demo:jordan", "not a fit for us right now"));
                    return false;
                }
                if (roll < 0.85 || !a.silenceApproves()) {
                    decide(
                            a,
                            new DecisionCommand.Approve(
                                    a.assignedRole().equals("finance") ? "demo:pat" : "demo:sam", "checked"));
                } else {
                    log.debug("Demo: leaving approval {} to silence", a.approvalId());
                    sleep(Duration.ofHours(25));
                }
            } else {
                sleepWall(Duration.ofMillis(200));
            }
        }
        return releaseOf(decision);
    }

    private void decide(Approval approval, DecisionCommand command) {
        try {
            store.inTransaction(w -> ops.approvals().decide(w, approval.approvalId(), command));
        } catch (com.bigbox.autonomic.ConflictException alreadyDecided) {
            // silence or another person got there first: that is the story too
        }
    }

    private boolean releaseOf(RecordedEvent decision) {
        return store.readStream(decision.stream(), 1).stream()
                        .anyMatch(e -> e.type().equals("AUTONOMIC_DECISION_EXECUTED")
                                && decision.eventId().equals(e.causationId()))
                || approvalReleased(decision);
    }

    // A person's (or silence's) release is on the approval's stream; the approval id is derived from the decision.
    private boolean approvalReleased(RecordedEvent decision) {
        UUID approval = UUID.nameUUIDFromBytes(
                ("approval/" + decision.eventId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return store.readStream(StreamId.of("APPROVAL", approval.toString()), 1).stream()
                .anyMatch(e -> Set.of("HUMAN_APPROVAL_GRANTED", "HUMAN_OVERRIDE", "APPROVED_BY_SILENCE")
                        .contains(e.type()));
    }

    private Optional<RecordedEvent> await(
            UUID flow, String type, Predicate<RecordedEvent> matching, Duration business) {
        long deadline = System.nanoTime()
                + Math.max(
                        clock.wallTime(business).toNanos(),
                        Duration.ofSeconds(20).toNanos());
        while (System.nanoTime() < deadline) {
            Optional<RecordedEvent> found = store.readAll(Position.START, 100_000, Set.of(type)).stream()
                    .filter(e -> e.correlationId().equals(flow))
                    .filter(matching)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            sleepWall(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    private void post(StreamId stream, String type, Map<String, Object> payload, String by) {
        store.inTransaction(w -> w.append(
                stream,
                ExpectedVersion.any(),
                List.of(Flows.continuing(
                        w,
                        stream,
                        NewEvent.of(type, EventCodec.write(payload))
                                .emittedBy(by)
                                .at(clock.instant())))));
    }

    private void sleep(Duration business) {
        sleepWall(clock.wallTime(business));
    }

    private static void sleepWall(Duration wall) {
        try {
            Thread.sleep(wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demo was interrupted", e);
        }
    }
}
