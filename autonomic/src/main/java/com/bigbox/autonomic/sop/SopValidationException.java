package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** SOP files that cannot be loaded; every problem of every file is listed, and none was loaded. */
public final class SopValidationException extends InvalidInputException {
    private final List<SopProblem> problems;

    public SopValidationException(List<SopProblem> problems) {
        super(problems.isEmpty() ? "sop" : problems.getFirst().field(), describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SopProblem> problems() {
        return problems;
    }

    private static String describe(List<SopProblem> problems) {
        return problems.size() + " problem(s); nothing was loaded:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
