package org.openbudget.core.measure;

import org.openbudget.core.disclosure.text.FactKind;

/**
 * What one placeholder of a narrative block's sentence states (refdata/measures.yaml, {@code statements:}): the
 * block kind (assets, performance, other_matters, procurement, three_public, evaluation), the pattern after the
 * block's prefix ("building" → s12.building), the placeholder ("" none: the pattern's words state 0), the fact's
 * key, subject and kind. Declared once: the walker records its fact by it, the compiled outline reads it back.
 * {@code field}: the dataset's field under the block that holds the value ("" when none has its own: derived, or read
 * as part of another), {@code label}: how a form asks for it (the workbook's row, the web's field; the subject when
 * none is given). A count may say what it is held to: {@code of}, the money it counts (a measure: 因公出国（境）团组 of
 * {@code tpe.abroad} — a count of 0 with that money spent, or money of 0 with a count, is a warning of FT.tpe-detail),
 * {@code atLeast}, the keys of the counts it is never below (人次 ≥ 团组).
 */
public record Statement(String block, String pattern, String var, String key, String subject, FactKind kind,
                        String field, String label, String of, java.util.List<String> atLeast) {
    /**
     * The block kind of 第一部分 概况's statements (its 人员情况: {@code p1.staffing}), beside 第三部分's narrative blocks; the
     * dataset's fields under {@code overview:}.
     */
    public static final String OVERVIEW = "overview";

    public Statement {
        var = var == null ? "" : var;
        subject = subject == null ? "" : subject;
        field = field == null ? "" : field;
        label = label == null || label.isBlank() ? subject : label;
        of = of == null ? "" : of;
        atLeast = atLeast == null ? java.util.List.of() : java.util.List.copyOf(atLeast);
    }

    /** A statement held to no money and no other count. */
    public Statement(String block, String pattern, String var, String key, String subject, FactKind kind, String field, String label) {
        this(block, pattern, var, key, subject, kind, field, label, "", java.util.List.of());
    }

    /** A statement of no dataset field of its own (its value derived, or the field named elsewhere). */
    public Statement(String block, String pattern, String var, String key, String subject, FactKind kind) {
        this(block, pattern, var, key, subject, kind, "", "");
    }
}
