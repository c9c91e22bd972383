package org.openbudget.audit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.score.Scorecard;

/**
 * The audit of many documents, one line each: which template read it, how many tables, its
 * findings by severity, its scores on the inspection's dimensions with the reasons points were lost —
 * or why it was not read. Written as CSV (UTF-8 with BOM, formula-safe),
 * a self-contained HTML page, or an Excel workbook, for an inspector going through a region.
 */
public final class BatchReport {
    /** Exit status of one document, as {@code ./budget audit FILE} would end: 0 no error, 1 errors, 2 unreadable, 3 internal failure. */
    public record Entry(String file, String outcome, String profile, int year, String unit, int tables,
                        long errors, long warnings, long notices, String message, long millis, int status,
                        Scorecard scores, List<FindingRow> findings) {
        public Entry {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        /** A document read and checked, with its scores on the inspection's dimensions (null: not scored). */
        public static Entry of(String file, DocumentAudit.Result a, long millis, Scorecard scores) {
            Disclosure d = a.disclosure();
            long e = count(a, Severity.ERROR), w = count(a, Severity.WARNING), n = count(a, Severity.NOTICE);
            List<FindingRow> rows = new ArrayList<>(a.findings().size());
            for (Finding f : a.findings()) {
                Evidence ev = Evidence.of(a, f);
                var b = ev.box();
                rows.add(new FindingRow(f.severity().label(), f.id(), f.location(), ev.page(), ev.line(),
                        f.expected() == null ? "" : f.expected(), f.found() == null ? "" : f.found(), f.message(), ev.text(),
                        b == null || ev.page() <= 0 ? null : List.of(b.x(), b.y(), b.width(), b.height())));
            }
            return new Entry(file, "已审核", d.profileId(), d.year(), d.unitName(), d.tables().size(), e, w, n,
                    a.notes().isEmpty() ? "" : a.notes().get(0), millis, e > 0 ? 1 : 0, scores, rows);
        }

        public static Entry refused(String file, String why, long millis) {
            return new Entry(file, "未审核", "", 0, "", 0, 0, 0, 0, why, millis, 2, null, List.of());
        }

        public static Entry failed(String file, String why, long millis) {
            return new Entry(file, "内部错误", "", 0, "", 0, 0, 0, 0, why, millis, 3, null, List.of());
        }

        private static long count(DocumentAudit.Result a, Severity s) {
            return a.findings().stream().filter(f -> f.severity() == s).count();
        }

        /** The line printed for this document. */
        public String line() {
            if (status >= 2) return file + "  " + outcome + "：" + message;
            return file + "  " + profile + "  " + (year > 0 ? year + "年 " : "") + unit + "  表 " + tables
                    + "  错误 " + errors + "，警告 " + warnings + "，提示 " + notices
                    + (scores != null && scores.overall() != null ? "  得分 " + scores.overall().toPlainString() : "");
        }
    }

    /** One finding of a document, with where it is on the page and what the page prints there (the sheet 审核结果). */
    /**
     * @param box where on its page the cell or row is, in points from the page's top left (x, y, width, height); null when
     *            not known (a text file, a sentence)
     */
    public record FindingRow(String severity, String check, String location, int page, int line,
                             String expected, String found, String message, String evidence, List<Double> box) {
        public FindingRow(String severity, String check, String location, int page, int line, String expected, String found, String message,
                          String evidence) {
            this(severity, check, location, page, line, expected, found, message, evidence, null);
        }
    }

    static final List<String> FINDINGS_HEADER = List.of("文件", "单位", "级别", "审核公式", "位置", "页", "行", "应为", "实为", "说明", "原文");

    static final List<String> HEADER = List.of("文件", "结果", "模板", "年度", "单位", "读出表数", "错误", "警告", "提示", "说明", "用时（毫秒）");
    /** Where the scores go: after 提示, one column for the overall score and one per dimension; the reasons last. */
    private static final int SCORES_AT = 9;

    private BatchReport() {}

    /** The header: {@link #HEADER} with 综合得分, each dimension of the rubric the entries were scored on, and 扣分原因. */
    static List<String> header(List<Entry> entries) {
        List<String> dims = dimensions(entries);
        List<String> h = new ArrayList<>(HEADER.subList(0, SCORES_AT));
        if (!dims.isEmpty()) {
            h.add("综合得分");
            h.addAll(dims);
        }
        h.addAll(HEADER.subList(SCORES_AT, HEADER.size()));
        if (!dims.isEmpty()) h.add("扣分原因");
        return h;
    }

    private static List<String> dimensions(List<Entry> entries) {
        return entries.stream().filter(e -> e.scores() != null).findFirst()
                .map(e -> e.scores().dimensions().stream().map(Scorecard.DimensionScore::name).toList()).orElse(List.of());
    }

    private static List<String> cells(Entry e, List<String> dims) {
        List<String> c = new ArrayList<>(List.of(e.file(), e.outcome(), e.profile(), e.year() > 0 ? String.valueOf(e.year()) : "", e.unit(),
                e.status() >= 2 ? "" : String.valueOf(e.tables()), e.status() >= 2 ? "" : String.valueOf(e.errors()),
                e.status() >= 2 ? "" : String.valueOf(e.warnings()), e.status() >= 2 ? "" : String.valueOf(e.notices())));
        Scorecard s = e.scores();
        if (!dims.isEmpty()) {
            c.add(s == null || s.overall() == null ? "" : s.overall().toPlainString());
            for (Scorecard.DimensionScore d : s == null ? List.<Scorecard.DimensionScore>of() : s.dimensions())
                c.add(d.assessed() ? d.score().toPlainString() : "");
            while (c.size() < SCORES_AT + 1 + dims.size()) c.add("");
        }
        c.add(e.message());
        c.add(String.valueOf(e.millis()));
        if (!dims.isEmpty()) c.add(s == null ? "" : s.reasons());
        return c;
    }

    /** The columns that hold numbers: 年度, the table and finding counts, the scores, 用时. */
    private static boolean numeric(int column, int dims) {
        int scores = dims == 0 ? 0 : dims + 1;
        return column == 3 || (column >= 5 && column <= 8) || (column >= SCORES_AT && column < SCORES_AT + scores)
                || column == SCORES_AT + scores + 1;
    }

    public static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder(ReportCsv.BOM);
        List<List<String>> rows = new ArrayList<>();
        List<String> dims = dimensions(entries);
        rows.add(header(entries));
        for (Entry e : entries) rows.add(cells(e, dims));
        for (List<String> r : rows) ReportCsv.row(b, r);
        return b.toString();
    }

    /** Every finding of every document as CSV, a row each (the sheet 审核结果 of {@link #xlsx}). */
    public static String findingsCsv(List<Entry> entries) {
        StringBuilder b = new StringBuilder(ReportCsv.BOM);
        List<List<String>> rows = new ArrayList<>();
        rows.add(FINDINGS_HEADER);
        for (Entry e : entries)
            for (FindingRow f : e.findings())
                rows.add(java.util.Arrays.asList(e.file(), e.unit(), f.severity(), f.check(), f.location(), f.page() > 0 ? String.valueOf(f.page()) : "",
                        f.line() > 0 ? String.valueOf(f.line()) : "", f.expected(), f.found(), f.message(), f.evidence()));
        for (List<String> r : rows) ReportCsv.row(b, r);
        return b.toString();
    }

    public static String html(List<Entry> entries) {
        StringBuilder b = new StringBuilder(4096);
        long read = entries.stream().filter(e -> e.status() < 2).count();
        long withErrors = entries.stream().filter(e -> e.status() == 1).count();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>批量审核报告</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;color:#222;line-height:1.5}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}\n")
                .append("th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".s1{background:#fde2e1}.s2,.s3{background:#eee;color:#555}\n")
                .append("</style>\n</head>\n<body>\n<h1>批量审核报告</h1>\n<p>共 ").append(entries.size()).append(" 个文件：审核 ")
                .append(read).append(" 个，其中有错误的 ").append(withErrors).append(" 个；未审核 ").append(entries.size() - read).append(" 个。</p>\n");
        b.append("<table>\n<thead><tr>");
        List<String> dims = dimensions(entries);
        for (String h : header(entries)) b.append("<th>").append(ReportHtml.esc(h)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            b.append("<tr class=\"s").append(e.status()).append("\">");
            List<String> c = cells(e, dims);
            for (int i = 0; i < c.size(); i++) {
                boolean num = numeric(i, dims.size());
                b.append(num ? "<td class=\"num\">" : "<td>").append(ReportHtml.esc(c.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Every finding of every document, a row each, with its page, line and the text printed there. */
    private static void findingsSheet(XSSFWorkbook wb, CellStyle bold, List<Entry> entries) {
        Sheet sheet = wb.createSheet("审核结果");
        Sheets.header(sheet, FINDINGS_HEADER, bold);
        int r = 1;
        for (Entry e : entries) {
            for (FindingRow f : e.findings()) {
                if (r > MAX_FINDING_ROWS) break;
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.file());
                row.createCell(1).setCellValue(e.unit());
                row.createCell(2).setCellValue(f.severity());
                row.createCell(3).setCellValue(f.check());
                row.createCell(4).setCellValue(f.location());
                if (f.page() > 0) row.createCell(5).setCellValue(f.page());
                if (f.line() > 0) row.createCell(6).setCellValue(f.line());
                row.createCell(7).setCellValue(f.expected());
                row.createCell(8).setCellValue(f.found());
                row.createCell(9).setCellValue(f.message());
                row.createCell(10).setCellValue(f.evidence());
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(1, r - 1), 0, FINDINGS_HEADER.size() - 1));
        for (int i : new int[]{0, 1, 9, 10}) sheet.setColumnWidth(i, 40 * 256);
    }

    /** Rows of the findings sheet at most (an Excel sheet holds 1,048,576). */
    static final int MAX_FINDING_ROWS = 1_000_000;

    public static byte[] xlsx(List<Entry> entries) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("批量审核");
            CellStyle bold = Sheets.bold(wb);
            List<String> dims = dimensions(entries);
            List<String> header = header(entries);
            Sheets.header(sheet, header, bold);
            int r = 1;
            for (Entry e : entries) {
                Row row = sheet.createRow(r++);
                List<String> c = cells(e, dims);
                for (int i = 0; i < c.size(); i++) {
                    boolean num = numeric(i, dims.size()) && !c.get(i).isEmpty();
                    if (num) row.createCell(i).setCellValue(Double.parseDouble(c.get(i)));
                    else row.createCell(i).setCellValue(c.get(i));   // text cells: never a formula
                }
            }
            sheet.createFreezePane(0, 1);
            findingsSheet(wb, bold, entries);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(1, r - 1), 0, header.size() - 1));
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (h.equals("文件") || h.equals("单位") || h.equals("说明") || h.equals("扣分原因")) sheet.setColumnWidth(i, 40 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
