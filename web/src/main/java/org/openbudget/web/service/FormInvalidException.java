package org.openbudget.web.service;

import java.util.List;

import org.openbudget.io.InputProblem;
import org.openbudget.web.forms.FieldProblem;

/** A form whose values do not read: nothing was saved; each problem names its form field. */
public class FormInvalidException extends InvalidDatasetException {
    private final List<FieldProblem> fieldProblems;

    public FormInvalidException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> new InputProblem("表单", 0, p.field() == null ? p.path() : p.field(), p.where() + "：" + p.message())).toList());
        this.fieldProblems = List.copyOf(problems);
    }

    @Override
    public String getMessage() {
        return "表单有 " + fieldProblems.size() + " 处错误，未保存 (nothing was saved)";
    }

    public List<FieldProblem> fieldProblems() { return fieldProblems; }
}
