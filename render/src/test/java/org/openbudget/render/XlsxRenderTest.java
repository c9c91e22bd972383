package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.TableView;

/** Reads each rendered XLSX back with POI. */
class XlsxRenderTest {
    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static Cell find(Sheet s, String text) {
        for (Row r : s) for (Cell c : r) if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) return c;
        return null;
    }

    static boolean merged(Sheet s, Cell c, int cols, int rows) {
        for (CellRangeAddress a : s.getMergedRegions()) {
            if (a.getFirstRow() == c.getRowIndex() && a.getFirstColumn() == c.getColumnIndex()) {
                return a.getLastColumn() - a.getFirstColumn() + 1 == cols && a.getLastRow() - a.getFirstRow() + 1 == rows;
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,false", "urumqi-sci-tech-info-center-2024,false", "urumqi-industry-it-bureau-2024,false",
            "urumqi-industry-it-bureau-2024,true"})
    void oneSheetPerTableNumericAmountsMergedHeaders(String example, boolean withText) throws IOException {
        Rendered.Doc d = Rendered.doc(example, withText);
        try (XSSFWorkbook wb = read(Rendered.bytes(Format.XLSX, example, withText))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(withText ? 12 : 11);
            for (int i = 0; i < 11; i++) {
                TableView tv = d.view().tables().get(i);
                Sheet s = wb.getSheetAt(i);
                assertThat(s.getSheetName()).startsWith(tv.label() + " ");
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(tv.title());
                assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(d.view().preparedBy());
                // every amount printed in the table is a numeric cell with the profile's format, equal to the printed value
                DisclosureTable t = d.disclosure().tables().get(i);
                List<Double> numbers = new ArrayList<>();
                for (Row r : s) for (Cell c : r) {
                    if (c.getCellType() == CellType.NUMERIC) {
                        numbers.add(c.getNumericCellValue());
                        assertThat(c.getCellStyle().getDataFormatString()).isEqualTo(d.thousands() ? "#,##0.00" : "0.00");
                    }
                }
                long printed = t.rows().stream().flatMap(r -> r.values().stream()).filter(v -> v != null).count();
                assertThat(numbers).as("%s numeric cells", tv.label()).hasSize((int) printed);
                for (String total : d.totals().get(tv.no())) {
                    double v = Double.parseDouble(total.replace(",", ""));
                    assertThat(numbers).as("%s total", tv.label()).contains(v);
                }
                if (tv.empty()) assertThat(find(s, tv.emptyNote())).isNotNull();
            }
            Sheet t1 = wb.getSheetAt(0);
            assertThat(merged(t1, find(t1, "收入"), 2, 1)).isTrue();
            assertThat(merged(t1, find(t1, "支出"), 2, 1)).isTrue();
            Sheet t2 = wb.getSheetAt(1);
            assertThat(merged(t2, find(t2, "财政拨款（补助）"), 7, 1)).isTrue();
            assertThat(merged(t2, find(t2, "功能分类科目名称"), 1, 2)).isTrue();
            Sheet t10 = wb.getSheetAt(9);
            assertThat(merged(t10, find(t10, "资金来源"), 3, 1)).isTrue();
            Sheet t11 = wb.getSheetAt(10);
            assertThat(merged(t11, find(t11, "财政拨款"), 4, 1)).isTrue();
            assertThat(merged(t11, find(t11, "非财政拨款"), 4, 1)).isTrue();
            assertThat(t11.getRepeatingRows()).isNotNull();
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException {
        Rendered.Doc d = Rendered.doc("urumqi-industry-it-bureau-2024", false);
        List<String> evil = List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)");
        // rename four projects of 表7 and 表11 to formula-like names
        List<DisclosureTable> tables = new ArrayList<>();
        int[] k = {0};
        for (DisclosureTable t : d.disclosure().tables()) {
            if (t.no() == 7 || t.no() == 11) {
                List<org.openbudget.core.disclosure.Row> rows = new ArrayList<>();
                for (var r : t.rows()) rows.add(r.kind() == RowKind.PROJECT ? r.withProject(evil.get(k[0]++ % evil.size())) : r);
                t = new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote());
            }
            tables.add(t);
        }
        Disclosure bad = d.disclosure().withTables(tables);
        byte[] bytes = Rendered.render(Format.XLSX, new DocumentView(bad, d.loaded().profile()));
        try (XSSFWorkbook wb = read(bytes)) {
            int seen = 0;
            for (Sheet s : wb) for (Row r : s) for (Cell c : r) {
                assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                if (c.getCellType() == CellType.STRING && evil.contains(c.getStringCellValue())) {
                    assertThat(c.getCellStyle().getQuotePrefixed()).as("quote-prefixed %s", c.getStringCellValue()).isTrue();
                    seen++;
                }
            }
            assertThat(seen).isGreaterThanOrEqualTo(8);
        }
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,true", "urumqi-industry-it-bureau-2024,true"})
    void everyAmountFitsItsColumnAndWrappedTextItsRow(String example, boolean withText) throws IOException {
        try (XSSFWorkbook wb = read(Rendered.bytes(Format.XLSX, example, withText))) {
            org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
            int checked = 0;
            for (Sheet s : wb) {
                for (Row r : s) for (Cell c : r) {
                    if (c.getCellType() != CellType.NUMERIC) continue;
                    String shown = f.formatCellValue(c);
                    double width = s.getColumnWidth(c.getColumnIndex()) / 256.0;
                    assertThat(width).as("%s %s: %s", s.getSheetName(), c.getAddress(), shown).isGreaterThanOrEqualTo(shown.length() + 1);
                    checked++;
                }
                // a name longer than its column: its row is taller than one line
                for (Row r : s) for (Cell c : r) {
                    if (c.getCellType() != CellType.STRING || c.getRowIndex() < 2) continue;
                    boolean merged = s.getMergedRegions().stream().anyMatch(a -> a.isInRange(c));
                    double width = s.getColumnWidth(c.getColumnIndex()) / 256.0;
                    if (!merged && c.getStringCellValue().length() * 2 > width + 4) {
                        assertThat(r.getHeightInPoints()).as("%s row %d", s.getSheetName(), r.getRowNum() + 1).isGreaterThan(20f);
                    }
                }
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    @Test
    void textXmlCannotHoldAsItIsStillGivesAWellFormedWorkbook() throws IOException {
        byte[] bytes = Rendered.render(Format.XLSX, DocxRenderTest.oddlyNamed(DocxRenderTest.ODD));
        try (XSSFWorkbook wb = read(bytes)) {
            Cell c = find(wb.getSheetAt(6), "A&B <项目> \"引号\" \t𠀀 ");
            assertThat(c).as("the name, its control character left out, spaces kept").isNotNull();
        }
        assertThat(Rendered.render(Format.XLSX, DocxRenderTest.oddlyNamed(DocxRenderTest.ODD))).isEqualTo(bytes);
    }
}
