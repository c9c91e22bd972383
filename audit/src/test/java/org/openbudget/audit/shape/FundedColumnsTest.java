package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A column of amounts pdftotext prints under the squeezed header's next label, a column of a source the document has no
 * money of ({@link FundedColumns}): 烟台 信访局's 公开表12 (政府采购预算表), its "71.89" under 政府性基金预算 as printed,
 * 一般公共预算's in the PDF — its 收支总体情况表 shows no 政府性基金 income.
 */
class FundedColumnsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** 公开表1, as printed (runs of blank lines made one). */
    private static final List<String> SUMMARY = List.of(
            "\f                                                                        公开表1",
            "",
            "                         收支总体情况表",
            "部门（单位）：烟台市信访局                                                      单位：万元",
            "",
            "                 收 入                                     支   出",
            "         项目            预算数                       项目              预算数",
            "一、财政拨款收入                     1,717.85 一、一般公共服务支出                       1,378.84",
            "  一般公共预算收入                   1,717.85 二、外交支出",
            "  政府性基金预算收入                             三、公共安全支出",
            "",
            "  国有资本经营预算收入                            四、教育支出                             1.00",
            "二、财政专户管理资金收入                            五、科学技术支出",
            "",
            "三、事业收入（不含教育收费）                          六、文化旅游体育与传媒支出",
            "",
            "四、事业单位经营收入                              七、社会保障和就业支出                      178.50",
            "五、其他收入                                  八、卫生健康支出                          71.65",
            "                                        九、节能环保支出",
            "",
            "                                        十、城乡社区支出",
            "",
            "                                        十一、农林水支出",
            "",
            "                                        十二、交通运输支出",
            "",
            "                                        十三、资源勘探工业信息等支出",
            "",
            "                                        十四、商业服务业等支出",
            "",
            "                                        十五、金融支出",
            "",
            "                                        十六、自然资源海洋气象等支出",
            "",
            "                                        十七、住房保障支出                         87.86",
            "                                        十八、粮油物资储备支出",
            "",
            "                                        十九、国有资本经营预算支出",
            "",
            "                                        二十、灾害防治及应急管理支出",
            "",
            "                                        二十一、其他支出",
            "",
            "   本 年 收 入 合 计               1,717.85      本 年 支 出 合 计                 1,717.85",
            "",
            "上级补助收入",
            "附属单位上缴收入                                对附属单位的补助支出",
            "",
            "使用非财政拨款结余                               上缴上级支出",
            "",
            "上年结转                                    结转下年",
            "",
            "       收 入 总 计               1,717.85          支 出 总 计                 1,717.85");

    /** 公开表12, as printed (runs of blank lines made one). */
    private static final List<String> PROCUREMENT = List.of(
            "\f                                                                                                         公开表12",
            "",
            "                                                政府采购预算表",
            "部门（单位）：烟台市信访局                                                                                           单位：万元",
            "",
            "      科目编码                                                           财政拨款",
            "                                                                                 财政专户管          使用非财政",
            "                             科目名称   合计                       一般公共预 政府性基金 国有资本经    理资金    单位资金    拨款结余   上年结转",
            "类      款     项                                  小计             算    预算    营预算",
            "",
            "                  合   计              71.89       71.89               71.89",
            "",
            "201               一般公共服务支出           71.89       71.89               71.89",
            "",
            "       40          信访事务              71.89       71.89               71.89",
            "",
            "             01       行政运行               1.56        1.56            1.56");

    @Test
    void aColumnOfASourceTheDocumentHasNoMoneyOfIsItsNeighbours() {
        DisclosureTable t = table(Stream.concat(SUMMARY.stream(), PROCUREMENT.stream()).toList());
        // 合计, 财政拨款 小计, 一般公共预算, 政府性基金预算 …
        assertThat(firstFour(row(t, RowKind.TOTAL, ""))).containsExactly("71.89", "71.89", "71.89", null);
        assertThat(firstFour(row(t, RowKind.CLASS, "2014001"))).containsExactly("1.56", "1.56", "1.56", null);
    }

    @Test
    void withoutTheSummaryTheColumnsAreAsPrinted() {
        // the sources the document has money of unknown: the amounts stay where the header's labels put them
        DisclosureTable t = table(PROCUREMENT);
        assertThat(firstFour(row(t, RowKind.TOTAL, ""))).containsExactly("71.89", "71.89", null, "71.89");
    }

    @Test
    void aColumnMovesOnlyToAFundedNeighbourNoPageColumnIs() {
        boolean[] funded = {true, true, true, false, false, true};
        assertThat(FundedColumns.moved(new int[] {0, 1, -1, 2, -1, 3}, funded)).containsExactly(0, 1, 2, -1, -1, 3);
        // its left neighbour taken, its right one unfunded: it stays
        assertThat(FundedColumns.moved(new int[] {0, 1, 2, 3, -1, 4}, funded)).containsExactly(0, 1, 2, 3, -1, 4);
        // all funded: unchanged
        int[] pos = {0, 1, -1, 2};
        assertThat(FundedColumns.moved(pos, new boolean[] {true, true, true, true})).isSameAs(pos);
    }

    private static DisclosureTable table(List<String> lines) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("yantai-2026"), LIB.year(2026), "烟台市信访局", AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(x -> x.title().equals("政府采购预算表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static Row row(DisclosureTable t, RowKind kind, String code) {
        return t.rows().stream().filter(r -> r.kind() == kind && (code.isEmpty() || code.equals(r.code()))).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + code + " not read: " + t.rows()));
    }

    private static List<String> firstFour(Row r) {
        return r.values().subList(0, 4).stream().map(v -> v == null ? null : v.toPlainString()).toList();
    }
}
