package com.bigbox.autonomic.meetings;

/**
 * One speaker turn (or one sentence of free-form notes): all an extractor may see of a meeting.
 *
 * @param id stable within the meeting: evidence points at it
 * @param speaker who spoke, as the transcript names them (may be null for notes)
 * @param role the speaker's role if the transcript gives one (e.g. {@code PM}, {@code client})
 * @param start seconds from the meeting's start, if known
 * @param end seconds from the meeting's start, if known
 */
public record Turn(String id, String speaker, String role, Double start, Double end, String text) {
    public Turn {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a turn needs an id");
        }
        text = text == null ? "" : text;
    }
}
