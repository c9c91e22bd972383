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
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("审核结果");
            s.createRow(0).createCell(0).setCellValue(title);
            Row h = s.createRow(1);
            for (int c = 0; c < HEADER.length; c++) h.createCell(c).setCellValue(HEADER[c]);
            int r = 2;
            for (Finding f : findings) {
                Row row = s.createRow(r++);
                String[] v = {f.severity().label(), text.check(f.id()), f.location(), f.expected(), f.found(), f.message(), f.id()};
                for (int c = 0; c < v.length; c++) row.createCell(c).setCellValue(v[c] == null ? "" : v[c]);   // a string cell: never evaluated
            }
            int[] widths = {8, 40, 30, 14, 14, 80, 16};
            for (int c = 0; c < widths.length; c++) s.setColumnWidth(c, widths[c] * 256);
            s.createFreezePane(0, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
