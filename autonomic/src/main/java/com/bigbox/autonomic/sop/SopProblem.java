package com.bigbox.autonomic.sop;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an SOP file.
 *
 * @param line 1-based line of the offending field (or of its object), 0 when unknown
 * @param field the field as a path, e.g. {@code steps[2].automation_level}
 */
public record SopProblem(
        String file, int line, String field, @Nullable String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
