package com.bigbox.autonomic.meetings.extraction;

import java.time.LocalDate;
import java.util.List;

/** Reads a meeting's turns and says what is in them. Sees only speaker, role, times and text of each turn. */
public interface MeetingExtractor {
    /**
     * @param meetingDay the day the meeting took place: relative dates ("by Friday") resolve from it
     */
    MeetingAnalysis analyse(List<Turn> turns, LocalDate meetingDay);
}
