package com.bigbox.autonomic.improvement.doctrine;

import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When the agency went live, from which the doctrine counts its weeks: {@code BIGBOX_GO_LIVE} when set,
 * otherwise the date of the first event in the log (and today, for an empty log).
 */
public record GoLive(Optional<LocalDate> configured) {
    public static GoLive fromFirstEvent() {
        return new GoLive(Optional.empty());
    }

    public static GoLive on(LocalDate date) {
        return new GoLive(Optional.of(date));
    }

    public LocalDate date(UnitOfWork work, ImprovementFacts facts, Instant now) {
        return configured.orElseGet(() ->
                facts.firstEventAt(work).orElse(now).atZone(ZoneOffset.UTC).toLocalDate());
    }
}
