package com.bigbox.autonomic.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TotalCheckTest {
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final UUID unknownOutcome = UUID.randomUUID();
    final UUID stranger = UUID.randomUUID();

    @Test
    void everyReaderMustDeliverEveryAcknowledgedAndEveryStoredEventOnce() {
        Map<String, Map<UUID, Long>> deliveries = new LinkedHashMap<>();
        deliveries.put("feed:a", Map.of(a, 1L, b, 1L, c, 1L, unknownOutcome, 1L));
        deliveries.put("feed:b", Map.of(a, 1L, b, 2L, stranger, 1L));
        deliveries.put("subscription:chaos-probe", Map.of(a, 1L, b, 1L, c, 1L));
        // unknownOutcome was attempted but never acknowledged, and the store kept it: it must arrive too.
        TotalCheck check = TotalCheck.of(
                Set.of(a, b, c, unknownOutcome), Set.of(a, b, c), Set.of(a, b, c, unknownOutcome), deliveries);

        assertThat(check.readers().keySet()).containsExactly("feed:a", "feed:b", "subscription:chaos-probe");
        assertThat(check.readers().get("feed:a").anomalies()).isZero();
        assertThat(check.readers().get("feed:b")).isEqualTo(new TotalCheck.Reader(3, 2, 1, 1));
        assertThat(check.readers().get("subscription:chaos-probe").lost()).isEqualTo(1);
        assertThat(check.lost()).isEqualTo(3);
        assertThat(check.duplicated()).isEqualTo(1);
        assertThat(check.unexpected()).isEqualTo(1);
        assertThat(check.anomalies()).isEqualTo(5);
        assertThat(check.failedAttempts()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedEventMissingFromTheStoreIsLost() {
        TotalCheck check = TotalCheck.of(Set.of(a, b), Set.of(a, b), Set.of(a), Map.of("feed:a", Map.of(a, 1L)));
        assertThat(check.lostFromStore()).isEqualTo(1);
        assertThat(check.lost()).isEqualTo(2);
        assertThat(TotalCheck.of(Set.of(), Set.of(), Set.of(), Map.of()).anomalies())
                .isZero();
    }
}
