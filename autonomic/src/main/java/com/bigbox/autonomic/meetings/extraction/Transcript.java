package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns from text as people paste it: a transcript of lines such as {@code [00:12:03] Anna (client): We need it by
 * Friday} or {@code Anna: ...} (time and role optional), or free-form notes, which become one turn per sentence
 * with no speaker.
 */
public final class Transcript {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:\\[?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})\\]?\\s+)?([\\p{L}][\\p{L}0-9 ._'-]{0,40}?)\\s*(?:\\(([^)]{1,40})\\))?\\s*:\\s+(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"'])|\\n\\s*[-*•]?\\s*");

    private Transcript() {}

    public static List<Turn> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the meeting has no text: send a transcript or notes");
        }
        String[] lines = text.strip().split("\\R");
        int speakerLines = 0;
        for (String line : lines) {
            speakerLines += LINE.matcher(line).matches() ? 1 : 0;
        }
        return speakerLines * 2 >= countNonBlank(lines) ? transcript(lines) : notes(text);
    }

    private static List<Turn> transcript(String[] lines) {
        var turns = new ArrayList<Turn>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Double start = m.group(1) == null ? null : seconds(m.group(1));
                turns.add(new Turn(
                        "t" + (turns.size() + 1),
                        m.group(2).strip(),
                        m.group(3),
                        start,
                        start,
                        m.group(4).strip()));
            } else if (!line.isBlank() && !turns.isEmpty()) {
                Turn last = turns.removeLast(); // a turn that runs over several lines
                turns.add(new Turn(
                        last.id(),
                        last.speaker(),
                        last.role(),
                        last.start(),
                        last.end(),
                        last.text() + " " + line.strip()));
            }
        }
        return turns;
    }

    private static List<Turn> notes(String text) {
        var turns = new ArrayList<Turn>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank()) {
                turns.add(new Turn("t" + (turns.size() + 1), null, null, null, null, sentence.strip()));
            }
        }
        return turns;
    }

    private static double seconds(String clock) {
        String[] parts = clock.split(":");
        double s = 0;
        for (String p : parts) {
            s = s * 60 + Integer.parseInt(p);
        }
        return s;
    }

    private static int countNonBlank(String[] lines) {
        int n = 0;
        for (String l : lines) {
            n += l.isBlank() ? 0 : 1;
        }
        return n;
    }
}
