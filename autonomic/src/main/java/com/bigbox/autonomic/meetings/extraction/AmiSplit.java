package com.bigbox.autonomic.meetings.extraction;

import java.util.List;
import java.util.Set;

/**
 * The fixed split of the 110 AMI development meetings: whole series are held out, so that the same four people
 * never appear on both sides. Rule (deterministic, written down before any training): sort the 38 series names
 * and hold out every fourth one, starting with the fourth (index % 4 == 3). No training, tuning or feature choice
 * may look at a held-out meeting; {@link ActionItemTrainer} refuses them.
 */
public final class AmiSplit {
    public static final Set<String> HELD_OUT_SERIES = Set.of("ES2005", "ES2009", "ES2014", "IB4005", "IS1001", "IS1005",
            "IS1009", "TS3006", "TS3010");

    private AmiSplit() {}

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
