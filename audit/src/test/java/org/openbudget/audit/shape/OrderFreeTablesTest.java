package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A table is found by its title wherever the document prints it, not by the profile's order (西安 2022 决算: its
 * 三公 table, titled "…及会议费、培训费…", printed after the 国有资本 one), a one-row fixed table printed turned is read
 * by its header, and a panelled table printed over more panels than the template's columns continues the last one.
 */
class OrderFreeTablesTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @Test
    void aTitleExtendedByWhatTheTableAlsoHoldsIsStillTheTitle() {
        assertThat(Titles.extends_("财政拨款“三公”经费及会议费、培训费支出决算表", "财政拨款“三公”经费支出决算表")).isTrue();
        assertThat(Titles.extends_("收入支出决算总表", "收入决算表")).isFalse();   // no conjunction: another table
        assertThat(Titles.extends_("财政拨款“三公”经费支出决算表", "收入决算表")).isFalse();
    }

    @Test
    void tablesPrintedOutOfTheProfilesOrderAreEachRead() {
        List<String> lines = List.of(
                "一般公共预算财政拨款基本支出决算表",
                "公开06表",
                "编制部门：某局 金额单位：万元",
                "科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数",
                "301\t工资福利支出\t90.00\t302\t商品和服务支出\t12.00\t310\t资本性支出\t3.00",
                "30101\t基本工资\t90.00\t30201\t办公费\t10.00\t31002\t办公设备购置\t3.00",
                "\t\t\t30299\t其他商品和服务支出\t2.00",   // the first panel blank, the last's cells lost
                "\t人员经费合计\t90.00\t\t\t\t\t公用经费合计\t15.00",
                "国有资本经营预算财政拨款支出决算表",
                "公开08表",
                "编制部门：某局 金额单位：万元",
                "科目代码\t科目名称\t小计\t基本支出\t项目支出",
                "\t合计\t\t\t",
                "财政拨款“三公”经费及会议费、培训费支出决算表",
                "公开09表",
                "编制部门：某局 金额单位：万元",
                "\t财政拨款安排的“三公”经费\t\t",
                "\t\t\t公务用车购置及运行维护费\t\t\t",
                "项目\t小计\t因公出国（境）费用\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费",
                "栏次\t1\t2\t3\t4\t5\t6\t7\t8",
                "预算数\t10.00\t\t8.00\t3.00\t5.00\t2.00\t4.00\t6.00",
                "决算数\t9.00\t\t7.50\t3.00\t4.50\t1.50\t4.00\t6.00",
                "注：本表反映部门本年度财政拨款“三公”经费、会议费、培训费的支出预决算情况。");
        var profile = LIB.profile("national-final-2016");
        ShapeReader.Result r = ShapeReader.read(lines, profile, LIB.year(2024), "某局", AgencyKind.DEPARTMENT, 2022);
        DisclosureTable tpe = table(r, 7), soc = table(r, 9), basic = table(r, 6);

        // 合计 预算/决算, 出国, 车辆小计, 购置, 运行, 接待 — 会议费 and 培训费 are no column of the template
        assertThat(tpe.rows()).hasSize(1);
        assertThat(tpe.rows().get(0).values()).containsExactly(
                bd("10.00"), bd("9.00"), null, null, bd("8.00"), bd("7.50"), bd("3.00"), bd("3.00"), bd("5.00"), bd("4.50"), bd("2.00"), bd("1.50"));
        // the 国有资本 table ends where the 三公 one begins: its blank 合计 row only
        assertThat(soc.rows()).allMatch(x -> x.values().stream().allMatch(v -> v == null));
        assertThat(r.notes()).noneMatch(n -> n.contains("表7") && n.contains("找不到"));

        Row capital = basic.rows().stream().filter(x -> x.code().equals("310")).findFirst().orElseThrow();
        assertThat(capital.values()).containsExactly(null, bd("3.00"));
        Row other = basic.rows().stream().filter(x -> x.code().equals("30299")).findFirst().orElseThrow();
        assertThat(other.name()).isEqualTo("其他商品和服务支出");
        assertThat(other.values()).containsExactly(null, bd("2.00"));
    }

    private static DisclosureTable table(ShapeReader.Result r, int no) {
        return r.tables().stream().filter(t -> t.no() == no).findFirst().orElseThrow(() -> new AssertionError("表" + no + " not read: " + r.notes()));
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
