package org.openbudget.core.profile;

import java.util.List;

/**
 * The labels a 绩效目标表 prints (the profile's {@code text.performance_labels}): the rendered table's heads and the
 * words the reader of a published one looks for. {kind} is the document's 单位 / 部门.
 *
 * @param unit            the project table's unit row (预算单位)
 * @param overallUnit     the overall table's unit row ({kind}名称)
 * @param contact         the overall table's contact row ({kind}联系人)
 * @param project         项目名称
 * @param manager         项目负责人
 * @param projectFunds    the project table's funds row (项目资金（万元）)
 * @param overallFunds    the overall table's funds row (年度预算（万元）)
 * @param total           年度预算总额
 * @param fiscal          其中：财政拨款
 * @param other           其他资金
 * @param projectGoal     项目总体目标
 * @param overallGoal     年度绩效目标
 * @param indicators      the indicator header, nine columns (一级指标 … 佐证资料)
 */
public record PerformanceLabels(String unit, String overallUnit, String contact, String project, String manager,
                                String projectFunds, String overallFunds, String total, String fiscal, String other,
                                String projectGoal, String overallGoal, List<String> indicators) {
    /** The labels of the published Xinjiang 2024 tables (and every profile that names none). */
    public static final PerformanceLabels DEFAULT = new PerformanceLabels("预算单位", "{kind}名称", "{kind}联系人", "项目名称", "项目负责人",
            "项目资金（万元）", "年度预算（万元）", "年度预算总额", "其中：财政拨款", "其他资金", "项目总体目标", "年度绩效目标",
            List.of("一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"));

    public PerformanceLabels {
        indicators = List.copyOf(indicators);
        if (indicators.size() != 9) throw new IllegalArgumentException("a 绩效目标表 has nine indicator columns, not " + indicators.size());
    }

    /** The overall table's unit row for a document of this kind (单位 / 部门). */
    public String overallUnit(String kind) { return overallUnit.replace("{kind}", kind); }

    /** The overall table's contact row for a document of this kind. */
    public String contact(String kind) { return contact.replace("{kind}", kind); }
}
