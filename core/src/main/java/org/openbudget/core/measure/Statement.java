package org.openbudget.core.measure;

import org.openbudget.core.disclosure.text.FactKind;

/**
 * What one placeholder of a narrative block's sentence states (refdata/measures.yaml, {@code statements:}): the
 * block kind (assets, performance, other_matters, procurement, three_public, evaluation), the pattern after the
 * block's prefix ("building" → s12.building), the placeholder ("" none: the pattern's words state 0), the fact's
 * key, subject and kind. Declared once: the walker records its fact by it, the compiled outline reads it back.
 */
public record Statement(String block, String pattern, String var, String key, String subject, FactKind kind) {
    public Statement {
        var = var == null ? "" : var;
        subject = subject == null ? "" : subject;
    }
}
