package com.bigbox.autonomic.chaos;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a role is simulated absent ({@link FaultKind#SIMULATE_HUMAN_ABSENCE}): while it is, the
 * approvals service refuses that role's decisions, so its approvals must be approved by silence or
 * escalated when they expire — none may be lost.
 */
public final class HumanAbsence {
    private final ActiveFaults faults;
    private final Clock clock;

    public HumanAbsence(ActiveFaults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /** Until when {@code role} answers nothing, if it is absent now. */
    public Optional<Instant> absentUntil(String role) {
        Instant now = clock.instant();
        return faults.current().stream()
                .filter(f -> f.kind() == FaultKind.SIMULATE_HUMAN_ABSENCE && f.activeAt(now) && role.equals(f.role()))
                .map(Fault::endsAt)
                .max(Instant::compareTo);
    }
}
