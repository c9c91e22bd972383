package org.openbudget.core.profile;

import java.util.List;

/**
 * The signature by which a published document is recognised as made under a profile: table titles
 * it prints (without unit name and year), labels (部门名称：, 预算单位：), table marks (公开表1), phrases
 * of its text, and the unit its tables print amounts in. Scored by the recogniser; a profile with no
 * signature is never chosen by detection (only by name).
 *
 * <p>{@code proven}: documents of this template are read back exactly (its published examples are golden
 * tests), so the audit does not add to its notes how it recognised the document, nor that the reading of
 * this template is still being refined.
 */
public record Detection(List<String> titles, List<String> labels, List<String> marks, List<String> phrases,
                        String amountUnit, boolean proven) {
    public static final Detection NONE = new Detection(List.of(), List.of(), List.of(), List.of(), "");

    public Detection(List<String> titles, List<String> labels, List<String> marks, List<String> phrases, String amountUnit) {
        this(titles, labels, marks, phrases, amountUnit, false);
    }

    public Detection {
        titles = titles == null ? List.of() : List.copyOf(titles);
        labels = labels == null ? List.of() : List.copyOf(labels);
        marks = marks == null ? List.of() : List.copyOf(marks);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        amountUnit = amountUnit == null ? "" : amountUnit;
    }

    public boolean isEmpty() {
        return titles.isEmpty() && labels.isEmpty() && marks.isEmpty() && phrases.isEmpty();
    }
}
