package org.openbudget.web.forms;

/**
 * A problem of a form: {@code field} is the form field it belongs to (the input's name, e.g.
 * {@code lines[2].amount}), or null when it is about a part of the dataset this form does not show;
 * {@code path} is where the dataset reader found it ({@code lines[3].amount}); {@code where} says it
 * in words; {@code message} is the reader's.
 */
public record FieldProblem(String field, String path, String where, String message) {
    @Override
    public String toString() {
        return where + "：" + message;
    }
}
