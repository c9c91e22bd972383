package org.openbudget.io;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem found, each located. The CLI prints them and exits with status 2. */
public class InputException extends RuntimeException {
    private final List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputException(String file, int line, String field, String message) {
        this(List.of(new InputProblem(file, line, field, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
