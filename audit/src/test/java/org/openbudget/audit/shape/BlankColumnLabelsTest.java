package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Tables of 西安 2026 as pdftotext prints them (src/test/resources/pdftotext), whose columns no row fills leave their
 * labels in the header among the labels of the columns printed: the header's words are still read where they stand.
 * A blank column's label wrapped in its cell stays there, not pushed into the next column's cell ("使用非财政拨" over
 * "款结余"); labels that head a column in each of several groups (合计 and 小计 in 上年 | 当年 | 增减变化情况) are
 * matched to the columns in the order printed; an amount only one row prints, under a header word of its own, makes its
 * column (30399 on 表6's last page, 人员经费支出 filled by no other row there). And 西安 2022's: a name printed up to
 * its amount is parted from it, a row printing every cell (its blank ones as 0, which make no column) is read in order.
 */
class BlankColumnLabelsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = BlankColumnLabelsTest.class.getResourceAsStream("/pdftotext/" + name)) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    private static DisclosureTable table(List<String> lines, String mark) {
        return table(lines, mark, 2026);
    }

    private static DisclosureTable table(List<String> lines, String mark, int year) {
        ShapeReader.Result r = ShapeReader.read(lines, LIB.profile("xian-2026"), LIB.year(year), "西安市审计局", AgencyKind.DEPARTMENT, year);
        return r.tables().stream().filter(t -> t.mark().equals(mark)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static List<String> values(Row r, int columns) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) out.add(r.value(c) == null ? null : r.value(c).stripTrailingZeros().toPlainString());
        return out;
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    @Test
    void aBlankColumnsLabelWrappedInItsCellStaysThere() throws IOException {
        // 审计局's 收入总表: "事业单位经营收 使用非财政拨 对附属单位上 上年结 上年实户资金余" one space apart over
        // "入  款结余  缴收入  转  额"; 981,827.50 is under 上年实户资金余额, not under 政府性基金拨款
        DisclosureTable t = table(lines("xian-2026-audit-income.txt"), "表2");
        Row total = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        // in 万元: 合计 | 小计 | 其中：专项资金 | 政府性基金拨款 | 上级补助收入 | 事业收入 | 事业单位经营收入 |
        // 使用非财政拨款结余 | 对附属单位上缴收入 | 上年结转 | 上年实户资金余额 | 其他收入
        assertThat(values(total, 12)).containsExactly("4203.472358", "4005.289608", null, null, null, null, null, null, null, null, "98.18275", "100");
    }

    @Test
    void labelsHeadingAColumnInEachGroupAreMatchedInTheOrderPrinted() throws IOException {
        // 办公厅's 表13: twelve of its 27 columns printed, 合计 小计 公务接待费 培训费 in each of 上年 | 当年 | 增减变化情况
        DisclosureTable t = table(lines("xian-2026-office-three-public.txt"), "表13");
        Row total = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        assertThat(values(total, 27)).containsExactly(
                "44.24", "4", null, "4", null, null, null, null, "40.24",
                "26", "3", null, "3", null, null, null, null, "23",
                "-18.24", "-1", null, "-1", null, null, null, null, "-17.24");
    }

    @Test
    void anAmountUnderAHeaderLabelOfItsOwnMakesItsColumn() throws IOException {
        // 办公厅's 表6, its last page with the header printed again: 30399's 498,000.00 alone under 人员经费支出
        DisclosureTable t = table(lines("xian-2026-office-expense-by-economic-class.txt"), "表6");
        // 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出, in 万元
        assertThat(values(row(t, "30399"), 4)).containsExactly("49.8", "49.8", null, null);
        assertThat(values(row(t, "31002"), 4)).containsExactly("4.296", null, "4.296", null);
        assertThat(values(row(t, "30999"), 4)).containsExactly("710", null, null, "710");
    }

    @Test
    void aNamePrintedUpToItsAmountIsPartedFromIt() throws IOException {
        // 西安 2022 气象局's 表5: "2080506   机关事业单位职业年金缴费支出43608.96         43608.96   0   0"
        DisclosureTable t = table(lines("xian-2022-expense-by-function.txt"), "表5", 2022);
        Row r = row(t, "2080506");
        assertThat(r.name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(values(r, 4)).containsExactly("4.360896", "4.360896", null, null);
    }

    @Test
    void aRowPrintingEveryCellItsBlankOnesAsZeroIsReadInOrder() throws IOException {
        // 西安 2022 科学技术局's 收入总表: every row prints its twelve cells, the blank ones as 0 (no column of the page:
        // a lone digit marks none), "936647884.3 874160000" one space apart
        DisclosureTable t = table(lines("xian-2022-income.txt"), "表2", 2022);
        Row total = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        assertThat(values(total, 12)).containsExactly("94386.5", "93664.78843", "87416", null, null, null, null, null, null, null, "721.711563", null);
    }
}
