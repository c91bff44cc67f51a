package com.bigbox.autonomic.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a kind of decision is treated when a person must take it.
 *
 * @param protectedAction always needs a person, whatever the confidence (the doctrine's protected actions)
 * @param silenceApproves an approval that expires unanswered is approved ("silence equals approval");
 *     otherwise it escalates to the next role
 * @param timeout how long each role has to answer
 * @param escalation the roles it goes to, in order; the first gets it
 * @param requiredApprovals how many different people must approve
 */
public record ActionClass(
        String name,
        boolean protectedAction,
        boolean silenceApproves,
        Duration timeout,
        List<String> escalation,
        int requiredApprovals) {
    public ActionClass {
        escalation = List.copyOf(escalation);
        if (escalation.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one role");
        }
    }

    public String firstRole() {
        return escalation.getFirst();
    }

    /** The role after {@code level} escalations, if the chain goes that far. */
    public Optional<String> roleAt(int level) {
        return level < escalation.size() ? Optional.of(escalation.get(level)) : Optional.empty();
    }
}
