package com.bigbox.autonomic.meetings.extraction;

import java.util.List;
import java.util.Set;

/**
 * The fixed split of the 110 AMI development meetings: whole series are held out, so that the same four people
 * never appear on both sides. Rule (deterministic, written down before any training): sort the 38 series names
 * and hold out every fourth one, starting with the fourth (index % 4 == 3). No training, tuning or feature choice
 * may look at a held-out meeting; {@link ActionItemTrainer} refuses them. The list is a resource that
 * {@code scripts/ami-split} reads too, so the folders it makes agree with this class.
 */
public final class AmiSplit {
    static final String RESOURCE = "/com/bigbox/autonomic/meetings/extraction/ami-heldout-series.txt";
    public static final Set<String> HELD_OUT_SERIES = read();

    private AmiSplit() {}

    private static Set<String> read() {
        try (var in = AmiSplit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static boolean heldOut(AmiMeeting m) {
        return HELD_OUT_SERIES.contains(m.series());
    }

    public static List<AmiMeeting> development(List<AmiMeeting> all) {
        return all.stream().filter(m -> !heldOut(m)).toList();
    }

    public static List<AmiMeeting> heldOut(List<AmiMeeting> all) {
        return all.stream().filter(AmiSplit::heldOut).toList();
    }
}
