package com.bigbox.autonomic.meetings.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who an action item is for: a person named, a role ("the designer"), or "you", "we", "I" resolved through who
 * is speaking. In a client meeting "you" said by the client means the agency's team and said by the team means
 * the client; "we" is the speaker's own side; "I" is the speaker.
 */
public final class Owners {
    /** The kind of owner. */
    public enum Kind {
        PERSON,
        ROLE,
        CLIENT,
        TEAM
    }

    /** An owner, how it was found, and the engine role that should pick the task up. */
    public record Owner(
            Kind kind, @Nullable String name, @Nullable String role, String words, double confidence) {}

    // Role phrases and the roster role they map to (first match wins: longer phrases first).
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("industrial designer", "designer");
        ROLES.put("interface designer", "designer");
        ROLES.put("user interface", "designer");
        ROLES.put("designer", "designer");
        ROLES.put("design team", "designer");
        ROLES.put("marketing expert", "strategist");
        ROLES.put("marketing", "strategist");
        ROLES.put("strategist", "strategist");
        ROLES.put("project manager", "manager");
        ROLES.put("account manager", "account_manager");
        ROLES.put("finance", "finance");
        ROLES.put("accountant", "finance");
        ROLES.put("developer", "designer");
    }

    private static final Pattern ROLE =
            Pattern.compile("\\b(?:the |our |your )?(" + String.join("|", ROLES.keySet()) + ")s?\\b");
    private static final Pattern PRONOUN =
            Pattern.compile("\\b(you|you're|you'll|your|we|we're|we'll|us|our|i|i'm|i'll|me)\\b");
    // "Dana, you're gonna ...": a name addressed at the start of the turn is who "you" is.
    private static final Pattern ADDRESSED = Pattern.compile(
            "^\\s*(?:(?:[Ss]o|[Oo]kay|[Aa]nd|[Rr]ight),?\\s+)?(\\p{Lu}\\p{Ll}+),\\s+(?:you|could you|can you|would you)\\b");
    private static final Set<String> NOT_NAMES = Set.of(
            "So", "Okay", "Ok", "And", "Right", "Well", "Now", "Yes", "Yeah", "Alright", "Then", "Also", "But", "Um",
            "Uh", "Sure", "Great", "Thanks", "Please");
    private static final Map<String, String> AMI_ROLES =
            Map.of("PM", "manager", "ID", "designer", "UI", "designer", "ME", "strategist");

    private Owners() {}

    /**
     * The owner of an action item said in {@code turn}.
     *
     * @param people speakers' names as they appear in the transcript, for recognising a person named
     */
    public static Optional<Owner> of(Turn turn, List<String> people) {
        String text = turn.text();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String person : people) {
            if (person != null
                    && person.length() > 1
                    && !person.equals(turn.speaker())
                    && Pattern.compile("\\b" + Pattern.quote(person) + "\\b")
                            .matcher(text)
                            .find()) {
                return Optional.of(new Owner(Kind.PERSON, person, null, person, 0.8));
            }
        }
        Matcher addressed = ADDRESSED.matcher(text);
        if (addressed.find() && !NOT_NAMES.contains(addressed.group(1))) {
            return Optional.of(new Owner(Kind.PERSON, addressed.group(1), null, addressed.group(1), 0.75));
        }
        Matcher role = ROLE.matcher(lower);
        if (role.find()) {
            return Optional.of(new Owner(Kind.ROLE, role.group(1), ROLES.get(role.group(1)), role.group(), 0.75));
        }
        Matcher pronoun = PRONOUN.matcher(lower);
        if (pronoun.find()) {
            return Optional.of(pronoun(pronoun.group(1), turn));
        }
        return Optional.empty();
    }

    private static Owner pronoun(String word, Turn turn) {
        boolean client = isClient(turn.role());
        String ownRole = turn.role() == null ? null : AMI_ROLES.get(turn.role().toUpperCase(Locale.ROOT));
        return switch (word) {
            case "you", "you're", "you'll", "your" ->
                client
                        ? new Owner(Kind.TEAM, "team", null, word, 0.7)
                        : turn.role() != null && !isTeamWide(turn.role())
                                ? new Owner(Kind.CLIENT, "client", null, word, 0.6)
                                : new Owner(Kind.TEAM, "team", null, word, 0.5);
            case "we", "we're", "we'll", "us", "our" ->
                client
                        ? new Owner(Kind.CLIENT, "client", null, word, 0.65)
                        : new Owner(Kind.TEAM, "team", ownRole, word, 0.65);
            default ->
                client
                        ? new Owner(Kind.CLIENT, turn.speaker() == null ? "client" : turn.speaker(), null, word, 0.7)
                        : new Owner(
                                Kind.PERSON, turn.speaker() == null ? "speaker" : turn.speaker(), ownRole, word, 0.7);
        };
    }

    /** A role naming the client's side ("client", "customer", "client:CMO"). */
    public static boolean isClient(@Nullable String role) {
        if (role == null) {
            return false;
        }
        String r = role.toLowerCase(Locale.ROOT);
        return r.startsWith("client") || r.startsWith("customer");
    }

    /** Roles of an internal meeting (AMI's PM, ID, UI, ME): "you" there is a colleague, so the team. */
    private static boolean isTeamWide(String role) {
        return AMI_ROLES.containsKey(role.toUpperCase(Locale.ROOT));
    }
}
