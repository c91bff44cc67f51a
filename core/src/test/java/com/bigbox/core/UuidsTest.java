package com.bigbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
    @Test
    void idsAreVersion7AndSortByTheMillisecondTheyWereMadeIn() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Uuids.timeOrdered());
            Thread.sleep(2);
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(ids).extracting(id -> id.getMostSignificantBits() >>> 16).isSorted();
        long millis = ids.getFirst().getMostSignificantBits() >>> 16;
        assertThat(millis).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        var many = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Uuids.timeOrdered());
        }
        assertThat(many).hasSize(100_000);
    }
}
