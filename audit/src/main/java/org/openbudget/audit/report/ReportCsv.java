package org.openbudget.audit.report;

import java.util.List;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;

/**
 * The findings as CSV, one per row, for Excel: UTF-8 with a byte-order mark, every field quoted,
 * CRLF line ends, and injection-safe — a field that a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, except a
 * plain negative number.
 */
public final class ReportCsv {
    public static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("严重程度", "审核编号", "位置", "表", "编码", "项目", "列", "说明部分", "应为", "实为",
            "说明", "页", "行", "依据");

    private ReportCsv() {}

    public static String write(DocumentAudit.Result a) {
        StringBuilder b = new StringBuilder(BOM);
        row(b, HEADER);
        for (Finding f : a.findings()) {
            Evidence e = Evidence.of(a, f);
            row(b, List.of(f.severity().label(), f.id(), f.location(), f.table() == null ? "" : String.valueOf(f.table()), f.code(),
                    f.project(), f.column(), f.section() == null ? "" : f.section(), nz(f.expected()), nz(f.found()), nz(f.message()),
                    e.page() > 0 ? String.valueOf(e.page()) : "", e.line() > 0 ? String.valueOf(e.line()) : "", e.text()));
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One CSV row: its fields quoted and formula-safe, CRLF at the end (every CSV report of this package writes rows so). */
    static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(cells.get(i)));
        }
        b.append("\r\n");
    }

    /** One quoted, formula-safe field. */
    static String field(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-\\d[\\d,]*(\\.\\d+)?")) v = "'" + v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
