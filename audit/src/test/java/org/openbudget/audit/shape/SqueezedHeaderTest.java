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
 * A header pdftotext squeezed left: 烟台市教育局's 收入总体情况表 as pdftotext prints it ("一般公共预 政府性基金 国有资本经
 * 理资金收入", one space apart, each label standing over its left neighbour's column; 国有资本经营, 事业单位经营收入, 附属单位
 * 上缴, 使用非财政拨款结余 and 上年结转 filled by no row). Its labels are read in their order and given to the columns of
 * amounts nearest to them. With it, two more of the same document's pages: 公开表5's second page, whose first row alone
 * fills 人员支出 and the two columns after it, and 公开表8, its 合 计 and 小 计 letter-spaced, 项目支出 printed on the line
 * above the other columns' labels.
 */
class SqueezedHeaderTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> INCOME = List.of(
            "                                                                                                                                                 公开表2",
            "",
            "                                                                                   收入总体情况表",
            "部门（单位）：烟台市教育局                                                                                                                                   单位：万元",
            "  科目编码                                                        财政拨款收入",
            "                                                                                   事业收入 事业单位经",
            "                                                                             财政专户管 （不含教育                                    上级补助收 附属单位上 使用非财政",
            "                        科目名称      合计                                                                            其他收入                            上年结转",
            "                                                           一般公共预 政府性基金 国有资本经 理资金收入  收费）",
            "                                                                                         营收入                                  入    缴收入  拨款结余",
            "类     款    项                                   小计",
            "                                                            算收入  预算收入 营预算收入",
            "",
            "",
            "                合   计            315,441.72   233,644.90   231,286.22   2,358.68         62,466.06   4,828.50   14,296.37     205.89",
            "",
            "205             教育支出             313,068.64   231,271.82   231,271.82                    62,466.06   4,828.50   14,296.37     205.89",
            "",
            "      01         教育管理事务           2,244.37      2,244.37     2,244.37",
            "",
            "           01       行政运行          2,163.87      2,163.87     2,163.87",
            "",
            "           99       其他教育管理事务支出       80.50         80.50        80.50",
            "",
            "      02         普通教育            81,946.84     76,710.91    76,710.91                    5,007.08                  228.85",
            "",
            "           01       学前教育          3,571.38      3,571.38     3,571.38",
            "",
            "           03       初中教育          1,184.95      1,184.95     1,184.95",
            "",
            "           04       高中教育         72,190.51     66,954.58    66,954.58                    5,007.08                  228.85");

    @Test
    void aSqueezedHeadersLabelsAreReadInTheirOrder() {
        List<SqueezedHeader.Label> labels = SqueezedHeader.labels(INCOME.subList(4, 12), 33);
        assertThat(labels).extracting(SqueezedHeader.Label::text).containsExactly("合计", "小计", "一般公共预算收入", "政府性基金预算收入",
                "国有资本经营预算收入", "财政专户管理资金收入", "事业收入（不含教育收费）", "事业单位经营收入", "其他收入", "上级补助收入",
                "附属单位上缴收入", "使用非财政拨款结余", "上年结转");
        // the page's eight columns of amounts (合计 … 上级补助收入, as the 合计 row prints them): 国有资本经营 and 事业单位经营收入
        // skipped, the latter's estimated place giving way to 其他收入 printed over its column
        int[] from = {33, 46, 59, 72, 89, 101, 112, 126}, to = {43, 56, 69, 80, 98, 109, 121, 132};
        assertThat(SqueezedHeader.align(labels, from, to)).containsExactly(0, 1, 2, 3, 5, 6, 8, 9);
    }

    @Test
    void aHeaderNotSqueezedIsLeftToTheWordsOverTheColumns() {
        assertThat(SqueezedHeader.labels(List.of("  科目名称      合计          基本支出          项目支出"), 20)).isEmpty();
    }

    @Test
    void eachColumnOfASqueezedHeaderIsNamedByItsLabelNotItsNeighbours() {
        DisclosureTable t = table(INCOME, "收入总体情况表");
        // 合计 | 小计 | 一般公共预算 | 政府性基金 | 国有资本经营 | 财政专户 | 事业收入 | 事业单位经营 | 其他收入 | 上级补助 | 附属单位 | 非财政结余 | 上年结转
        assertThat(values(total(t))).containsExactly("315441.72", "233644.9", "231286.22", "2358.68", null, "62466.06", "4828.5", null,
                "14296.37", "205.89", null, null, null);
        assertThat(values(row(t, "2050204"))).containsExactly("72190.51", "66954.58", "66954.58", null, null, "5007.08", null, null,
                "228.85", null, null, null, null);
    }

    private static final List<String> GPB_SECOND_PAGE = List.of(
            "                                                                                                   公开表5",
            "",
            "                                  一般公共预算支出情况表",
            "部门（单位）：烟台市教育局                                                                                    单位：万元",
            "",
            "      科目编码                                                           基本支出",
            "                           科目名称   合   计                                                         项目支出",
            "类      款     项                                        小   计          人员支出          日常公用支出",
            "             99     其他教育支出            5,515.84            3,918.93      3,751.20       167.73      1,596.91",
            "",
            "210               卫生健康支出                  14.40                                                        14.40",
            "",
            "       99          其他卫生健康支出               14.40                                                        14.40",
            "",
            "             99     其他卫生健康支出              14.40                                                        14.40");

    @Test
    void aLinesSeveralLoneAmountsEachMakeAColumn() {
        DisclosureTable t = table(GPB_SECOND_PAGE, "一般公共预算支出情况表");
        // 合计 | 基本支出小计 | 人员支出 | 日常公用支出 | 项目支出: 14.40 under 合计 and 项目支出, not taken from the right
        assertThat(values(row(t, "210"))).containsExactly("14.4", null, null, null, "14.4");
        assertThat(values(row(t, "2109999"))).containsExactly("14.4", null, null, null, "14.4");
    }

    private static final List<String> GFB = List.of(
            "                                                                               公开表8",
            "",
            "                                     政府性基金预算支出情况表",
            "部门（单位）：烟台市教育局                                                                 单位：万元",
            "",
            "  科目编码                                                       基本支出",
            "                              科目名称       合 计                                 项目支出",
            "类     款    项                                           小 计   人员支出   日常公用支出",
            "",
            "                合   计                       2,358.68                           2,358.68",
            "",
            "212             城乡社区支出                      2,238.68                           2,238.68",
            "",
            "      08         国有土地使用权出让收入安排的支出           2,238.68                           2,238.68",
            "",
            "           03       城市建设支出                     51.98                              51.98",
            "",
            "           09       支付破产或改制企业职工安置费          2,186.70                           2,186.70");

    @Test
    void aLetterSpacedLabelIsOneWordAndTheLabelsBelowALabelAreNoPartOfIt() {
        DisclosureTable t = table(GFB, "政府性基金预算支出情况表");
        assertThat(values(total(t))).containsExactly("2358.68", null, null, null, "2358.68");
        assertThat(values(row(t, "2120803"))).containsExactly("51.98", null, null, null, "51.98");
    }

    private static final List<String> PROJECTS_PAGE = List.of(
            "                                                                                                              公开表11",
            "",
            "                                  项目支出预算情况表",
            "部门（单位）：烟台市教育局                                                                                                单位：万元",
            "",
            "                                                          财政拨款",
            "                                                                             财政专户管                   使用非财政",
            "                项目名称      项目类别   合计                    一般公共预 政府性基金 国有资本经      理资金        单位资金        拨款结余    上年结转",
            "                                            小计           算    预算    营预算",
            "学生资助补助资金-中职教育学生资助（助学金）   特定目标类       7.45       7.45       7.45",
            "",
            "学生资助补助资金（非三保）            特定目标类       3.78                                         3.78",
            "",
            "设备购置和维修改造经费              特定目标类     365.70     365.70     365.70",
            "",
            "安保经费                     其他运转类     171.31      25.20      25.20                  34.81      111.30",
            "",
            "运转补助经费（非三保）              其他运转类   6,880.65                                     4,608.49    2,272.16",
            "",
            "外聘人员经费                   其他运转类     715.48                                       492.80      222.68",
            "",
            "学生资助补助资金-中职教育学生资助（助学金）   特定目标类       9.11       9.11       9.11",
            "",
            "学生资助补助资金-中职教育学生资助（免学费）   特定目标类     157.75     157.75     157.75",
            "",
            "学生资助补助资金（非三保）            特定目标类   1,081.72     619.70     619.70                 365.11       96.91",
            "",
            "设备购置和维修改造经费              特定目标类   5,130.22     953.55     953.55               2,809.73    1,366.94",
            "",
            "地方政府专项债券利息经费             特定目标类   1,659.02                                                 1,659.02",
            "",
            "烟工职院解决历史遗留问题经费（基金）       特定目标类   2,186.70   2,186.70              2,186.70");

    /**
     * 公开表11's page whose one 政府性基金 row is its last: "国有资本经" / "营预算" squeezed over 政府性基金's amounts, ending two
     * columns short of them, is pushed on into the next column (a column no row fills), not put back as a blank column's
     * label wrapped in its cell — 2,186.70 is 政府性基金's, as the PDF prints it (the total's 2,358.68 = 51.98 + … + 2,186.70).
     */
    @Test
    void aSqueezedLabelOverAFilledColumnsAmountsIsNotPutBackAsABlankColumnsLabel() {
        DisclosureTable t = table(PROJECTS_PAGE, "项目支出预算情况表");
        Row r = t.rows().stream().filter(x -> x.project().equals("烟工职院解决历史遗留问题经费（基金）")).findFirst()
                .orElseThrow(() -> new AssertionError(t.rows()));
        // 合计 | 小计 | 一般公共预算 | 政府性基金 | 国有资本经营 | 财政专户 | 单位资金 | 非财政结余 | 上年结转
        assertThat(values(r)).containsExactly("2186.7", "2186.7", null, "2186.7", null, null, null, null, null);
    }

    private static DisclosureTable table(List<String> lines, String title) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("yantai-2026"), LIB.year(2026), "烟台市教育局", AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static Row total(DisclosureTable t) {
        return t.rows().stream().filter(x -> x.kind() == org.openbudget.core.disclosure.RowKind.TOTAL).findFirst()
                .orElseThrow(() -> new AssertionError("no total: " + t.rows()));
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    private static List<String> values(Row r) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : r.values()) out.add(v == null ? null : v.stripTrailingZeros().toPlainString());
        return out;
    }
}
