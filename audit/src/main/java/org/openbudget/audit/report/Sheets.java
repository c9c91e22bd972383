package org.openbudget.audit.report;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the Excel reports of this package share: a bold style, and a sheet's header row in it. */
final class Sheets {
    private Sheets() {}

    static CellStyle bold(Workbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        bold.setFont(f);
        return bold;
    }

    /** Row 0 of {@code sheet}: the labels, in {@code style}. */
    static void header(Sheet sheet, List<String> labels, CellStyle style) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < labels.size(); i++) {
            head.createCell(i).setCellValue(labels.get(i));
            head.getCell(i).setCellStyle(style);
        }
    }
}
