package org.openbudget.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.core.check.Finding;

/**
 * The findings of a check as an Excel workbook (级别, 审核公式 — the rule in words —, 位置, 应为, 实际, 说明, and the check's 编号
 * last, for whoever reports a problem): text cells only, never a formula.
 */
public final class FindingsWorkbook {
    static final String[] HEADER = {"级别", "审核公式", "位置", "应为", "实际", "说明", "编号"};

    private FindingsWorkbook() {
    }

    public static byte[] of(String title, List<Finding> findings, UserText text) {
        return of(title, findings, text, null);
    }

    /**
     * The audit page's findings: with the page (or line) each was read from and the row or sentence it was read from
     * ({@code where} and {@code evidence} per finding, 页码 and 原文 after 说明).
     */
    public static byte[] ofAudit(String title, List<org.openbudget.web.service.PublishedAuditService.Located> located, UserText text) {
        return of(title, located.stream().map(org.openbudget.web.service.PublishedAuditService.Located::finding).toList(), text,
                located.stream().map(l -> new String[] {l.where(), l.evidence()}).toList());
    }

    private static byte[] of(String title, List<Finding> findings, UserText text, List<String[]> places) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("审核结果");
            s.createRow(0).createCell(0).setCellValue(title);
            Row h = s.createRow(1);
            List<String> header = new java.util.ArrayList<>(List.of(HEADER));
            if (places != null) header.addAll(6, List.of("页码", "原文"));
            for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
            int r = 2;
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                Row row = s.createRow(r++);
                String[] v = places == null
                        ? new String[] {f.severity().label(), text.check(f.id()), f.location(), f.expected(), f.found(), f.message(), f.id()}
                        : new String[] {f.severity().label(), text.check(f.id()), f.location(), f.expected(), f.found(), f.message(),
                                places.get(i)[0], places.get(i)[1], f.id()};
                for (int c = 0; c < v.length; c++) row.createCell(c).setCellValue(v[c] == null ? "" : v[c]);   // a string cell: never evaluated
            }
            int[] widths = places == null ? new int[] {8, 40, 30, 14, 14, 80, 16} : new int[] {8, 40, 30, 14, 14, 80, 10, 60, 16};
            for (int c = 0; c < widths.length; c++) s.setColumnWidth(c, widths[c] * 256);
            s.createFreezePane(0, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
