package com.bigbox.autonomic.meetings.extraction;

import org.jspecify.annotations.Nullable;

/**
 * One speaker turn (or one sentence of free-form notes): all an extractor may see of a meeting.
 *
 * @param id stable within the meeting: evidence points at it (a meeting posted without ids gets {@code t1}, {@code t2}, ...)
 * @param speaker who spoke, as the transcript names them (may be null for notes)
 * @param role the speaker's role if the transcript gives one (e.g. {@code PM}, {@code client})
 * @param start seconds from the meeting's start, if known
 * @param end seconds from the meeting's start, if known
 */
public record Turn(
        @Nullable String id,
        @Nullable String speaker,
        @Nullable String role,
        @Nullable Double start,
        @Nullable Double end,
        String text) {
    public Turn {
        id = id == null || id.isBlank() ? null : id;
        text = text == null ? "" : text;
    }

    /** The turns with an id each: a missing one becomes {@code t<position>}. */
    public static java.util.List<Turn> numbered(java.util.List<Turn> turns) {
        var out = new java.util.ArrayList<Turn>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            out.add(t.id() != null ? t : new Turn("t" + (i + 1), t.speaker(), t.role(), t.start(), t.end(), t.text()));
        }
        return java.util.List.copyOf(out);
    }
}
