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
 * A 决算's 基本支出表 printed in more panels than the template has columns, as pdftotext -layout prints it (西安市卫生健康委员会
 * 2022, 公开06表): 人员经费 | 公用经费 | 公用经费 continued, each panel's 科目代码 wrapped in its header cell ("科目代" / "码"),
 * an amount one space before the next panel's code ("164.20 30209"), the next page's panels closer together, a name
 * wrapped around its code's line in the third panel and the two panels' totals on one line. The fixture is the page's
 * lines as printed.
 */
class PanelsTextTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> LINES = List.of(
            "\f                                     一般公共预算财政拨款基本支出决算表",
            "",
            "                                                                                             公开06表",
            "",
            "编制部门：西安市卫生健康委员会（汇总）                                                                       金额单位：万元",
            "科目代                               科目代                             科目代",
            "                科目名称     决算数                       科目名称   决算数                      科目名称      决算数",
            " 码                                  码                               码",
            "301     工资福利支出           92,835.98 302     商品和服务支出        2,085.91 310     资本性支出               7.17",
            "30101   基本工资             32,390.68 30201   办公费             279.66 31001    房屋建筑物购建",
            "30102   津贴补贴             5,920.14 30202    印刷费              31.37 31002    办公设备购置              7.17",
            "30103   奖金               3,193.10 30203    咨询费               0.98 31003    专用设备购置",
            "30106   伙食补助费                      30204   手续费                     31005   基础设施建设",
            "30107   绩效工资             24,198.72 30205   水费               18.99 31006    大型修缮",
            "30108   机关事业单位基本养老保险缴费   7,510.91 30206    电费               89.28 31007    信息网络及软件购置更新",
            "30109   职业年金缴费           3,926.45 30207    邮电费              56.79 31008    物资储备",
            "30110   职工基本医疗保险缴费       1,421.35 30208    取暖费              10.31 31009    土地补偿",
            "30111   公务员医疗补助缴费          164.20 30209    物业管理费            17.54 31010    安置补助",
            "30112   其他社会保障缴费           472.09 30211    差旅费              15.82 31011    地上附着物和青苗补偿",
            "30113   住房公积金            8,867.85 30212    因公出国（境）费用               31012   拆迁补偿",
            "30114   医疗费                  0.35 30213    维修（护）费          135.21 31013    公务用车购置",
            "30199   其他工资福利支出         4,770.13 30214    租赁费               1.84 31019    其他交通工具购置",
            "303     对个人和家庭的补助        3,677.23 30215    会议费              23.86 31021    文物和陈列品购置",
            "30301   离休费              1,598.89 30216    培训费               8.92 31022    无形资产购置",
            "30302   退休费                 87.95 30217    公务接待费             0.06 31099    其他资本性支出",
            "30303   退职（役）费                     30218   专用材料费           328.23 312      对企业补助",
            "30304   抚恤金                164.49 30224    被装购置费                   31201   资本金注入",
            "30305   生活补助             1,257.39 30225    专用燃料费                   31203   政府投资基金股权投资",
            "30306   救济费                        30226   劳务费              54.25 31204    费用补贴",
            "30307   医疗费补助              393.55 30227    委托业务费            87.67 31205    利息补贴",
            "30308   助学金                        30228   工会经费            137.24 31299    其他对企业补助",
            "30309   奖励金                  0.25 30229    福利费                     399     其他支出",
            "30310   个人农业生产补贴                   30231   公务用车运行维护费       450.96 39907    国家赔偿费用支出",
            "\f科目代                               科目代                        科目代",
            "             科目名称     决算数                      科目名称   决算数                     科目名称     决算数",
            " 码                                 码                           码",
            "                                                                      对民间非营利组织和群众性自治",
            "30311   代缴社会保险费                   30239   其他交通费用       274.54 39908",
            "                                                                      组织补贴",
            "30399   其他对个人和家庭的补助      174.71 30240     税金及附加费用             39909   经常性赠与",
            "                                  30299   其他商品和服务支出     62.37 39910   资本性赠与",
            "                                  307     债务利息及费用支出           39999   其他支出",
            "                                  30701   国内债务付息",
            "                                  30702   国外债务付息",
            "                                  30703   国内债务发行费用",
            "                                  30704   国外债务发行费用",
            "        人员经费合计        96,513.21                                       公用经费合计           2,093.08",
            "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。本表金额转换为万元时，因四舍五入可能存在尾差。"
    );

    private static DisclosureTable table() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(LINES), LIB.profile("national-final-2016"), LIB.year(2022),
                "西安市卫生健康委员会（汇总）", AgencyKind.DEPARTMENT, 2022);
        return r.tables().stream().filter(x -> x.title().equals("一般公共预算财政拨款基本支出决算表")).findFirst()
                .orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void eachPrintedPanelIsCutWhereItsWrappedCodeHeadingStandsTheThirdContinuingTheLastColumn() {
        DisclosureTable t = table();
        // 人员经费 (first column): the first panel's rows, an amount one space before the next panel's code kept whole
        assertThat(row(t, "301").values()).containsExactly(new java.math.BigDecimal("92835.98"), null);
        assertThat(row(t, "30111").values().get(0)).isEqualByComparingTo("164.20");
        assertThat(row(t, "30399").values().get(0)).isEqualByComparingTo("174.71");
        // 公用经费 (second column): the second panel's rows and the third's
        assertThat(row(t, "302").values()).containsExactly(null, new java.math.BigDecimal("2085.91"));
        assertThat(row(t, "30209").values().get(1)).isEqualByComparingTo("17.54");
        assertThat(row(t, "30299").values().get(1)).isEqualByComparingTo("62.37");
        assertThat(row(t, "310").values()).containsExactly(null, new java.math.BigDecimal("7.17"));
        assertThat(row(t, "31002").values().get(1)).isEqualByComparingTo("7.17");
        assertThat(row(t, "39908").name()).isEqualTo("对民间非营利组织和群众性自治组织补贴");
        // no amount's digits read as a code ("164.20 30209" as 164 | .20 30209)
        assertThat(t.rows()).allMatch(x -> x.kind() != RowKind.CLASS || x.code().startsWith("3"), "codes of 经济分类 only");
        Row total = t.rows().stream().filter(x -> x.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        assertThat(total.values()).containsExactly(new java.math.BigDecimal("96513.21"), new java.math.BigDecimal("2093.08"));
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + ": " + t.rows()));
    }
}
