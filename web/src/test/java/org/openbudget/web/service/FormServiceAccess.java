package org.openbudget.web.service;

import java.util.Map;

import org.openbudget.io.InputProblem;
import org.openbudget.web.forms.FieldProblem;
import org.openbudget.web.forms.SectionForm;

/** Test access to the form service's locating of problems. */
public final class FormServiceAccess {
    private FormServiceAccess() {}

    public static FieldProblem locate(InputProblem p, Map<String, String> origins, SectionForm form) {
        return FormService.locate(p, origins, form);
    }
}
