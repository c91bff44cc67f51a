package com.bigbox.app.simulation;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

/**
 * How a discovery meeting sounds: small talk, a client asking for things in their own words (several ways for each
 * of {@link Vocabulary#ACTION_ITEMS}), the account manager saying yes or offering more, the client turning an offer
 * down or leaving it open, and how a client sounds when unhappy or pleased. Written as people talk, from the
 * client's side, without looking at what the meeting agent's extractor keys on.
 */
final class MeetingTalk {
    /** Ways a client asks for each item. */
    static final Map<String, List<String>> ASKS = Map.ofEntries(
            entry(
                    "Send moodboard examples",
                    List.of(
                            "Could you send us a few moodboard examples so we can see the direction?",
                            "I'd love to see some moodboards before we commit to anything.",
                            "Can you show us some visual references, a mood board or two?",
                            "Before the next step we'd want examples of the look and feel you have in mind.",
                            "Send over some moodboard ideas when you can.")),
            entry(
                    "Share the timeline with the client",
                    List.of(
                            "Can you share a timeline with us, so we know what happens when?",
                            "We need to see the schedule week by week before I can take it upstairs.",
                            "Could you put the timeline in writing and send it to me?",
                            "I'd like a rough plan of the phases and the dates.",
                            "Please let us have the timeline you just walked us through.")),
            entry(
                    "Send a first price indication",
                    List.of(
                            "Could you give us a first idea of the price?",
                            "Roughly what would this cost? Send me a ballpark figure.",
                            "We'd need a first price indication before the board meets.",
                            "Can you send a rough quote, nothing binding?",
                            "I'll need some numbers from you, even just a range.")),
            entry(
                    "Book the kick-off workshop",
                    List.of(
                            "Let's book the kick-off workshop, can you find a date?",
                            "Could you set up a kickoff session with our team?",
                            "We should get a workshop in the calendar to get things started.",
                            "Can you organise the kick-off with everyone in the room?",
                            "Please propose a couple of dates for a kick-off workshop.")),
            entry(
                    "Share two case studies from the sector",
                    List.of(
                            "Do you have case studies from our sector? Send me two.",
                            "It would help to see work you did for companies like ours.",
                            "Could you share a couple of examples from our industry?",
                            "My boss will ask for references in our field, can you send some?",
                            "Send us a case study or two from similar clients, please.")),
            entry(
                    "Draft the project brief",
                    List.of(
                            "Could you write up a brief from what we discussed?",
                            "Can you draft the project brief and we'll comment on it?",
                            "I'd like the brief on paper so the team can react to it.",
                            "Please turn today's conversation into a first brief.",
                            "We'll need a written brief to circulate internally.")),
            entry(
                    "Check availability of the venue",
                    List.of(
                            "Can you check whether the venue is free on those dates?",
                            "Could you find out if the hall is available in March?",
                            "We need to know the venue is available before anything else.",
                            "Please check availability of the place we talked about.",
                            "Can someone call the venue and ask about the dates?")),
            entry(
                    "Send the proposal deck",
                    List.of(
                            "Could you send me the deck you just presented?",
                            "Send us the slides, please, I want to show them to my partner.",
                            "Can we get the proposal as a deck we can forward?",
                            "Please share the presentation with me after this.",
                            "I'd like the proposal deck in my inbox by the end of the week.")),
            entry(
                    "Set up a call with their marketing lead",
                    List.of(
                            "You should talk to our head of marketing, can you set up a call with her?",
                            "Could you arrange a call with our marketing lead?",
                            "I'd like you to meet Priya, who runs marketing; can you get something in her diary?",
                            "Set up a call with our marketing manager, she'll have opinions.",
                            "Please reach out to our marketing lead for a chat next week.")),
            entry(
                    "Review their current analytics",
                    List.of(
                            "Could you have a look at our analytics and tell us what you see?",
                            "I can give you access to our numbers; can you review them?",
                            "Please go through our current data before proposing anything.",
                            "Can you dig into our web traffic and sales figures?",
                            "We'd like you to review the analytics we have today.")));

    /** Each item as the account manager would offer it, unasked. */
    static final Map<String, String> OFFERED = Map.ofEntries(
            entry("Send moodboard examples", "some moodboard examples"),
            entry("Share the timeline with the client", "a detailed timeline"),
            entry("Send a first price indication", "a first price indication"),
            entry("Book the kick-off workshop", "a kick-off workshop"),
            entry("Share two case studies from the sector", "two case studies from your sector"),
            entry("Draft the project brief", "a draft of the project brief"),
            entry("Check availability of the venue", "a check on the venue's availability"),
            entry("Send the proposal deck", "our proposal deck"),
            entry("Set up a call with their marketing lead", "a call with your marketing lead"),
            entry("Review their current analytics", "a review of your current analytics"));

    /** The account manager offering something nobody asked for ({@code %s}: the item as offered). */
    static final List<String> OFFERS = List.of(
            "We could also send you %s, if that helps?",
            "Would %s be useful? Happy to do it.",
            "Another thing we often do at this stage is %s.",
            "I could put together %s for you as well.",
            "Shall we add %s while we're at it?");

    /** The client turning an offer down, or leaving it open. */
    static final List<String> NOT_NOW = List.of(
            "Not for now, thanks.",
            "Let's leave that for later.",
            "Maybe, I'll think about it.",
            "I don't think we need that.",
            "Hm, not sure yet.",
            "Possibly, but it's not a priority.");

    /** The account manager saying yes to a request. */
    static final List<String> YES = List.of(
            "Sure, I'll get that to you by Friday.",
            "Of course, consider it done.",
            "Yes, we can do that this week.",
            "Noted, I'll take care of it.",
            "Absolutely, I'll send it over tomorrow.",
            "Good idea, I'll sort that out.",
            "Will do, early next week at the latest.",
            "No problem, leave that with me.");

    static final List<String> HELLO_TEAM = List.of(
            "Thanks for making the time today.",
            "Good to finally meet you.",
            "How was the trip over?",
            "Shall we get started?",
            "Did you find the place all right?");

    static final List<String> HELLO_CLIENT = List.of(
            "Happy to be here.",
            "Thanks for having us.",
            "The traffic was terrible, but we made it.",
            "Nice office you have.",
            "Sorry, I'm a couple of minutes late.");

    static final List<String> ASK_GOALS = List.of(
            "So tell me what you're hoping to achieve.",
            "What's the main thing you need from us?",
            "Where would you like to start?");

    /** A client's goal in their words ({@code %s}: the goal as the world states it). */
    static final List<String> GOAL =
            List.of("What we're after is %s.", "Mainly, %s.", "Honestly, %s.", "The big thing for us: %s.");

    static final List<String> ASIDE = List.of("Also, %s.", "And %s, by the way.", "Oh, and %s.");

    static final List<String> ASK_BUDGET =
            List.of("Do you have a budget in mind?", "What sort of budget are we talking about?");

    /** {@code %s}: the stated budget, written as a person would. */
    static final List<String> BUDGET =
            List.of("We have about %s set aside for this.", "The budget is around %s.", "Our ceiling is roughly %s.");

    static final List<String> NO_BUDGET =
            List.of("We haven't fixed a budget yet.", "That depends on what you propose, to be honest.");

    static final List<String> ASK_TIMING = List.of("And timing?", "When would you need it by?");

    /** {@code %d}: weeks. */
    static final List<String> TIMING = List.of(
            "We'd like it done within %d weeks.", "Ideally in about %d weeks.", "We have %d weeks, more or less.");

    static final List<String> NO_TIMING = List.of("No fixed deadline yet.", "We're flexible on timing.");

    /** How an unhappy client sounds. */
    static final List<String> UNHAPPY = List.of(
            "Honestly, we've been let down by agencies before and I'm sceptical.",
            "I'm not happy with how long it took to get this meeting.",
            "Frankly, this feels expensive for what it is.",
            "I have to say I'm disappointed so far.",
            "We're frustrated, our last launch was a disaster.",
            "I'm worried this is going to be a waste of money.");

    static final List<String> PLEASED = List.of(
            "We're really excited about this.",
            "I love the work you showed us.",
            "This sounds great, exactly what we hoped for.");

    static final List<String> BYE_TEAM =
            List.of("Great, thanks everyone.", "I think that covers it.", "Lovely to meet you.");

    static final List<String> BYE_CLIENT =
            List.of("Thanks, speak soon.", "Good meeting, thank you.", "Talk next week then.");

    /** An account manager's notes of a discovery call the client missed. */
    static final List<String> NO_SHOW = List.of(
            "The client did not join the discovery call.",
            "Nobody from the client's side turned up today.",
            "Waited twenty minutes, the client never dialled in.");

    static final List<String> NO_SHOW_FOLLOW =
            List.of("Tried their phone, no answer.", "Sent a quick email, no reply yet.", "Left a voicemail.");

    /** The note that asks for what the world records as requested when the client misses the meeting. */
    static final List<String> RESCHEDULE = List.of(
            "We need to reschedule the discovery call.",
            "Find a new slot for the discovery call.",
            "Reschedule the discovery call with them.");

    private MeetingTalk() {}
}
