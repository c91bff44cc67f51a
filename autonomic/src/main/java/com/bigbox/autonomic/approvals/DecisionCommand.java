package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.InvalidInputException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a person decides about an approval. */
public sealed interface DecisionCommand {
    String by();

    String notes();

    record Approve(String by, String notes) implements DecisionCommand {
        public Approve {
            by = checkBy(by);
            notes = checkNotes(notes, false);
        }
    }

    record Reject(String by, String notes) implements DecisionCommand {
        public Reject {
            by = checkBy(by);
            notes = checkNotes(notes, true);
        }
    }

    /** Approve with changes: the flow continues with the decision's payload fields replaced by {@code modifications}. */
    record Modify(String by, String notes, Map<String, Object> modifications) implements DecisionCommand {
        public Modify {
            by = checkBy(by);
            notes = checkNotes(notes, true);
            if (modifications == null || modifications.isEmpty()) {
                throw new InvalidInputException(
                        "modifications", "modifications must name at least one field to change");
            }
            modifications = Map.copyOf(modifications);
        }
    }

    /**
     * @param decision approve, reject or modify
     * @throws InvalidInputException naming the field that is wrong
     */
    static DecisionCommand parse(String decision, String by, String notes, Map<String, Object> modifications) {
        if (decision == null) {
            throw new InvalidInputException("decision", "decision is required: approve, reject or modify");
        }
        return switch (decision) {
            case "approve", "approved" -> {
                if (modifications != null && !modifications.isEmpty()) {
                    yield new Modify(by, notes == null ? "approved with changes" : notes, modifications);
                }
                yield new Approve(by, notes);
            }
            case "reject", "rejected" -> new Reject(by, notes);
            case "modify", "modified", "override" -> new Modify(by, notes, modifications);
            default ->
                throw new InvalidInputException(
                        "decision", "decision must be approve, reject or modify, was '" + decision + "'");
        };
    }

    private static String checkBy(String by) {
        if (by == null || by.isBlank()) {
            throw new InvalidInputException("decided_by", "decided_by is required: the person deciding");
        }
        if (by.length() > 200) {
            throw new InvalidInputException("decided_by", "decided_by is longer than 200 characters");
        }
        return by.strip();
    }

    private static @Nullable String checkNotes(@Nullable String notes, boolean required) {
        if (notes == null || notes.isBlank()) {
            if (required) {
                throw new InvalidInputException("notes", "notes are required: say why");
            }
            return null;
        }
        if (notes.length() > 5000) {
            throw new InvalidInputException("notes", "notes are longer than 5000 characters");
        }
        return notes.strip();
    }
}
