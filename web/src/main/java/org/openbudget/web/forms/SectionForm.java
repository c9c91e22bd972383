package org.openbudget.web.forms;

import java.util.List;
import java.util.Map;

/** A form that edits some top-level keys of a dataset. */
public interface SectionForm {
    /**
     * The keys this form owns and their new values (a null value removes the key). Problems the
     * dataset reader could not locate in a form's terms (two rows for one key) are added to {@code problems}.
     *
     * @param department a department's own dataset (it has no projects or lines of its own)
     */
    Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems);

    /** A form field (an input's name) in words: "第 3 行 金额". */
    String describe(String field);
}
