package org.openbudget.core.profile;

import java.util.List;

/**
 * The labels a 绩效目标表 prints (the profile's {@code text.performance_labels}): the rendered table's heads and the
 * words the reader of a published one looks for. {kind} is the document's 单位 / 部门. They are data: every profile
 * with a text declares them or inherits them by {@code extends:} (refdata/profiles/national-2016.yaml has them all;
 * docs/profiles.md); there are no labels in Java.
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
 * @param projectTitle    the project table's title (项目支出绩效目标表)
 * @param overallTitles   the overall table's title ({kind}整体绩效目标表), printed; the others are read too
 *                        ({kind}整体预算绩效目标表)
 * @param upper           a published overall table's row of 财政资金 from above (上级安排)
 * @param local           its row of the level's own 财政资金 (本级安排)
 * @param otherSource     its row of other money, the cells read as one ("其他资金（万元）其他")
 * @param ruleMark        the mark of a scoring rule's cell (赋, of 赋分): the weight is the number before it
 * @param ruleStarts      how a scoring rule starts where cells are not kept apart (按…赋分, 满意度赋分…)
 * @param sources         the overall table's funds by source, as the published tables print them: the head of the
 *                        sources (资金来源) and of their amounts (资金总额（万元）), then the rows 财政资金（万元） — its
 *                        {@code upper} and {@code local} — and 其他资金（万元） with its one item (其他):
 *                        [head, amounts head, fiscal, other, other's item]
 */
public record PerformanceLabels(String unit, String overallUnit, String contact, String project, String manager,
                                String projectFunds, String overallFunds, String total, String fiscal, String other,
                                String projectGoal, String overallGoal, List<String> indicators,
                                String projectTitle, List<String> overallTitles, String upper, String local, String otherSource,
                                String ruleMark, List<String> ruleStarts, List<String> sources) {
    /** How many labels {@code sources} holds: [head, amounts head, fiscal, other, other's item]. */
    public static final int SOURCES = 5;

    public PerformanceLabels {
        indicators = List.copyOf(indicators);
        if (indicators.size() != 9) throw new IllegalArgumentException("a 绩效目标表 has nine indicator columns, not " + indicators.size());
        if (overallTitles == null || overallTitles.isEmpty()) throw new IllegalArgumentException("the overall table has a title to print");
        overallTitles = List.copyOf(overallTitles);
        ruleStarts = ruleStarts == null ? List.of() : List.copyOf(ruleStarts);
        sources = List.copyOf(sources);
        if (sources.size() != SOURCES) {
            throw new IllegalArgumentException("the overall table's sources are five labels (资金来源 … 其他), not " + sources.size());
        }
    }

    /** The head of the overall table's sources (资金来源). */
    public String sourcesHead() { return sources.get(0); }

    /** The head of their amounts (资金总额（万元）). */
    public String sourcesTotal() { return sources.get(1); }

    /** The row of 财政资金 (its upper and local lines). */
    public String fiscalSource() { return sources.get(2); }

    /** The row of other money (其他资金（万元）). */
    public String otherFunds() { return sources.get(3); }

    /** The other money's one line (其他). */
    public String otherItem() { return sources.get(4); }

    /** The overall table's title as printed for a document of this kind (单位 / 部门). */
    public String overallTitle(String kind) { return overallTitles.get(0).replace("{kind}", kind); }

    /** The overall table's unit row for a document of this kind (单位 / 部门). */
    public String overallUnit(String kind) { return overallUnit.replace("{kind}", kind); }

    /** The overall table's contact row for a document of this kind. */
    public String contact(String kind) { return contact.replace("{kind}", kind); }
}
