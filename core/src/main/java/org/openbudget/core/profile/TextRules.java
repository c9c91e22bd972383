package org.openbudget.core.profile;

import java.util.List;

/**
 * What a template prescribes about the text of 第三部分 that the text checks and the reader of
 * published documents need (refdata/profiles/*.yaml, {@code text_rules}).
 *
 * @param performanceWeightTotal Σ 指标分值权重 of a 项目支出绩效目标表 (90 when 10 points are reserved for the
 *                               budget execution rate); 0 when the template does not prescribe it
 * @param runningTermAdmin       十二（一）'s term for a 行政 / 参公 unit (机关运行经费)
 * @param runningTermInstitution 十二（一）'s term for a 事业 unit (事业单位运行经费)
 * @param projectItems           the words before which each project's text names the economic items its money goes to
 *                               ("资金分配情况：维修(护)费 34.33万元"); a reader of a table whose blank cells leave no
 *                               trace places a project row's amounts only in the columns of the classes named there; "" for none
 * @param agencyTypes            how the type of a single unit (行政 / 事业) shows in its document ({@code agency_types}):
 *                               the functional 项 only such a unit spends on, and the endings of such a unit's name
 */
public record TextRules(int performanceWeightTotal, String runningTermAdmin, String runningTermInstitution,
                        String projectItems, List<AgencyType> agencyTypes) {
    /**
     * A type of unit and its evidence: a functional 项 (by name) of its tables only this type spends on (行政运行,
     * 行政单位离退休), else the ending of its name (局, 委 …; 中心, 院 …).
     */
    public record AgencyType(String type, List<String> items, List<String> nameEndings) {
        public AgencyType {
            items = List.copyOf(items);
            nameEndings = List.copyOf(nameEndings);
        }
    }

    /** 行政 and 事业 units as the national functional classification and unit names tell them apart. */
    public static final List<AgencyType> AGENCY_TYPES = List.of(
            new AgencyType("行政", List.of("行政运行", "行政单位离退休"), List.of("局", "委", "办", "厅", "委员会", "办公室")),
            new AgencyType("事业", List.of("事业运行", "事业单位离退休"), List.of("中心", "院", "所", "站", "馆", "队", "台", "校", "学")));

    public static final TextRules DEFAULT = new TextRules(0, "机关运行经费", "事业单位运行经费", "", AGENCY_TYPES);

    public TextRules {
        projectItems = projectItems == null ? "" : projectItems.trim();
        agencyTypes = agencyTypes == null ? AGENCY_TYPES : List.copyOf(agencyTypes);
    }
}
