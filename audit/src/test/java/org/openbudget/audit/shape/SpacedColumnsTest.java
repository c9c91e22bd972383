package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A table in a text laid out by spaces (pdftotext -layout) loses its blank cells, but each amount stays under its
 * column: the rows are placed by where their amounts end, the columns named by the header's words over them. The
 * fixture is 上海交通职业技术学院's 收入预算总表 as pdftotext prints it (事业单位经营收入 filled by no row, its label
 * beside 其他收入's), with a row whose name is wrapped around its amounts as 广州's and 深圳's are.
 */
class SpacedColumnsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> TABLE = List.of(
            "                             2026年预算单位收入预算总表",
            "编制单位：上海交通职业技术学院                                                                      单位：元",
            "",
            "                   项目                                          收入预算",
            "",
            "功能分类科目编码                                                                    事业单位",
            "                       功能分类科目名称      合计          财政拨款收入        事业收入                其他收入",
            "类     款    项                                                                经营收入",
            "",
            "205             教育支出               326,658,710   236,893,390   42,865,320          46,900,000",
            "205   03   02   中等职业教育               9,600,000                                      9,600,000",
            "208             社会保障和就业支出           48,817,900    44,691,820    4,126,080",
            "208   05   02   事业单位离退休             13,154,000    13,154,000",
            "                机关事业单位基本养老保险缴",
            "208   05   05" + " ".repeat(23) + "23,622,600    20,871,880    2,750,720",
            "                费支出");

    private static DisclosureTable income(List<String> lines) {
        List<String> doc = new ArrayList<>(lines);
        ShapeReader.Result r = ShapeReader.read(doc, LIB.profile("shanghai-2026"), LIB.year(2026), "上海交通职业技术学院", AgencyKind.UNIT, 2026);
        return r.tables().stream().filter(t -> t.title().contains("收入预算总表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void aRowsAmountsArePlacedUnderTheirColumnsNotFromTheRight() {
        DisclosureTable t = income(TABLE);
        // 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入 — in 万元 (the table prints 元)
        assertThat(values(t, "205")).containsExactly("32665.871", "23689.339", "4286.532", null, "4690");
        // the blank 财政拨款收入, 事业收入 and 经营收入 lost: 9,600,000 is under 其他收入, not under 经营收入
        assertThat(values(t, "2050302")).containsExactly("960", null, null, null, "960");
        assertThat(values(t, "208")).containsExactly("4881.79", "4469.182", "412.608", null, null);
        assertThat(values(t, "2080502")).containsExactly("1315.4", "1315.4", null, null, null);
    }

    @Test
    void aNameWrappedAroundItsAmountsIsJoined() {
        DisclosureTable t = income(TABLE);
        Row r = row(t, "2080505");
        assertThat(r.name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(values(t, "2080505")).containsExactly("2362.26", "2087.188", "275.072", null, null);
        // the name's lines are no rows of their own
        assertThat(t.rows()).noneMatch(x -> x.name().equals("费支出") || x.name().startsWith("机关事业单位基本养老保险缴") && x.code().isEmpty());
    }

    @Test
    void aPageWhoseAmountsDoNotLineUpIsReadFromTheRightAsBefore() {
        // the same rows with their amounts moved off their columns (no pdftotext prints them so): no column is trusted,
        // the amounts are taken from the right as the plain reading takes them
        List<String> moved = new ArrayList<>(TABLE);
        for (int i = 9; i < moved.size(); i++) moved.set(i, moved.get(i).replaceAll(" {2,}(?=\\d)", i % 2 == 0 ? "     " : "  "));
        DisclosureTable t = income(moved);
        assertThat(values(t, "2050302")).containsExactly(null, null, null, "960", "960");
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    private static List<String> values(DisclosureTable t, String code) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : row(t, code).values()) out.add(v == null ? null : v.stripTrailingZeros().toPlainString());
        return out;
    }
}
