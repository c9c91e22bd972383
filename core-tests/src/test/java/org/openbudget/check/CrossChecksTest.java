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

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same amount in two tables (the checks the Xinjiang profile declares between its tables): one side changed, the finding at the row that differs. */
class CrossChecksTest {
    static List<Case> cases() {
        return List.of(
                Case.of("X.T1-T2.source", SME, "表1 其中：一般财力 304.15 → 300.00",
                        d -> cell(d, 1, line("gpb.local"), "预算数", "300.00"),
                        error(1, "", "", "预算数", "304.15", "300.00")).withMessage("其中：一般财力"),
                Case.of("X.T1-T2.source", SME, "表2 总计 304.15 → 305.15: 收入总计 and 一般财力 against 表2",
                        d -> cell(d, 2, total(), "一般公共预算", "305.15"),
                        error(1, "", "", "预算数", "305.15", "304.15")).withMessage("一般公共预算"),
                Case.of("X.T1-T2.class", SME, "表1 支出 206 34.33 → 35.33",
                        d -> cell(d, 1, code("206"), "预算数", "35.33"),
                        error(1, "206", "", "预算数", "34.33", "35.33")),
                Case.of("X.T1-T3.class", SME, "表3 206 合计 34.33 → 35.33",
                        d -> cell(d, 3, code("206"), "合计", "35.33"),
                        error(1, "206", "", "预算数", "35.33", "34.33")),
                Case.of("X.T2-T3.row", SME, "表3 2080502 合计 18.63 → 19.63",
                        d -> cell(d, 3, code("2080502"), "合计", "19.63"),
                        error(3, "2080502", "", "合计", "18.63", "19.63")),
                Case.of("X.T2-T5.row", SME, "表5 2080502 合计 18.63 → 19.63",
                        d -> cell(d, 5, code("2080502"), "合计", "19.63"),
                        error(5, "2080502", "", "合计", "18.63", "19.63")),
                Case.of("X.T2-T5.row", DEPT, "表2 2150805 上级转移支付 152.00 → 150.00",
                        d -> cell(d, 2, code("2150805"), "上级一般公共预算安排的转移支付", "150.00"),
                        error(5, "2150805", "", "合计", "150.00", "152.00")),
                Case.of("X.T2-T4.class", SME, "表4 支出 208 合计 43.26 → 44.26",
                        d -> cell(d, 4, code("208"), "合计", "44.26"),
                        error(4, "208", "", "合计", "43.26", "44.26")),
                Case.of("X.T2-T4.class", SME, "表4 收入 一般公共预算 304.15 → 300.00",
                        d -> cell(d, 4, line("fiscal.gpb"), "合计", "300.00"),
                        error(4, "", "", "合计", "304.15", "300.00")).withMessage("表4「一般公共预算」"),
                Case.of("X.T4-T5", SME, "表4 支出 208 一般公共预算 43.26 → 44.26",
                        d -> cell(d, 4, code("208"), "一般公共预算", "44.26"),
                        error(4, "208", "", "一般公共预算", "43.26", "44.26")),
                Case.of("X.T4-T5", SME, "表5 总计 合计 304.15 → 305.15",
                        d -> cell(d, 5, total(), "合计", "305.15"),
                        error(4, "", "", "合计", "305.15", "304.15")),
                Case.of("X.T5-T6", SME, "表6 总计 269.82 → 270.82",
                        d -> cell(d, 6, total(), "合计", "270.82"),
                        error(6, "", "", "合计", "269.82", "270.82")),
                Case.of("X.T5-T7", DEPT, "表7 本级 PPP项目 28.00 → 29.00: 2150502 summed over the projects",
                        d -> cell(d, 7, project("PPP项目咨询服务费"), "项目支出合计", "29.00"),
                        error(7, "2150502", "", "项目支出合计", "76.53", "77.53")),
                Case.of("X.T5-T7", SME, "表5 2060499 项目支出 34.33 → 34.00",
                        d -> cell(d, 5, code("2060499"), "项目支出", "34.00"),
                        error(7, "2060499", "信息化运维项目", "项目支出合计", "34.00", "34.33")),
                Case.of("X.T8-T2", FUNDS, "表8 2080505 合计 2.00 → 3.00",
                        d -> cell(d, 8, code("2080505"), "合计", "3.00"),
                        error(8, "2080505", "", "合计", "2.00", "3.00")),
                Case.of("X.T9-T2", FUNDS, "表9 2150899 合计 31.00 → 32.00",
                        d -> cell(d, 9, code("2150899"), "合计", "32.00"),
                        error(9, "2150899", "", "合计", "31.00", "32.00")),
                Case.of("X.T11-T1", SCI, "表1 1、财政拨款结转 0.10 → 0.20",
                        d -> cell(d, 1, line("carry.fiscal"), "预算数", "0.20"),
                        error(11, "", "", "财政拨款合计", "0.20", "0.10")),
                Case.of("X.T11-T1", FUNDS, "表11 总计 非财政拨款合计 5.00 → 6.00",
                        d -> cell(d, 11, total(), "非财政拨款合计", "6.00"),
                        error(11, "", "", "非财政拨款合计", "5.00", "6.00")),
                Case.of("X.T10-T6", SME, "表10 公务用车运行费 一般公共预算 1.89 → 1.50 (< 表6 30231)",
                        d -> cell(d, 10, line("vehicles.run"), "一般公共预算", "1.50"),
                        error(10, "", "", "一般公共预算", "1.89", "1.50")).withMessage("公务用车运行费"),
                Case.of("X.T10-T6", DEPT, "表6 30217 公务接待费 0.30 → 0.50 (> 表10)",
                        d -> cell(d, 6, code("30217"), "合计", "0.50"),
                        error(10, "", "", "一般公共预算", "0.50", "0.30")).withMessage("公务接待费"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fires_exactly_where_broken(Case c) {
        CheckAssert.verify(c);
    }
}
