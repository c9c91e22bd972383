package org.openbudget.web.service;

import java.util.List;

import org.openbudget.io.InputProblem;

/** A dataset that cannot be read: nothing was saved; every problem is located. */
public class InvalidDatasetException extends RuntimeException {
    private final List<InputProblem> problems;

    public InvalidDatasetException(List<InputProblem> problems) {
        this("数据集有 " + problems.size() + " 处错误，未保存 (the dataset was not saved)", problems);
    }

    /** Another uploaded file refused (a reference-data list, a template profile). */
    public InvalidDatasetException(String message, List<InputProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() { return problems; }
}
