package com.bigbox.autonomic.meetings.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The offline extractor: the trained action-item classifier, the entity typer, due dates, owners, the service
 * keywords and the sentiment lexicon — all from the jar, nothing fetched at run time.
 */
public final class DefaultMeetingExtractor implements MeetingExtractor {
    public static final String NAME = "default";
    private final ActionItemModel actionItems;
    private final EntityExtractor entities;
    private final String version;

    public DefaultMeetingExtractor(ActionItemModel actionItems, EntityExtractor entities, String version) {
        this.actionItems = actionItems;
        this.entities = entities;
        this.version = version;
    }

    /** The models shipped in the jar. */
    public static DefaultMeetingExtractor shipped() {
        ShippedModels models = ShippedModels.load();
        return new DefaultMeetingExtractor(models.actionItems(), new EntityExtractor(models.typer()), models.version());
    }

    @Override
    public MeetingAnalysis analyse(List<Turn> turns, LocalDate meetingDay) {
        List<String> people = turns.stream()
                .map(Turn::speaker)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        double[] p = actionItems.probabilities(turns);
        var items = new ArrayList<MeetingAnalysis.ActionItem>();
        var mentions = new ArrayList<Mention>();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            mentions.addAll(entities.extract(t));
            if (p[i] >= actionItems.threshold()) {
                items.add(item(t, p[i], people, meetingDay));
            }
        }
        var negative = new ArrayList<Sentiment.Negative>();
        double sum = 0;
        int counted = 0;
        boolean anyClient = turns.stream().anyMatch(t -> Owners.isClient(t.role()));
        for (Turn t : turns) {
            if (!anyClient || Owners.isClient(t.role())) {
                Optional<Sentiment.Negative> n = Sentiment.negative(t);
                n.ifPresent(negative::add);
                sum += n.map(Sentiment.Negative::score).orElse(0.0);
                counted++;
            }
        }
        return new MeetingAnalysis(
                NAME,
                version,
                items,
                mentions,
                budget(mentions, turns),
                timelineWeeks(mentions),
                ServiceTypes.wanted(turns),
                negative,
                counted == 0 ? null : sum / counted);
    }

    private static MeetingAnalysis.ActionItem item(Turn t, double probability, List<String> people, LocalDate day) {
        Optional<DueDates.Due> due = DueDates.find(t.text(), day);
        Owners.Owner owner = Owners.of(t, people).orElse(null);
        String what = t.text()
                .replaceAll("(?i)\\b(um+|uh+|erm|er|mm+|hmm+)\\b[,.]?\\s*", "")
                .replaceAll("\\s+", " ")
                .strip();
        return new MeetingAnalysis.ActionItem(
                t.id(),
                t.speaker(),
                what,
                owner,
                due.map(DueDates.Due::date).orElse(null),
                due.map(DueDates.Due::words).orElse(null),
                probability);
    }

    /** The budget: money said next to "budget", else the largest sum of money mentioned. */
    static MeetingAnalysis.@Nullable Amount budget(List<Mention> mentions, List<Turn> turns) {
        MeetingAnalysis.Amount best = null;
        for (Mention m : mentions) {
            if (!m.type().equals("MONEY") || m.value() == null) {
                continue;
            }
            String[] parts = m.value().split(" ");
            BigDecimal value = new BigDecimal(parts[0]);
            String currency = parts.length > 1 ? parts[1] : null;
            boolean said = turns.stream()
                    .filter(t -> Objects.equals(t.id(), m.turnId()))
                    .anyMatch(t -> t.text().toLowerCase(Locale.ROOT).contains("budget"));
            var amount = new MeetingAnalysis.Amount(value, currency, m.turnId(), m.text(), said ? 0.85 : 0.5);
            if (best == null
                    || amount.confidence() > best.confidence()
                    || (amount.confidence() == best.confidence() && value.compareTo(best.value()) > 0)) {
                best = amount;
            }
        }
        return best;
    }

    /** The first duration in weeks or months mentioned, as whole weeks. */
    static @Nullable Integer timelineWeeks(List<Mention> mentions) {
        for (Mention m : mentions) {
            if (m.type().equals("DURATION") && m.value() != null && m.value().matches("P[0-9.]+[WM]")) {
                double n = Double.parseDouble(m.value().substring(1, m.value().length() - 1));
                return (int) Math.round(m.value().endsWith("W") ? n : n * 52.0 / 12.0);
            }
        }
        return null;
    }
}
