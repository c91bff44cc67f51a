package com.bigbox.autonomic.projects;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who does what: the people of each role, and the role a piece of work calls for by its wording (the meeting
 * rules give a follow-up task its role the same way).
 */
public final class Roster {
    /** A task goes to one of its role's people, the same one every time for the same task. */
    private static final Map<String, List<String>> PEOPLE = Map.of(
            "account_manager", List.of("alex", "sam"),
            "designer", List.of("dana", "lee"),
            "strategist", List.of("morgan"),
            "finance", List.of("pat"),
            "manager", List.of("jordan"),
            "ceo", List.of("ceo"));

    private Roster() {}

    /** The people of {@code role}, or empty when the roster has no such role. */
    public static Optional<List<String>> people(String role) {
        return Optional.ofNullable(PEOPLE.get(role));
    }

    /** Everyone on the roster, by name: whose calendars an assignment reads. */
    public static List<String> everyone() {
        return PEOPLE.values().stream().flatMap(List::stream).sorted().toList();
    }

    public static boolean hasRole(String role) {
        return PEOPLE.containsKey(role);
    }

    public static String roleByWording(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*(design|logo|visual|mockup|moodboard).*")) {
            return "designer";
        }
        if (t.matches(".*(quote|invoice|budget|price|pricing|contract|payment).*")) {
            return "finance";
        }
        if (t.matches(".*(strategy|brief|research|positioning).*")) {
            return "strategist";
        }
        return "account_manager";
    }
}
