package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.reasoning.Reasoner;

/** The meeting agent's question: what does a completed meeting say the client wants, what follows, what is at risk. */
public interface MeetingReasoner {
    MeetingInsight analyse(MeetingEvent.Completed meeting);

    /** The reasoner {@code reasoner} plugged for meetings, else {@link MeetingRules}. */
    static MeetingReasoner in(Reasoner reasoner) {
        return reasoner.seam(MeetingReasoner.class, new MeetingRules());
    }
}
