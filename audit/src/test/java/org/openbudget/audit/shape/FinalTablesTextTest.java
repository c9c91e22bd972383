package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A 决算's last tables as pdftotext -layout prints them (普陀区财政局 2024): its 基本支出表 in two panels side by side, a
 * name wrapped onto the line under the other panel's row ("机关事业单位基本养老保险缴" / "06 电费" / "费"), and its last
 * table printed blank (国有资本经营, its 合计 line only) before the 说明, whose sentences put a word a space before an
 * amount ("年初预算为 1560.05 万元") — none of the table's lines. The fixture is the document's lines as printed (its
 * 目录, its 基本支出表's first rows and totals, then its last three tables and its 说明's first sections and lines of 五);
 * and 上海's blank 决算 template's 一般公共预算支出表, a blank row's name wrapped around its code and the name's middle.
 */
class FinalTablesTextTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> LINES = List.of(
            "",
            "第二部分 上海市普陀区财政局2024年度部门决算表",
            " 一、收入支出决算总表",
            "",
            " 二、收入决算表",
            "",
            " 三、支出决算表",
            "",
            " 四、财政拨款收入支出决算总表",
            "",
            " 五、一般公共预算财政拨款支出决算表",
            "",
            " 六、一般公共预算财政拨款基本支出决算表",
            "",
            " 七、财政拨款“三公”经费支出决算表",
            "",
            " 八、政府性基金预算财政拨款收入支出决算表",
            "",
            " 九、国有资本经营预算财政拨款收入支出决算表",
            "",
            "\f                    一般公共预算财政拨款基本支出决算表",
            "                                                                 单位：万元",
            "",
            "    经济分类                                   经济分类",
            "    科目编码                                   科目编码",
            "                   科目名称      决算数                         科目名称        决算数",
            "        款                                      款",
            "类                                      类",
            "",
            "301                         2,082.85   302                           171.07",
            "            工资福利支出                                 商品和服务支出",
            "",
            "                            262.33                                   21.21",
            "301    01                              302",
            "            基本工资                              01   办公费",
            "",
            "",
            "                            160.75",
            "301    08   机关事业单位基本养老保险缴              302",
            "                                              06   电费",
            "            费",
            "",
            "                             80.38                                    4.88",
            "301    09                              302",
            "            职业年金缴费                            07   邮电费",
            "",
            "                             60.99",
            "301    10                              302",
            "            职工基本医疗保险缴费                        08   取暖费",
            "                         2,152.26                                 184.65",
            "           人员经费合计                              公用经费合计",
            "\f                             财政拨款“三公”经费支出决算表",
            "                                                                           单位：万元",
            "",
            "                                   财政拨款“三公”经费",
            "                                         公务用车购置及运行费",
            "         合计      因公出国（境）费",
            "                                  小计                   公务用车运行费        公务接待费",
            "                                          公务用车购置费",
            "",
            "",
            "预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数",
            "",
            "  0.95                                                              0.95",
            "\f              政府性基金预算财政拨款收入支出决算表",
            "                                          单位：万元",
            "",
            "",
            "        项目                       本年支出",
            "    支出功能分类         年初结转和                   年末结转和",
            "                         本年收入",
            "     科目编码     科目名称  结余        小计 基本支出 项目支出  结余",
            "类    款    项",
            "",
            "",
            "",
            "",
            "        合计",
            "",
            "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。",
            "\f              国有资本经营预算财政拨款收入支出决算表",
            "                                           单位：万元",
            "",
            "",
            "        项目                        本年支出",
            "    支出功能分类          年初结转和                   年末结转和",
            "                          本年收入",
            "     科目编码      科目名称  结余        小计 基本支出 项目支出  结余",
            "类    款    项",
            "",
            "",
            "",
            "",
            "        合计",
            "",
            "注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。",
            "\f   第三部分上海市普陀区财政局2024年度部门决算情况",
            "             说明",
            "",
            "",
            "  一、收入支出决算总体情况说明",
            "",
            "  上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入",
            "支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，",
            "以及项目支出中合同支付进度条款等原因减少支付。",
            "",
            "  二、收入决算情况说明",
            "",
            "  本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他",
            "收入6.2万元，占0.21%；",
            "",
            "  三、支出决算情况说明",
            "",
            "",
            "603.14万元，占20.51%；",
            "    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出",
            "",
            "",
            "  四、财政拨款收入支出决算总体情况说明",
            "",
            "  上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，",
            "财政拨款收入支出总计持平。主要原因：",
            "",
            "基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支",
            "付。",
            "",
            "局财政业务指导与宣传等基本支出。年初预算为 10.00 万元，支出决算为10.00万元。",
            "决算数与预算数基本持平。",
            "",
            "3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化",
            "系统日常维护费等支出。年初预算为135.90万元，支出决算为135.25万元。决算数小于",
            "预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。",
            "",
            " 4、一般公共服务支出（类）财政事务（款）财政委托业务支出（项）。主要用于：",
            "",
            "449.52万元。决算数小于预算数的主要原因：因个别项目评审费未能实施或未来得及",
            "委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为",
            "",
            "支付完毕，于明年重新申请。",
            "",
            "5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休",
            "（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万",
            "元。 决算数小于预算数的主要原因：预算按充分保障预估，实际执行基本贴合预期。",
            "",
            " 6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老",
            ""
);

    private static ShapeReader.Result read() {
        return ShapeReader.read(new ArrayList<>(LINES), LIB.profile("shanghai-final-2024"), LIB.year(2024), "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024);
    }

    private static DisclosureTable table(ShapeReader.Result r, String title) {
        return r.tables().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void aPanelsNameWrappedOntoTheNextRowsLineIsGivenToTheRowWhoseOfficialNameItCompletes() {
        DisclosureTable t = table(read(), "一般公共预算财政拨款基本支出决算表");
        assertThat(row(t, "30108").name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(row(t, "30109").name()).isEqualTo("职业年金缴费");
        assertThat(row(t, "30109").values().get(0)).isEqualByComparingTo("80.38");
    }

    @Test
    void theLastTablePrintedBlankIsReadAsTheTablesBeforeItNotAsTheExplanationAfterIt() {
        ShapeReader.Result r = read();
        // as the 政府性基金 table before it, and as the PDF reads it: its 合计 line, blank — not an empty table
        for (String title : List.of("政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表")) {
            DisclosureTable t = table(r, title);
            assertThat(t.empty()).as(title).isFalse();
            assertThat(t.rows()).as(title).singleElement().satisfies(x -> {
                assertThat(x.kind()).isEqualTo(RowKind.TOTAL);
                assertThat(x.values()).containsOnlyNulls();
            });
        }
    }

    /** 上海's blank 决算 template's 一般公共预算财政拨款支出决算表: its rows printed blank, a name wrapped around its code's line. */
    private static final List<String> TEMPLATE = List.of(
            "\f                  一般公共预算财政拨款支出决算表",
            "                                     单位：万元",
            "           项目",
            "",
            "                        合计    基本支出   项目支出",
            "  功能分类",
            "                科目名称",
            "  科目编码",
            "",
            "",
            " 205        教育支出",
            "",
            " 20502      普通教育",
            "",
            " 2050205    高等教育",
            "",
            " …          …",
            "            文化旅游体育",
            " 207",
            "            与传媒支出",
            "            其他文化旅游",
            " 20799      体育与传媒支",
            "            出",
            " …",
            " …          …",
            " …",
            "           合计",
            "注：本表反映部门本年度一般公共预算财政拨款支出情况。");

    @Test
    void aBlankRowsNameWrappedAroundItsCodesLineIsTheRowsWholeName() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(TEMPLATE), LIB.profile("shanghai-final-2024"), LIB.year(2024), "上海市XX局", AgencyKind.DEPARTMENT, 2024);
        DisclosureTable t = table(r, "一般公共预算财政拨款支出决算表");
        // "其他文化旅游" / "20799      体育与传媒支" / "出"; and the code alone between its name's lines ("文化旅游体育" / "207" / "与传媒支出")
        assertThat(row(t, "20799").name()).isEqualTo("其他文化旅游体育与传媒支出");
        assertThat(row(t, "207").name()).isEqualTo("文化旅游体育与传媒支出");
        assertThat(t.rows()).noneMatch(x -> x.name().equals("出") || x.name().equals("其他文化旅游"));
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + ": " + t.rows()));
    }
}
