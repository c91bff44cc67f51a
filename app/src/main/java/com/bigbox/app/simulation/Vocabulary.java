package com.bigbox.app.simulation;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How clients talk: many ways to say each need — the words the engine's rules look for, synonyms they do not
 * know, typos, and asides about other things — written without looking at the rules, as a client would.
 */
final class Vocabulary {
    /** Ways a client describes each service, as a goal in the meeting's notes. */
    static final Map<String, List<String>> GOALS = Map.of(
            "brand_identity",
                    List.of(
                            "refresh our brand identity",
                            "a new logo and a look to go with it",
                            "rebrand the company",
                            "our visual identity feels dated",
                            "a new corporate design",
                            "naming and packaging for the range",
                            "make us look like a serious company",
                            "brnad refresh before the funding round",
                            "new colours, type, the lot"),
            "campaign",
                    List.of(
                            "run a campaign for the new season",
                            "social ads for the summer",
                            "get the word out about our product",
                            "a marketing push in the spring",
                            "promote the new line on Instagram and TikTok",
                            "a campain for the relaunch",
                            "advertising on radio and outdoor",
                            "more people need to hear about us",
                            "a drive to sign up new members"),
            "event_activation",
                    List.of(
                            "plan a launch event",
                            "a pop-up stand at the trade fair",
                            "something experiential at the expo",
                            "a product launch party",
                            "a roadshow across five cities",
                            "our launch evnet in March",
                            "a booth people remember at the conference",
                            "a tasting tour of the stores",
                            "the opening night of the new venue"),
            "web",
                    List.of(
                            "rebuild our website",
                            "a new online shop",
                            "our site is slow and old",
                            "landing pages for sign-ups",
                            "an e-commerce store that works on phones",
                            "a new webiste",
                            "a booking system for customers",
                            "move the shop off the old platform",
                            "the portal our customers log into"));

    /** Other things clients mention in the same breath. */
    static final List<String> ASIDES = List.of(
            "reach new customers",
            "grow in the north",
            "maybe a few ads later on",
            "keep the budget under control",
            "the board wants results by summer",
            "we liked your work for a friend of ours",
            "a new logo might come up at some point",
            "possibly an event for staff",
            "the website needs a look too, eventually");

    /** What clients ask for at the end of a discovery meeting. */
    static final List<String> ACTION_ITEMS = List.of(
            "Send moodboard examples",
            "Share the timeline with the client",
            "Send a first price indication",
            "Book the kick-off workshop",
            "Share two case studies from the sector",
            "Draft the project brief",
            "Check availability of the venue",
            "Send the proposal deck",
            "Set up a call with their marketing lead",
            "Review their current analytics");

    /** How urgency is put on a web form. */
    static final List<String> URGENT = List.of("high", "urgent", "asap", "ASAP", "this month please", "high priority");

    static final List<String> NOT_URGENT = List.of("normal", "no rush", "flexible", "low", "when you can", "medium");

    /** Sentences of an inquiry: serious ones say what and when, others are vague or not an inquiry at all. */
    static final List<String> SERIOUS = List.of(
            "We are looking for a partner for %s.",
            "Timing matters: we launch in the spring.",
            "The budget is being approved this month.",
            "We would like to talk about scope, team and next steps.",
            "We have worked with two agencies before and want someone who stays.",
            "Our board signs off next week.",
            "Could you send references and a rough price?");

    static final List<String> VAGUE = List.of(
            "Hi, can you help with %s?",
            "Saw your website.",
            "Just curious what you charge.",
            "We are a small team, not sure yet what we need.",
            "A friend said you might help.");
    /** Long messages that are not business: sales pitches and job applications. */
    static final List<String> NOT_A_CLIENT = List.of(
            "We are an SEO agency and can bring your website to the first page of search results within weeks, guaranteed; "
                    + "reply to this message for a free audit of your online presence.",
            "I am a graphic design student looking for an internship from the summer; I attach my portfolio and would love to "
                    + "hear whether you take interns in your studio.",
            "Dear partner, we offer offshore development at very competitive rates, with teams ready to start next Monday; "
                    + "let us schedule a quick call this week.");

    private Vocabulary() {}

    static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
