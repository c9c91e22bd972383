package org.openbudget.core.disclosure.text;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 绩效目标表: the 部门（单位）整体绩效目标表 (projectCode empty) or one 项目支出绩效目标表.
 *
 * @param kind          "整体" or "项目"
 * @param unitName      预算单位 as printed in the table
 * @param projectCode   the project's code (empty for the overall table or when a reader cannot know it)
 * @param projectName   项目名称 (empty for the overall table)
 * @param manager       项目负责人
 * @param total         年度预算总额 (万元)
 * @param fiscal        其中：财政拨款
 * @param other         其他资金
 * @param goal          项目总体目标 / 整体绩效目标 text
 * @param indicators    the indicator rows
 * @param phone         联系电话 (the overall table), else ""
 * @param fiscalUpper   of {@code fiscal}, 上级安排 (the overall table's 财政资金 上级安排; 本级安排 = fiscal − fiscalUpper); null when not stated
 */
public record PerformanceTable(String kind, String unitName, String projectCode, String projectName,
                               String manager, BigDecimal total, BigDecimal fiscal, BigDecimal other,
                               String goal, List<Indicator> indicators, String phone, BigDecimal fiscalUpper) {
    public PerformanceTable {
        indicators = List.copyOf(indicators);
        phone = phone == null ? "" : phone;
    }

    public PerformanceTable(String kind, String unitName, String projectCode, String projectName,
                            String manager, BigDecimal total, BigDecimal fiscal, BigDecimal other,
                            String goal, List<Indicator> indicators) {
        this(kind, unitName, projectCode, projectName, manager, total, fiscal, other, goal, indicators, "", null);
    }

    /**
     * One row: 一级指标, 二级指标, 三级指标, 指标值, 指标值设置依据, 上年完成值, 指标分值权重, 指标赋分规则, 佐证资料.
     */
    public record Indicator(String level1, String level2, String level3, String target, String basis,
                            String lastYear, BigDecimal weight, String scoringRule, String evidence) {
    }

    /** Σ 指标分值权重. */
    /** Of {@code fiscal}, 本级安排: what is not {@code fiscalUpper}; null when either is not stated. */
    public BigDecimal fiscalLocal() {
        return fiscalUpper == null || fiscal == null ? null : fiscal.subtract(fiscalUpper);
    }

    public BigDecimal weightTotal() {
        BigDecimal s = BigDecimal.ZERO;
        for (Indicator i : indicators) if (i.weight() != null) s = s.add(i.weight());
        return s;
    }
}
