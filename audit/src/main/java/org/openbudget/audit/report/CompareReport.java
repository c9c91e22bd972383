package org.openbudget.audit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.compare.Comparison;
import org.openbudget.core.compare.Comparison.Line;
import org.openbudget.core.compare.Comparison.Source;
import org.openbudget.core.compare.Comparison.Stated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A 预算 set against its 决算 ({@link Comparison}), written for people: text for the terminal, CSV (UTF-8 with BOM,
 * formula-safe), JSON (exact amounts), a self-contained HTML page, an Excel workbook (amounts as numbers, exact, shown
 * with two decimals). Headers in Chinese; amounts in 万元, printed with two decimals as the documents print them; each
 * figure named with the table (or section), row, column and page it was read from.
 */
public final class CompareReport {
    private CompareReport() {}

    static final List<String> HEADER = List.of("分组", "项目", "科目编码", "预算数（万元）", "决算数（万元）", "差额（万元）", "完成率（%）",
            "预算出处", "决算出处", "决算所列年初预算数（万元）", "年初预算数出处", "差异原因（决算说明）");
    static final List<String> FINDINGS_HEADER = List.of("级别", "审核编号", "科目编码", "应为", "实为", "页", "说明");
    /** The order groups are printed in. */
    static final List<String> DIMENSIONS = List.of("总体", "收入", "功能分类", "经济分类", "其他");

    /** The lines by group, in {@link #DIMENSIONS} order, each group in the 预算's reading order. */
    static Map<String, List<Line>> groups(Comparison c) {
        Map<String, List<Line>> out = new LinkedHashMap<>();
        for (String d : DIMENSIONS) out.put(d, new ArrayList<>());
        for (Line l : c.lines()) out.computeIfAbsent(l.dimension(), k -> new ArrayList<>()).add(l);
        out.values().removeIf(List::isEmpty);
        return out;
    }

    static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String rate(Line l) {
        BigDecimal r = l.rate();
        return r == null ? "" : r.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String stated(Line l) {
        List<String> out = new ArrayList<>();
        for (Stated s : l.stated()) out.add(money(s.value()));
        return String.join("；", out);
    }

    private static String statedFrom(Line l) {
        List<String> out = new ArrayList<>();
        for (Stated s : l.stated()) out.add(s.from().where());
        return String.join("；", out);
    }

    static List<String> cells(Line l) {
        return List.of(l.dimension(), l.label(), l.code(), money(l.budget()), money(l.actual()), money(l.difference()), rate(l),
                l.budgetFrom().where(), l.actualFrom().where(), stated(l), statedFrom(l), l.reason());
    }

    static long count(Comparison c, Severity s) {
        return c.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static int page(Finding f) {
        return f.origin() == null ? 0 : f.origin().page();
    }

    private static String threshold(Comparison c) {
        return "±" + c.rules().thresholdPercent().stripTrailingZeros().toPlainString() + "%";
    }

    private static String doc(Comparison.Document d) {
        return d.title() + "（模板 " + d.profileId() + (d.origin().isEmpty() ? "" : "，" + d.origin()) + "）";
    }

    // ---- text

    public static String text(Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append("预算：").append(doc(c.budget())).append('\n');
        b.append("决算：").append(doc(c.fin())).append('\n');
        b.append("单位：万元；完成率 = 决算数 ÷ 预算数；差异超过 ").append(threshold(c)).append(" 须在决算说明中说明原因\n");
        for (Map.Entry<String, List<Line>> g : groups(c).entrySet()) {
            b.append('\n').append('【').append(g.getKey()).append("】\n");
            b.append("  项目 | 预算数 | 决算数 | 差额 | 完成率\n");
            for (Line l : g.getValue()) {
                b.append("  ").append(l.label()).append(" | ").append(money(l.budget())).append(" | ").append(money(l.actual()))
                        .append(" | ").append(money(l.difference())).append(" | ").append(l.rate() == null ? "—" : rate(l) + "%").append('\n');
                b.append("      预算：").append(l.budgetFrom().where()).append("；决算：").append(l.actualFrom().where()).append('\n');
                if (!l.stated().isEmpty()) b.append("      决算所列年初预算数：").append(stated(l)).append("（").append(statedFrom(l)).append("）\n");
                if (!l.reason().isEmpty()) b.append("      原因：").append(l.reason()).append('\n');
            }
        }
        b.append('\n').append("比较结果：错误 ").append(count(c, Severity.ERROR)).append("，警告 ").append(count(c, Severity.WARNING))
                .append("，提示 ").append(count(c, Severity.NOTICE)).append('\n');
        for (Finding f : c.findings()) {
            b.append("  [").append(f.severity().label()).append("] ").append(f.id()).append("  ").append(f.message());
            if (page(f) > 0 && !f.message().contains("第 " + page(f) + " 页")) b.append("（第 ").append(page(f)).append(" 页）");
            b.append('\n');
        }
        return b.toString();
    }

    // ---- CSV

    public static String csv(Comparison c) {
        StringBuilder b = new StringBuilder(ReportCsv.BOM);
        ReportCsv.row(b, HEADER);
        for (List<Line> g : groups(c).values()) for (Line l : g) ReportCsv.row(b, cells(l));
        b.append("\r\n");
        ReportCsv.row(b, FINDINGS_HEADER);
        for (Finding f : c.findings()) {
            ReportCsv.row(b, List.of(f.severity().label(), f.id(), f.code(), nz(f.expected()), nz(f.found()), page(f) > 0 ? String.valueOf(page(f)) : "", f.message()));
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- JSON

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static String json(Comparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("budget", document(c.budget()));
        root.set("final", document(c.fin()));
        root.put("unit", "万元");
        root.put("thresholdPercent", c.rules().thresholdPercent());
        ArrayNode lines = root.putArray("lines");
        for (List<Line> g : groups(c).values()) {
            for (Line l : g) {
                ObjectNode o = lines.addObject();
                o.put("dimension", l.dimension());
                o.put("label", l.label());
                o.put("code", l.code());
                o.put("budget", l.budget());
                o.put("actual", l.actual());
                o.put("difference", l.difference());
                if (l.rate() == null) o.putNull("rate");
                else o.put("rate", l.rate().setScale(2, RoundingMode.HALF_UP));
                o.set("budgetFrom", source(l.budgetFrom()));
                o.set("actualFrom", source(l.actualFrom()));
                ArrayNode st = o.putArray("stated");
                for (Stated s : l.stated()) {
                    ObjectNode so = st.addObject();
                    so.put("value", s.value());
                    so.set("from", source(s.from()));
                }
                o.put("reason", l.reason());
                o.put("explained", l.explained());
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : c.findings()) {
            ObjectNode o = findings.addObject();
            o.put("id", f.id());
            o.put("severity", f.severity().json());
            o.put("code", f.code());
            o.put("expected", f.expected());
            o.put("found", f.found());
            o.put("message", f.message());
            if (page(f) > 0) o.put("page", page(f));
            if (f.origin() != null && f.origin().line() > 0) o.put("line", f.origin().line());
        }
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) counts.put(s.json(), count(c, s));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode document(Comparison.Document d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("unit", d.unit());
        o.put("kind", d.kind());
        o.put("year", d.year());
        o.put("basis", d.basis());
        o.put("profile", d.profileId());
        o.put("file", d.origin());
        return o;
    }

    private static ObjectNode source(Source s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("table", s.table());
        o.put("row", s.row());
        o.put("column", s.column());
        if (s.page() > 0) o.put("page", s.page());
        if (s.line() > 0) o.put("line", s.line());
        return o;
    }

    // ---- HTML

    public static String html(Comparison c) {
        StringBuilder b = new StringBuilder();
        String title = "预算与决算对比：" + c.budget().unit() + " " + c.budget().year();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(ReportHtml.esc(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;font-size:13px;margin-bottom:1.5em}")
                .append("th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}")
                .append(".src{color:#666;font-size:12px}.err{color:#b00}.warn{color:#a60}.note{color:#555}tr.off td{background:#fff4e0}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(ReportHtml.esc(title)).append("</h1>\n<p>预算：").append(ReportHtml.esc(doc(c.budget()))).append("<br>决算：")
                .append(ReportHtml.esc(doc(c.fin()))).append("<br>单位：万元；完成率 = 决算数 ÷ 预算数；差异超过 ").append(ReportHtml.esc(threshold(c)))
                .append(" 须在决算说明中说明原因</p>\n");
        b.append("<h2>比较结果：错误 ").append(count(c, Severity.ERROR)).append("，警告 ").append(count(c, Severity.WARNING)).append("，提示 ")
                .append(count(c, Severity.NOTICE)).append("</h2>\n<ul>");
        for (Finding f : c.findings()) {
            String cls = f.severity() == Severity.ERROR ? "err" : f.severity() == Severity.WARNING ? "warn" : "note";
            b.append("<li class=\"").append(cls).append("\">[").append(f.severity().label()).append("] ").append(ReportHtml.esc(f.id())).append(" ")
                    .append(ReportHtml.esc(f.message())).append(page(f) > 0 && !f.message().contains("第 " + page(f) + " 页") ? "（第 " + page(f) + " 页）" : "")
                    .append("</li>");
        }
        b.append("</ul>\n");
        for (Map.Entry<String, List<Line>> g : groups(c).entrySet()) {
            b.append("<h2>").append(ReportHtml.esc(g.getKey())).append("</h2>\n<table><tr>");
            for (String h : List.of("项目", "预算数", "决算数", "差额", "完成率（%）", "出处", "决算所列年初预算数", "差异原因")) b.append("<th>").append(h).append("</th>");
            b.append("</tr>\n");
            for (Line l : g.getValue()) {
                boolean off = l.explained() && l.budget().signum() != 0 && l.rate() != null
                        && l.rate().subtract(BigDecimal.valueOf(100)).abs().compareTo(c.rules().thresholdPercent()) > 0;
                b.append(off ? "<tr class=\"off\">" : "<tr>").append("<td>").append(ReportHtml.esc(l.label())).append("</td><td class=\"n\">")
                        .append(money(l.budget())).append("</td><td class=\"n\">").append(money(l.actual())).append("</td><td class=\"n\">")
                        .append(money(l.difference())).append("</td><td class=\"n\">").append(l.rate() == null ? "—" : rate(l)).append("</td><td class=\"src\">预算：")
                        .append(ReportHtml.esc(l.budgetFrom().where())).append("<br>决算：").append(ReportHtml.esc(l.actualFrom().where()))
                        .append("</td><td class=\"n\">").append(ReportHtml.esc(stated(l))).append(l.stated().isEmpty() ? "" : "<div class=\"src\">"
                                + ReportHtml.esc(statedFrom(l)) + "</div>")
                        .append("</td><td>").append(ReportHtml.esc(l.reason())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    // ---- Excel

    public static byte[] xlsx(Comparison c) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Sheets.bold(wb);
            CellStyle amount = wb.createCellStyle();
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = wb.createSheet("预算与决算对比");
            Sheets.header(sheet, HEADER, bold);
            int r = 1;
            for (List<Line> g : groups(c).values()) {
                for (Line l : g) {
                    Row row = sheet.createRow(r++);
                    List<String> cells = cells(l);
                    for (int i = 0; i < cells.size(); i++) {
                        BigDecimal num = switch (i) {
                            case 3 -> l.budget();
                            case 4 -> l.actual();
                            case 5 -> l.difference();
                            case 6 -> l.rate();
                            default -> null;
                        };
                        if (num != null) {
                            row.createCell(i).setCellValue(num.doubleValue());   // exact underneath, two decimals shown
                            row.getCell(i).setCellStyle(amount);
                        } else if (i == 9 && l.stated().size() == 1) {
                            row.createCell(i).setCellValue(l.stated().get(0).value().doubleValue());
                            row.getCell(i).setCellStyle(amount);
                        } else if (i < 3 || i > 6) {
                            row.createCell(i).setCellValue(cells.get(i));   // text cells: never a formula
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(1, r - 1), 0, HEADER.size() - 1));
            sheet.setColumnWidth(1, 50 * 256);
            for (int i : new int[] {7, 8, 10, 11}) sheet.setColumnWidth(i, 45 * 256);
            Sheet fs = wb.createSheet("比较结果");
            Sheets.header(fs, FINDINGS_HEADER, bold);
            int k = 1;
            for (Finding x : c.findings()) {
                Row row = fs.createRow(k++);
                row.createCell(0).setCellValue(x.severity().label());
                row.createCell(1).setCellValue(x.id());
                row.createCell(2).setCellValue(x.code());
                row.createCell(3).setCellValue(nz(x.expected()));
                row.createCell(4).setCellValue(nz(x.found()));
                if (page(x) > 0) row.createCell(5).setCellValue(page(x));
                row.createCell(6).setCellValue(x.message());
            }
            fs.setColumnWidth(6, 100 * 256);
            fs.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
