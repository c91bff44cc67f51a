package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A discovery meeting as the account manager sends it: a transcript of the client's and the account manager's turns
 * (or, when the client missed it, the account manager's notes). It renders what the world decided — what the client
 * asked for, the item the notes may carry that nobody asked for, the client's mood, the stated service, budget and
 * timeline — and changes none of it.
 *
 * <p>Each line records which requested item it carries, if any: the client's ask and the account manager's yes to
 * it. The truth of a task the meeting agent extracts is read from there ({@link #asked}): the meeting agent titles a
 * task with the words of the turn it came from, so a task is right exactly when its turn carried something the
 * client asked for. No two lines of one write-up have the same words, so a title names one line, and every line is
 * shorter than the agent's title limit (200 characters), so a title is a whole line. The write-up is a
 * function of the lead alone (its own random stream), so the truth can be recomputed from the lead at any time.
 */
record MeetingWriteUp(boolean transcript, List<Line> lines) {
    static final String CLIENT = "client";
    static final String ACCOUNT_MANAGER = "account manager";
    /** The account manager who writes the meetings up (the meeting's {@code person:sam}). */
    static final String SAM = "Sam";

    /**
     * @param speaker null in notes
     * @param carries the requested item the line asks for or agrees to, or null
     */
    record Line(
            @Nullable String speaker,
            @Nullable String role,
            String text,
            @Nullable String carries) {}

    static MeetingWriteUp of(LeadCase lead) {
        KeyedRandom d = KeyedRandom.of(0, "write-up/" + lead.leadId());
        return lead.meeting().attended() ? new Writer(lead, d).transcript() : notes(d);
    }

    /**
     * Whether the line whose words {@code title} are carried a requested item; empty when no line has those words
     * (the title was not taken from this write-up).
     */
    Optional<Boolean> asked(String title) {
        String t = words(title);
        return lines.stream().filter(l -> words(l.text()).equals(t)).findFirst().map(l -> l.carries() != null);
    }

    /** The payload's {@code transcript}: speaker turns with role and seconds from the start. */
    List<Map<String, Object>> turns() {
        var out = new ArrayList<Map<String, Object>>();
        double at = 0;
        for (Line l : lines) {
            double end = at + 1 + 0.35 * l.text().split(" ").length;
            var turn = new LinkedHashMap<String, Object>();
            turn.put("speaker", l.speaker());
            turn.put("role", l.role());
            turn.put("start", Math.round(at * 10) / 10.0);
            turn.put("end", Math.round(end * 10) / 10.0);
            turn.put("text", l.text());
            out.add(turn);
            at = end + 0.5;
        }
        return out;
    }

    /** The payload's {@code notes}: one sentence a line. */
    String notesText() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }

    private static MeetingWriteUp notes(KeyedRandom d) {
        return new MeetingWriteUp(
                false,
                List.of(
                        new Line(null, null, pick(d, MeetingTalk.NO_SHOW), null),
                        new Line(null, null, pick(d, MeetingTalk.NO_SHOW_FOLLOW), null),
                        new Line(null, null, pick(d, MeetingTalk.RESCHEDULE), Agency.RESCHEDULE)));
    }

    // The words as the meeting agent keeps them for a title: fillers gone, spaces single; compared ignoring case.
    static String words(String text) {
        return text.replaceAll("(?i)\\b(um+|uh+|erm|er|mm+|hmm+)\\b[,.]?\\s*", "")
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static String pick(KeyedRandom d, List<String> from) {
        return from.get(d.between(0, from.size() - 1));
    }

    /** Writes one attended meeting, turn by turn. */
    private static final class Writer {
        private final LeadCase lead;
        private final KeyedRandom d;
        private final String client;
        private final List<Line> lines = new ArrayList<>();
        private final Set<String> said = new HashSet<>();

        Writer(LeadCase lead, KeyedRandom d) {
            this.lead = lead;
            this.d = d;
            this.client = lead.inquiry().name();
        }

        MeetingWriteUp transcript() {
            LeadCase.Meeting m = lead.meeting();
            team(MeetingTalk.HELLO_TEAM, null);
            client(MeetingTalk.HELLO_CLIENT, null);
            if (d.chance(0.5)) {
                team(MeetingTalk.HELLO_TEAM, null);
            }
            team(MeetingTalk.ASK_GOALS, null);
            goals(m);
            mood(m.sentiment());
            team(MeetingTalk.ASK_BUDGET, null);
            client(m.statedBudget() == null ? MeetingTalk.NO_BUDGET : format(MeetingTalk.BUDGET, money(m)), null);
            team(MeetingTalk.ASK_TIMING, null);
            client(
                    m.timelineWeeks() == null ? MeetingTalk.NO_TIMING : format(MeetingTalk.TIMING, m.timelineWeeks()),
                    null);
            requestsAndOffers(m);
            team(MeetingTalk.BYE_TEAM, null);
            client(MeetingTalk.BYE_CLIENT, null);
            return new MeetingWriteUp(true, List.copyOf(lines));
        }

        private void goals(LeadCase.Meeting m) {
            for (int i = 0; i < m.goals().size(); i++) {
                client(
                        format(
                                i == 0 ? MeetingTalk.GOAL : MeetingTalk.ASIDE,
                                m.goals().get(i)),
                        null);
            }
        }

        // The client's mood as the account manager heard it: complaints when it went badly, a warm word when well.
        private void mood(double sentiment) {
            int complaints = sentiment < -0.6 ? 3 : sentiment < -0.3 ? 2 : 0;
            for (int i = 0; i < complaints; i++) {
                client(MeetingTalk.UNHAPPY, null);
            }
            if (sentiment > 0.3) {
                client(MeetingTalk.PLEASED, null);
            }
        }

        /**
         * Each request in the client's words, mostly followed by the account manager's yes; the item nobody asked for
         * (when the world gave the meeting one), and now and then another, offered by the account manager and turned
         * down or left open by the client.
         */
        private void requestsAndOffers(LeadCase.Meeting m) {
            List<String> requested = lead.truth().requestedItems();
            var offers = new ArrayList<String>();
            for (String item : m.actionItems()) {
                if (!requested.contains(item)) {
                    offers.add(item);
                }
            }
            if (d.chance(0.3)) {
                String another = pick(d, Vocabulary.ACTION_ITEMS);
                if (!requested.contains(another) && !offers.contains(another)) {
                    offers.add(another);
                }
            }
            var order = new ArrayList<String>(requested);
            for (String offer : offers) {
                order.add(d.between(1, order.size()), offer);
            }
            for (String item : order) {
                if (requested.contains(item)) {
                    client(MeetingTalk.ASKS.get(item), item);
                    if (d.chance(0.7)) {
                        team(MeetingTalk.YES, item);
                    }
                } else {
                    team(format(MeetingTalk.OFFERS, MeetingTalk.OFFERED.get(item)), null);
                    client(MeetingTalk.NOT_NOW, null);
                }
            }
        }

        private void team(List<String> from, @Nullable String carries) {
            say(SAM, ACCOUNT_MANAGER, from, carries);
        }

        private void client(List<String> from, @Nullable String carries) {
            say(client, CLIENT, from, carries);
        }

        // A line whose words were already said in this meeting is not said again (each title names one line).
        private void say(String speaker, String role, List<String> from, @Nullable String carries) {
            var left = new ArrayList<String>();
            for (String s : from) {
                if (!said.contains(words(s))) {
                    left.add(s);
                }
            }
            if (left.isEmpty()) {
                return;
            }
            String text = pick(d, left);
            said.add(words(text));
            lines.add(new Line(speaker, role, text, carries));
        }

        private String money(LeadCase.Meeting m) {
            BigDecimal b = m.statedBudget();
            return d.chance(0.5)
                    ? String.format(Locale.ROOT, "€%,d", b.longValue())
                    : String.format(Locale.ROOT, "%,d euros", b.longValue());
        }

        private List<String> format(List<String> templates, Object value) {
            var out = new ArrayList<String>();
            for (String t : templates) {
                out.add(String.format(Locale.ROOT, t, value));
            }
            return out;
        }
    }
}
