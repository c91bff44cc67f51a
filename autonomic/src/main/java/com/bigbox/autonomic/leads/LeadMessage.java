package com.bigbox.autonomic.leads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a lead's message and urgency say, read the way an account manager skims an inbox: is it someone selling to
 * us or asking for a job rather than a client, does it say what they want and by when, how much does it say. The
 * cue lists are ordinary English, not any one sender's phrasing; each cue found is named in the reasons.
 */
record LeadMessage(
        int words,
        int sentences,
        List<String> pitchCues,
        List<String> jobCues,
        @Nullable String what,
        @Nullable String when,
        Urgency urgency) {

    enum Urgency {
        NONE,
        LOW,
        STATED,
        HIGH
    }

    /** A vendor writing to sell us something: it talks about its own offer and our growth, not a project. */
    private static final Pattern PITCH = cues(
            "we offer",
            "we provide",
            "we specialize",
            "we specialise",
            "our services",
            "our agency",
            "our platform",
            "our software",
            "our tool",
            "our team of",
            "i can help you",
            "we can help you",
            "we help (?:businesses|companies|agencies|brands)",
            "partnership",
            "partner with you",
            "white[- ]label",
            "outsourc\\w*",
            "reseller",
            "seo services",
            "link building",
            "backlinks?",
            "guest posts?",
            "free trial",
            "(?:book|schedule) a (?:demo|call)",
            "special offer",
            "limited time",
            "discount",
            "(?:grow|boost|increase|scale) your",
            "rank(?:ing)? (?:on|in) google",
            "first page of google",
            "dedicated developers",
            "unsubscribe",
            "we are an? \\w+ (?:agency|company|studio|firm|team)",
            "we're an? \\w+ (?:agency|company|studio|firm|team)",
            "our clients",
            "case stud(?:y|ies)",
            "i (?:noticed|came across|was checking|visited) your",
            "agencies like yours",
            "companies like yours",
            "if you(?:'re| are) interested",
            "affordable",
            "low[- ]cost",
            "rates start",
            "hourly rate",
            "satisfaction guaranteed",
            "team of experts",
            "on behalf of",
            "(?:marketing|development|design) services",
            "calendly",
            "appointment setting",
            "our offer");

    /** Someone asking for work at the agency rather than for work from it. */
    private static final Pattern JOB = cues(
            "r[eé]sum[eé]",
            "cv",
            "curriculum vitae",
            "cover letter",
            "apply(?:ing)? for",
            "application for",
            "jobs?",
            "vacanc(?:y|ies)",
            "positions?",
            "internships?",
            "intern",
            "hiring",
            "hire me",
            "my portfolio",
            "years of experience",
            "graduated?",
            "my skills",
            "looking for (?:work|a role|a job|employment)",
            "employment",
            "join your team",
            "work for you",
            "i am a (?:\\w+ )?designer",
            "i'm a (?:\\w+ )?designer",
            "applying",
            "my application",
            "careers?",
            "recruit\\w*",
            "degree",
            "university",
            "student",
            "my experience",
            "full[- ]time",
            "part[- ]time",
            "salary",
            "available to start",
            "work experience",
            "opportunit(?:y|ies) (?:at|with|in) your",
            "roles? (?:at|with|in) your");

    /** Saying what they want: a need and a thing to make. */
    private static final Pattern WHAT = cues(
            "need",
            "needs",
            "looking for",
            "want",
            "would like",
            "help with",
            "project",
            "build",
            "create",
            "design",
            "redesign",
            "launch",
            "refresh",
            "update",
            "new",
            "plan",
            "develop",
            "make");

    /** Saying by when: a date, a season, a span of weeks or months. */
    private static final Pattern WHEN = cues(
            "before",
            "deadline",
            "weeks?",
            "months?",
            "days",
            "q[1-4]",
            "quarter",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "next year",
            "this year",
            "asap",
            "soon",
            "date");

    private static final Pattern HIGH_URGENCY = cues(
            "high",
            "urgent",
            "urgently",
            "asap",
            "as soon as possible",
            "immediately",
            "right away",
            "this week",
            "quickly",
            "rush job",
            "critical");

    private static final Pattern LOW_URGENCY = cues(
            "low",
            "no rush",
            "no hurry",
            "whenever",
            "flexible",
            "not urgent",
            "someday",
            "eventually",
            "just browsing",
            "just looking",
            "exploring");

    static LeadMessage read(@Nullable String message, @Nullable String urgency) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String words = text.strip();
        return new LeadMessage(
                words.isEmpty() ? 0 : words.split("\\s+").length,
                words.isEmpty() ? 0 : words.split("[.!?]+(?:\\s+|$)").length,
                found(PITCH, text),
                found(JOB, text),
                first(WHAT, text),
                first(WHEN, text),
                urgency(urgency));
    }

    private static Urgency urgency(@Nullable String urgency) {
        if (urgency == null || urgency.isBlank()) {
            return Urgency.NONE;
        }
        String u = urgency.toLowerCase(Locale.ROOT);
        if (LOW_URGENCY.matcher(u).find()) {
            return Urgency.LOW;
        }
        return HIGH_URGENCY.matcher(u).find() ? Urgency.HIGH : Urgency.STATED;
    }

    private static Pattern cues(String... cues) {
        return Pattern.compile("\\b(?:" + String.join("|", cues) + ")\\b");
    }

    private static List<String> found(Pattern pattern, String text) {
        var cues = new ArrayList<String>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!cues.contains(m.group())) {
                cues.add(m.group());
            }
        }
        return cues;
    }

    private static @Nullable String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }
}
