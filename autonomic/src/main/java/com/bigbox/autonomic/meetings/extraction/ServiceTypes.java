package com.bigbox.autonomic.meetings.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The service a client asks for, mapped to the service types the SOP catalogue's preconditions name
 * ({@code brand_identity}, {@code event_activation}, {@code campaign}, {@code web}; otherwise
 * {@code creative_services}), with the turn and words that said it.
 */
public final class ServiceTypes {
    /** A service type with its evidence and how many turns asked for it. */
    public record Wanted(
            String serviceType,
            @Nullable String turnId,
            @Nullable String words,
            int mentions,
            double confidence) {}

    private static final Map<String, Pattern> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(
                "brand_identity",
                Pattern.compile("\\b(brand(?:ing)?|rebrand|logo|visual identity|identity|style guide)\\b"));
        KEYWORDS.put(
                "event_activation",
                Pattern.compile("\\b(event|activation|launch party|trade show|exhibition|pop-up|booth)\\b"));
        KEYWORDS.put(
                "campaign", Pattern.compile("\\b(campaign|advert(?:ising)?|ads|social media|commercial|media buy)\\b"));
        KEYWORDS.put("web", Pattern.compile("\\b(website|web site|landing page|web shop|webshop|online shop|app)\\b"));
    }

    private ServiceTypes() {}

    /** The service type most turns ask for, or {@code creative_services} with low confidence if none does. */
    public static Wanted wanted(List<Turn> turns) {
        Wanted best = null;
        for (var entry : KEYWORDS.entrySet()) {
            int mentions = 0;
            String firstTurn = null;
            String firstWords = null;
            for (Turn t : turns) {
                Matcher m = entry.getValue().matcher(t.text().toLowerCase(Locale.ROOT));
                if (m.find()) {
                    mentions++;
                    if (firstTurn == null) {
                        firstTurn = t.id();
                        firstWords = m.group();
                    }
                }
            }
            if (mentions > 0 && (best == null || mentions > best.mentions())) {
                best = new Wanted(entry.getKey(), firstTurn, firstWords, mentions, Math.min(0.9, 0.6 + 0.1 * mentions));
            }
        }
        return Optional.ofNullable(best).orElse(new Wanted("creative_services", null, null, 0, 0.4));
    }
}
