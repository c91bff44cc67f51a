package com.bigbox.autonomic.meetings;

import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_NOTES_ANALYZED;
import static com.bigbox.autonomic.events.EventTypes.RISK_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.extraction.DefaultMeetingExtractor;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Meeting intelligence: what was said in a meeting (a transcript or notes) becomes a recorded analysis, the
 * client's intent, follow-up tasks with owners and dates and, on bad signs, a risk. A meeting posted with its
 * action items already listed (the older contract) skips the reading. The adapter between the runtime and
 * {@link MeetingDecisions}: it runs the extractor on the text and emits what they decide.
 */
public final class MeetingIntelligenceAgent implements Agent {
    public static final String NAME = "MeetingIntelligenceAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "reads completed meetings: records what was said, infers intent, follow-up tasks and relationship risk",
            Set.of(MEETING_COMPLETED),
            Set.of(MEETING_NOTES_ANALYZED, INTENT_INFERRED, TASK_CREATED, RISK_DETECTED),
            // The analysis is the evidence the decisions cite, not a decision of its own: Oversight judges what follows
            // from it.
            Set.of(MEETING_NOTES_ANALYZED),
            AgentSettings.defaults(0.75));

    private final Supplier<MeetingExtractor> extractor;

    /** With the offline extractor, its models loaded on the first meeting that needs reading. */
    public MeetingIntelligenceAgent() {
        this(new Lazy(DefaultMeetingExtractor::shipped));
    }

    public MeetingIntelligenceAgent(MeetingExtractor extractor) {
        this(() -> extractor);
    }

    private MeetingIntelligenceAgent(Supplier<MeetingExtractor> extractor) {
        this.extractor = extractor;
    }

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        Instant now = context.now();
        MeetingEvent.Completed meeting = trigger.payloadAs(MeetingEvent.Completed.class);
        MeetingAnalysis analysis = meeting.needsReading()
                ? extractor
                        .get()
                        .analyse(
                                MeetingReading.turns(meeting.transcript(), meeting.notes()),
                                MeetingDecisions.day(meeting, now))
                : null;
        MeetingDecisions.decide(trigger, analysis, MeetingReasoner.in(context.reasoner()), now)
                .forEach(context::emit);
    }

    /** Loads the models once, when first needed: an engine that never reads a transcript never loads them. */
    private static final class Lazy implements Supplier<MeetingExtractor> {
        private final Supplier<MeetingExtractor> load;
        private volatile @Nullable MeetingExtractor loaded;

        Lazy(Supplier<MeetingExtractor> load) {
            this.load = load;
        }

        @Override
        public MeetingExtractor get() {
            MeetingExtractor e = loaded;
            if (e == null) {
                synchronized (this) {
                    e = loaded;
                    if (e == null) {
                        e = load.get();
                        loaded = e;
                    }
                }
            }
            return e;
        }
    }
}
