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
 * A wide table under a header of three levels in a text laid out by spaces: 西安 2026 审计局's 表13 as pdftotext
 * prints it (src/test/resources/pdftotext) — 上年 | 当年 | 增减变化情况, each "一般公共预算拨款安排的“三公”经费预算"
 * over its 小计 … and "公务用车购置及运行维护费" over three more, nine columns a group, eight of 27 blank in every
 * row, an increase's amount printed one space before a decrease ("210,000.00 -194,000.00"). Its amounts are placed
 * under their columns by where they are printed: the group headings reaching over several columns are no column's
 * own label, a heading centred over a group and standing over one of its columns (上年 over 小计) names that column
 * with it, a label with a blank column's word squeezed after it (培训费 | 公务用车运行) still names its column, the
 * stub's headings (单位编码, 单位名称) are no column's, and the header line that begins with 合计 is no row.
 */
class GroupedHeaderColumnsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> lines() throws IOException {
        try (InputStream in = GroupedHeaderColumnsTest.class.getResourceAsStream("/pdftotext/xian-2026-three-public.txt")) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    private static DisclosureTable threePublic(List<String> lines) {
        ShapeReader.Result r = ShapeReader.read(lines, LIB.profile("xian-2026"), LIB.year(2026), "西安市审计局", AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(t -> t.mark().equals("表13")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static List<String> values(Row r, int columns) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) out.add(r.value(c) == null ? null : r.value(c).stripTrailingZeros().toPlainString());
        return out;
    }

    @Test
    void eachAmountIsReadUnderItsColumnOfThreeLevelsOfHeadings() throws IOException {
        DisclosureTable t = threePublic(lines());
        List<Row> totals = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).toList();
        assertThat(totals).as("the header line 合计 因公出国 会议费 … is no row").hasSize(1);
        // in 万元: 上年 | 当年 | 增减变化情况, each 合计 小计 因公出国 公务接待费 车小计 购置费 运行维护费 会议费 培训费
        // (增减's 培训费 under "培训费 公务用车运行": the word of the blank 购置费 column beside it squeezed into its cell)
        assertThat(values(totals.get(0), 27)).containsExactly(
                "52.6", "12", null, "2", "10", null, "10", "2", "38.6",
                "33.2", "10.2", null, "2", "8.2", null, "8.2", "2", "21",
                "-19.4", "-1.8", null, null, "-1.8", null, "-1.8", null, "-17.6");
    }

    @Test
    void withoutItsHeaderTheAmountsCannotBePlacedByLabel() throws IOException {
        // the control: the same lines without the header's words — the blank cells lost, 当年合计 is not found in its column
        List<String> lines = lines();
        for (int k = 5; k <= 11; k++) lines.set(k, "");
        DisclosureTable t = threePublic(lines);
        Row total = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        assertThat(values(total, 27).get(9)).isNotEqualTo("33.2");
    }
}
