package org.openbudget.check;

import static org.openbudget.check.Case.Loc.error;
import static org.openbudget.check.Fixtures.DEPT;
import static org.openbudget.check.Fixtures.FUNDS;
import static org.openbudget.check.Fixtures.SCI;
import static org.openbudget.check.Fixtures.SME;
import static org.openbudget.check.Mutate.cell;
import static org.openbudget.check.Mutate.code;
import static org.openbudget.check.Mutate.line;
import static org.openbudget.check.Mutate.project;
import static org.openbudget.check.Mutate.total;
import static org.openbudget.check.Mutate.unit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.Side;

/** Row sums, 类 = Σ款 = Σ项, totals, unit subtotals, 表1/表4 income and balance, 表10 items: one broken cell each. */
class WithinTableChecksTest {
    static final String BENJI = "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）";
    static final String ENERGY = "乌鲁木齐市节能监察中心";
    static final String PPP = "PPP项目咨询服务费";
    static final String SCI_PROJECT = "乌鲁木齐地区科技统计与文献服务工作经费";

    static List<Case> cases() {
        return List.of(
                // ---- each row's columns add up ----
                Case.of("T2.row-sum", SME, "表2 2060499 总计 34.33 → 35.33",
                        d -> cell(d, 2, code("2060499"), "总计", "35.33"),
                        error(2, "2060499", "", "总计", "34.33", "35.33")),
                Case.of("T3.row-sum", SME, "表3 2060499 合计 34.33 → 35.33",
                        d -> cell(d, 3, code("2060499"), "合计", "35.33"),
                        error(3, "2060499", "", "合计", "34.33", "35.33")),
                Case.of("T4.row-sum", SME, "表4 支出 206 合计 34.33 → 35.33",
                        d -> cell(d, 4, code("206"), "合计", "35.33"),
                        error(4, "206", "", "合计", "34.33", "35.33")),
                Case.of("T5.row-sum", SME, "表5 2060499 合计 34.33 → 35.33",
                        d -> cell(d, 5, code("2060499"), "合计", "35.33"),
                        error(5, "2060499", "", "合计", "34.33", "35.33")),
                Case.of("T6.row-sum", SME, "表6 30101 合计 64.34 → 65.34",
                        d -> cell(d, 6, code("30101"), "合计", "65.34"),
                        error(6, "30101", "", "合计", "64.34", "65.34")),
                Case.of("T7.row-sum", DEPT, "表7 PPP项目 项目支出合计 28.00 → 29.00",
                        d -> cell(d, 7, project(PPP), "项目支出合计", "29.00"),
                        error(7, "2150502", PPP, "项目支出合计", "28.00", "29.00")),
                Case.of("T8.row-sum", FUNDS, "表8 2290402 合计 50.00 → 51.00",
                        d -> cell(d, 8, code("2290402"), "合计", "51.00"),
                        error(8, "2290402", "", "合计", "50.00", "51.00")),
                Case.of("T9.row-sum", FUNDS, "表9 2150899 公用经费 1.00 → 2.00",
                        d -> cell(d, 9, code("2150899"), "公用经费", "2.00"),
                        error(9, "2150899", "", "合计", "32.00", "31.00")),
                Case.of("T10.row-sum", SME, "表10 公务接待费 合计 blank → 1.00",
                        d -> cell(d, 10, line("reception"), "合计", "1.00"),
                        error(10, "", "", "合计", "0.00", "1.00")),
                Case.of("T11.row-sum", SCI, "表11 project 总计 0.10 → 0.20",
                        d -> cell(d, 11, project(SCI_PROJECT), "总计", "0.20"),
                        error(11, "", SCI_PROJECT, "总计", "0.10", "0.20")),
                Case.of("T11.row-sum", FUNDS, "表11 非财政拨款项目支出 5.00 → 6.00 (second equation)",
                        d -> cell(d, 11, project("信息化运维项目"), "非财政拨款项目支出", "6.00"),
                        error(11, "", "信息化运维项目", "非财政拨款合计", "6.00", "5.00")),

                // ---- 类 = Σ款, 款 = Σ项 ----
                Case.of("T2.class-sum", SME, "表2 2060499 总计 → 35.33: 20604 no longer adds up",
                        d -> cell(d, 2, code("2060499"), "总计", "35.33"),
                        error(2, "20604", "", "总计", "35.33", "34.33")),
                Case.of("T3.class-sum", SME, "表3 2080502 基本支出 18.63 → 19.63",
                        d -> cell(d, 3, code("2080502"), "基本支出", "19.63"),
                        error(3, "20805", "", "基本支出", "44.26", "43.26")),
                Case.of("T5.class-sum", SME, "表5 21508 合计 226.56 → 227.56: both 215 and 21508 break",
                        d -> cell(d, 5, code("21508"), "合计", "227.56"),
                        error(5, "215", "", "合计", "227.56", "226.56"),
                        error(5, "21508", "", "合计", "226.56", "227.56")),
                Case.of("T6.class-sum", SME, "表6 30201 公用经费 5.41 → 6.41",
                        d -> cell(d, 6, code("30201"), "公用经费", "6.41"),
                        error(6, "302", "", "公用经费", "21.65", "20.65")),
                Case.of("T7.class-sum", DEPT, "表7 本级 PPP项目 28.00 → 29.00: 本级's 21505 only",
                        d -> cell(d, 7, project(PPP), "项目支出合计", "29.00"),
                        error(7, "21505", "", "项目支出合计", "77.53", "76.53")),
                Case.of("T8.class-sum", FUNDS, "表8 2290402 合计 50.00 → 51.00",
                        d -> cell(d, 8, code("2290402"), "合计", "51.00"),
                        error(8, "22904", "", "合计", "51.00", "50.00")),
                Case.of("T9.class-sum", FUNDS, "表9 2150899 项目支出 30.00 → 31.00",
                        d -> cell(d, 9, code("2150899"), "项目支出", "31.00"),
                        error(9, "21508", "", "项目支出", "31.00", "30.00")),

                // ---- 总计 = Σ类 (or Σ unit subtotals) ----
                Case.of("T2.total-sum", SME, "表2 总计 304.15 → 305.15",
                        d -> cell(d, 2, total(), "总计", "305.15"),
                        error(2, "", "", "总计", "304.15", "305.15")),
                Case.of("T3.total-sum", SME, "表3 总计 项目支出 34.33 → 34.00",
                        d -> cell(d, 3, total(), "项目支出", "34.00"),
                        error(3, "", "", "项目支出", "34.33", "34.00")),
                Case.of("T5.total-sum", SME, "表5 215 基本支出 226.56 → 225.56",
                        d -> cell(d, 5, code("215"), "基本支出", "225.56"),
                        error(5, "", "", "基本支出", "268.82", "269.82")),
                Case.of("T6.total-sum", SME, "表6 总计 公用经费 20.65 → 21.65",
                        d -> cell(d, 6, total(), "公用经费", "21.65"),
                        error(6, "", "", "公用经费", "20.65", "21.65")),
                Case.of("T7.total-sum", DEPT, "表7 总计 2,341.81 → 2,340.81 (Σ unit subtotals)",
                        d -> cell(d, 7, total(), "项目支出合计", "2340.81"),
                        error(7, "", "", "项目支出合计", "2341.81", "2340.81")),
                Case.of("T7.total-sum", SME, "表7 206 商品服务支出 34.33 → 30.00 (a unit: Σ类)",
                        d -> cell(d, 7, code("206"), "商品服务支出", "30.00"),
                        error(7, "", "", "商品服务支出", "30.00", "34.33")),
                Case.of("T8.total-sum", FUNDS, "表8 总计 52.00 → 53.00",
                        d -> cell(d, 8, total(), "合计", "53.00"),
                        error(8, "", "", "合计", "52.00", "53.00")),
                Case.of("T9.total-sum", FUNDS, "表9 总计 31.00 → 30.00",
                        d -> cell(d, 9, total(), "合计", "30.00"),
                        error(9, "", "", "合计", "31.00", "30.00")),
                Case.of("T11.total-sum", DEPT, "表11 总计 29,197.23 → 29,000.00",
                        d -> cell(d, 11, total(), "总计", "29000.00"),
                        error(11, "", "", "总计", "29197.23", "29000.00")),

                // ---- a unit's subtotal = Σ its rows ----
                Case.of("T7.unit-sum", DEPT, "表7 节能监察中心 subtotal 10.28 → 11.28",
                        d -> cell(d, 7, unit(ENERGY), "项目支出合计", "11.28"),
                        error(7, "", "", "项目支出合计", "10.28", "11.28")).withMessage(ENERGY),
                Case.of("T11.unit-sum", DEPT, "表11 本级 unit row 财政拨款合计 29,197.23 → 29,197.00",
                        d -> cell(d, 11, unit(BENJI), "财政拨款合计", "29197.00"),
                        error(11, "", "", "财政拨款合计", "29197.23", "29197.00")).withMessage(BENJI),

                // ---- 表1 / 表4: income rows, totals, balance ----
                Case.of("T1.income-sum", SME, "表1 其中：一般财力 304.15 → 300.00: 1.一般公共预算拨款 no longer adds up",
                        d -> cell(d, 1, line("gpb.local"), "预算数", "300.00"),
                        error(1, "", "", "预算数", "300.00", "304.15")).withMessage("1.一般公共预算拨款"),
                Case.of("T1.income-total", SME, "表1 收入总计 304.15 → 305.15",
                        d -> cell(d, 1, total(Side.INCOME), "预算数", "305.15"),
                        error(1, "", "", "预算数", "304.15", "305.15")),
                Case.of("T1.expense-total", SME, "表1 支出 206 34.33 → 35.33",
                        d -> cell(d, 1, code("206"), "预算数", "35.33"),
                        error(1, "", "", "预算数", "305.15", "304.15")),
                Case.of("T1.balance", SME, "表1 支出总计 304.15 → 305.15",
                        d -> cell(d, 1, total(Side.EXPENSE), "预算数", "305.15"),
                        error(1, "", "", "预算数", "304.15", "305.15")),
                Case.of("T4.income-sum", SME, "表4 一般公共预算 (income) 304.15 → 300.00",
                        d -> cell(d, 4, line("fiscal.gpb"), "合计", "300.00"),
                        error(4, "", "", "合计", "300.00", "304.15")).withMessage("一、财政拨款（补助）"),
                Case.of("T4.income-total", SME, "表4 收入总计 304.15 → 305.15",
                        d -> cell(d, 4, total(Side.INCOME), "合计", "305.15"),
                        error(4, "", "", "合计", "304.15", "305.15")),
                Case.of("T4.expense-total", SME, "表4 支出 215 一般公共预算 226.56 → 227.56",
                        d -> cell(d, 4, code("215"), "一般公共预算", "227.56"),
                        error(4, "", "", "一般公共预算", "305.15", "304.15")),
                Case.of("T4.balance", SME, "表4 支出总计 304.15 → 305.15",
                        d -> cell(d, 4, total(Side.EXPENSE), "合计", "305.15"),
                        error(4, "", "", "合计", "304.15", "305.15")),

                // ---- 表10 items ----
                Case.of("T10.item-sum", SME, "表10 公务用车运行费 一般公共预算 1.89 → 2.89: 小计 no longer adds up",
                        d -> cell(d, 10, line("vehicles.run"), "一般公共预算", "2.89"),
                        error(10, "", "", "一般公共预算", "2.89", "1.89")).withMessage("公务用车购置及运行费（小计）"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fires_exactly_where_broken(Case c) {
        CheckAssert.verify(c);
    }

    @Test
    void a_subtotal_printed_without_any_of_its_detail_lines_is_not_a_sum_of_nothing() {
        // 上海's 单位预算 print "四、其他收入" alone, none of the 其中 lines the template lists under it
        Disclosure alone = Mutate.removeRow(Mutate.removeRow(SME.disclosure(), 1, line("gpb.local")), 1, line("gpb.transfer"));
        assertThat(CheckCatalogue.runOnly("income-sum", alone, SME.profile(), SME.ref())).isEmpty();
        // one of them printed: the subtotal is checked against it
        Disclosure one = Mutate.removeRow(SME.disclosure(), 1, line("gpb.transfer"));
        one = cell(one, 1, line("gpb.local"), "预算数", "300.00");
        assertThat(CheckCatalogue.runOnly("income-sum", one, SME.profile(), SME.ref())).isNotEmpty();
    }
}
