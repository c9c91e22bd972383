package org.openbudget.audit.report;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Origin;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.TextFact;

/**
 * Where a finding is in the document: the table row (or the sentence of 第三部分) it is about, the
 * line of the text it was read from and, for a PDF, the page and the box of the cell (or row) on it.
 *
 * <p>A finding about a row carries the row's {@link Origin} (the reader records where it read every
 * row); only a finding made without a row (a table-level one) is placed at the row of its code, else at
 * the table's total row, else (a table without rows) at its title; a table not printed at all, on the page
 * where it would be. A finding about a row's name is boxed at the name's cell.
 *
 * @param line 1-based line of the text as read (0 when not found)
 * @param page 1-based PDF page (0 for a text, or when not found)
 * @param text the evidence: the row as printed (cells separated by " | ") or the sentence
 * @param box  on a PDF page, the box of the finding's cell (else its row; for a sentence of the text, its line), points
 *             from the top-left; null when unknown
 */
public record Evidence(int line, int page, String text, Origin.Box box) {
    public static final Evidence NONE = new Evidence(0, 0, "", null);

    public static Evidence of(DocumentAudit.Result a, Finding f) {
        if (f.section() != null && !f.section().isEmpty()) {
            Evidence e = sentence(a, f);
            if (e != NONE || f.table() == null) return e;
        }
        if (f.table() == null) return NONE;
        DisclosureTable t = a.disclosure().table(f.table()).orElse(null);
        // a table not printed (table-missing): the page where it would be, after the table printed before it — no box
        if (t == null) return place(a, f.table(), false);
        Origin o = f.origin();
        if (o == null) {
            int index = rowIndex(t, f);
            o = index >= 0 ? t.rows().get(index).origin() : null;
        }
        // a finding about a table without rows (empty-note): its title line
        if ((o == null || o.line() <= 0) && t.rows().isEmpty()) return place(a, f.table(), true);
        if (o == null || o.line() <= 0) return NONE;
        int column = t.columns().indexOf(f.column());
        Origin.Box box = o.cell(column);
        // a finding about a row's name (C.func.name, C.eco.name): the cell the name is printed in, not the row
        if (column < 0 && "名称".equals(f.column()) && a.read() != null) {
            Origin.Box name = a.read().cellHolding(o.line(), a.line(o.line()), f.found());
            if (name != null) box = name;
        }
        return new Evidence(o.line(), o.page() > 0 ? o.page() : a.page(o.line()), printed(a.line(o.line())), box);
    }

    /** Where table {@code no} is printed (its title line, boxed when {@code title}), or would be: page and line, else NONE. */
    private static Evidence place(DocumentAudit.Result a, int no, boolean title) {
        int line = a.read() == null ? 0 : a.read().place(no);
        if (line <= 0) return NONE;
        return new Evidence(line, a.page(line), title ? printed(a.line(line)) : "", title ? a.read().box(line) : null);
    }

    /** The row of a finding made without one: by code (and project), else the table's total row. */
    static int rowIndex(DisclosureTable t, Finding f) {
        List<Row> rows = t.rows();
        if (!f.code().isEmpty() || !f.project().isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.code().equals(f.code()) && r.project().equals(f.project())) return i;
            }
            for (int i = 0; i < rows.size(); i++) if (!f.code().isEmpty() && rows.get(i).code().equals(f.code())) return i;
        }
        if (f.code().isEmpty() && f.project().isEmpty()) {
            for (int i = 0; i < rows.size(); i++) if (rows.get(i).kind() == RowKind.TOTAL) return i;
        }
        return -1;
    }

    private static Evidence sentence(DocumentAudit.Result a, Finding f) {
        List<TextFact> candidates = new ArrayList<>();
        for (TextFact x : a.disclosure().text().facts()) if (x.section().equals(f.section())) candidates.add(x);
        if (candidates.isEmpty()) return NONE;
        TextFact pick = candidates.get(0);
        for (TextFact x : candidates) {
            if (!f.code().isEmpty() && (x.key().endsWith(f.code()) || x.key().equals(f.code()))) {
                pick = x;
                break;
            }
            if (!f.project().isEmpty() && x.subject().contains(f.project())) {
                pick = x;
                break;
            }
            if (f.found() != null && x.value() != null && x.value().toPlainString().equals(f.found())) pick = x;
        }
        String s = pick.sentence();
        int line = 0;
        if (pick.source().startsWith("line:")) {
            // a reader that knows the line it read the fact from says so (the 决算 text reader)
            try {
                line = Integer.parseInt(pick.source().substring(5));
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        if (line == 0 && !s.isEmpty()) {
            String probe = s.replaceAll("\\s+", "");
            probe = probe.substring(0, Math.min(16, probe.length()));
            for (int i = 0; i < a.lines().size(); i++) {
                if (a.lines().get(i).replaceAll("\\s+", "").contains(probe)) {
                    line = i + 1;
                    break;
                }
            }
        }
        // a sentence's box: its (first) line's on the PDF page
        return new Evidence(line, a.page(line), s, line > 0 && a.read() != null ? a.read().box(line) : null);
    }

    private static String printed(String line) {
        String s = line.replace("<b>", "").replace("</b>", "").strip();
        if (s.indexOf('\t') < 0) return s.replaceAll("\\s{2,}", " ");
        StringBuilder b = new StringBuilder();
        for (String c : s.split("\t", -1)) {
            if (b.length() > 0) b.append(" | ");
            b.append(c.strip());
        }
        return b.toString().replaceAll("(\\s*\\|\\s*)+$", "");
    }
}
