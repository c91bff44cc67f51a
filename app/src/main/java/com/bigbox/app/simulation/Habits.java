package com.bigbox.app.simulation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the simulated people err, every number printed in the report's header. The defaults were set before any
 * run was measured with them, from what people in an agency plausibly do — not from what makes the targets.
 *
 * @param absent share of approvals nobody answers (holidays, a full inbox): silence or escalation takes over
 * @param approveWrong share of wrong decisions a person approves anyway (they did not check, or could not know)
 * @param rejectRight share of right decisions a person turns down (caution, a misunderstanding)
 * @param noticeWrong share of wrong decisions that took effect alone which somebody notices later and overrides
 * @param noticeDays at most how many business days after a decision somebody notices it (at least 1)
 * @param overrideRight share of right decisions that took effect alone which somebody overrides by mistake
 */
public record Habits(
        double absent,
        double approveWrong,
        double rejectRight,
        double noticeWrong,
        int noticeDays,
        double overrideRight) {
    public static final Habits DEFAULTS = new Habits(0.10, 0.10, 0.03, 0.60, 10, 0.01);

    public Habits {
        for (double share : new double[] {absent, approveWrong, rejectRight, noticeWrong, overrideRight}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("--people: shares are between 0 and 1, was " + share);
            }
        }
        if (noticeDays < 1 || noticeDays > 60) {
            throw new IllegalArgumentException("--people: notice_days is between 1 and 60, was " + noticeDays);
        }
    }

    /** The defaults with some changed, from {@code key=value,key=value} (the keys as printed). */
    public static Habits parse(String text) {
        var values = new LinkedHashMap<>(DEFAULTS.asMap());
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=", 2);
                String key = kv[0].strip();
                if (kv.length != 2 || !values.containsKey(key)) {
                    throw new IllegalArgumentException("--people: expected key=value with a key among "
                            + values.keySet() + ", was '" + pair + "'");
                }
                try {
                    values.put(key, Double.parseDouble(kv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--people: " + key + " needs a number, was '" + kv[1] + "'");
                }
            }
        }
        return new Habits(
                values.get("absent"),
                values.get("approve_wrong"),
                values.get("reject_right"),
                values.get("notice_wrong"),
                (int) Math.round(values.get("notice_days")),
                values.get("override_right"));
    }

    Map<String, Double> asMap() {
        var m = new LinkedHashMap<String, Double>();
        m.put("absent", absent);
        m.put("approve_wrong", approveWrong);
        m.put("reject_right", rejectRight);
        m.put("notice_wrong", noticeWrong);
        m.put("notice_days", (double) noticeDays);
        m.put("override_right", overrideRight);
        return m;
    }

    /** One line for the report: {@code absent=0.10, approve_wrong=0.10, ...}. */
    public String describe() {
        return asMap().entrySet().stream()
                .map(e -> e.getKey().equals("notice_days")
                        ? e.getKey() + "=" + e.getValue().intValue()
                        : String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
