package org.openbudget.io;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.openbudget.io.guard.ReadLimits;

/**
 * Bad input: every problem found, each located. The CLI prints them and exits with status 2.
 * A file with more problems than {@link ReadLimits#problems()} (100) keeps the first ones and a last
 * line giving the count of all: thousands of lines help nobody and cost memory.
 */
public class InputException extends RuntimeException {
    private final List<InputProblem> problems;
    private final int total;

    public InputException(List<InputProblem> problems) {
        this(cap(problems), problems.size());
    }

    private InputException(List<InputProblem> kept, int total) {
        super(kept.stream().map(InputProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = kept;
        this.total = total;
    }

    public InputException(String file, int line, String field, String message) {
        this(List.of(new InputProblem(file, line, field, message)));
    }

    private static List<InputProblem> cap(List<InputProblem> all) {
        int max = ReadLimits.current().problems();
        if (all.size() <= max) return List.copyOf(all);
        List<InputProblem> kept = new ArrayList<>(all.subList(0, max));
        InputProblem first = all.get(0);
        kept.add(new InputProblem(first.file(), 0, "", "共发现 " + all.size() + " 个问题，以上列出前 " + max + " 个；请改正后再读取 ("
                + all.size() + " problems in all, the first " + max + " listed)"));
        return List.copyOf(kept);
    }

    /** The problems listed: the first ones, and when there were more, a last one giving the count. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems were found in all. */
    public int total() {
        return total;
    }
}
