package com.bigbox.autonomic.chaos;

/** An experiment definition that cannot run; {@link #field()} is the path of the offending key. */
public final class InvalidExperimentException extends IllegalArgumentException {
    private final String field;

    public InvalidExperimentException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
