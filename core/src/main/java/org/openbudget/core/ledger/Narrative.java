package org.openbudget.core.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a dataset says besides its ledger that the document's text needs (docs/dataset.md,
 * "The document's text"): 第一部分 (functions, offices, staff), last year's budget as comparatives,
 * the reasons for changes (keyed by the text-fact key they explain, docs/text-facts.md), the
 * 主要用于 notes per 类, per-project descriptions and performance targets, carry-over notes,
 * 政府采购, 国有资产, the overall performance target, other matters and the closing date.
 *
 * <p>Amounts here are 万元 as the document prints them (never 元: the ledger is the only place
 * that holds 元). A department's narrative is its own; its units' narratives serve their own
 * documents. {@link #EMPTY} means "no text data": the Disclosure then carries no text.
 *
 * @param functions    主要职能, one entry per numbered function, without its number
 * @param offices      内设处室 (of the unit, or of a department's 本级)
 * @param personnel    人员情况; null when not given
 * @param lastYear     last year's budget: a whole dataset and/or amounts per key
 * @param reasons      key (income.gpb.local, expense.basic, gpb.item:2150899, tpe.vehicle.run, running …) → 主要原因
 * @param classNotes   功能分类类 code (3 digits) → what its 财政拨款 is 主要用于 (第三部分 四); may contain
 *                     {7-digit code} placeholders that print that 项's 一般公共预算 amount
 * @param projects     per project, in the order 第三部分 七 describes them
 * @param carryOver    notes on the carry-over projects, in the order 第三部分 十一 lists them
 * @param procurement  政府采购; null when not given
 * @param assets       国有资产占用使用情况; null when not given
 * @param overall      the 部门（单位）整体绩效目标表; null when there is none
 * @param performanceOrder pro_codes in the order the 项目支出绩效目标表 follow one another; empty = the order of {@code projects}
 * @param otherMatters 十二（五）其他需说明的事项, paragraphs; empty = the profile's "无其他需说明事项"
 * @param closingDate  the date under the closing name, ISO (2024-02-22); "" when none
 * @param threePublic  a 决算's “三公” details (团组, 人次, 车辆, 接待批次); null when not given
 * @param evaluation   a 决算's 预算绩效管理 results (绩效目标, 绩效监控, 绩效自评 and its grades); null when not given
 */
public record Narrative(List<String> functions, List<String> offices, Personnel personnel, LastYear lastYear,
                        Map<String, String> reasons, Map<String, String> classNotes, List<ProjectText> projects,
                        List<CarryOverNote> carryOver, Procurement procurement, Assets assets, OverallTarget overall,
                        List<String> performanceOrder, List<String> otherMatters, String closingDate,
                        ThreePublic threePublic, Evaluation evaluation) {
    public static final Narrative EMPTY = new Narrative(List.of(), List.of(), null, LastYear.NONE, Map.of(), Map.of(),
            List.of(), List.of(), null, null, null, List.of(), List.of(), "", null, null);

    /** A narrative without a 决算's 绩效评价 results. */
    public Narrative(List<String> functions, List<String> offices, Personnel personnel, LastYear lastYear,
                     Map<String, String> reasons, Map<String, String> classNotes, List<ProjectText> projects,
                     List<CarryOverNote> carryOver, Procurement procurement, Assets assets, OverallTarget overall,
                     List<String> performanceOrder, List<String> otherMatters, String closingDate, ThreePublic threePublic) {
        this(functions, offices, personnel, lastYear, reasons, classNotes, projects, carryOver, procurement, assets, overall,
                performanceOrder, otherMatters, closingDate, threePublic, null);
    }

    /** A narrative without a 决算's “三公” details. */
    public Narrative(List<String> functions, List<String> offices, Personnel personnel, LastYear lastYear,
                     Map<String, String> reasons, Map<String, String> classNotes, List<ProjectText> projects,
                     List<CarryOverNote> carryOver, Procurement procurement, Assets assets, OverallTarget overall,
                     List<String> performanceOrder, List<String> otherMatters, String closingDate) {
        this(functions, offices, personnel, lastYear, reasons, classNotes, projects, carryOver, procurement, assets, overall,
                performanceOrder, otherMatters, closingDate, null, null);
    }

    public Narrative {
        functions = List.copyOf(functions);
        offices = List.copyOf(offices);
        lastYear = lastYear == null ? LastYear.NONE : lastYear;
        reasons = java.util.Collections.unmodifiableMap(org.openbudget.core.disclosure.text.FactKeys.canonicalKeys(reasons));
        classNotes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classNotes));
        projects = List.copyOf(projects);
        carryOver = List.copyOf(carryOver);
        performanceOrder = List.copyOf(performanceOrder);
        otherMatters = List.copyOf(otherMatters);
        closingDate = closingDate == null ? "" : closingDate;
    }

    public boolean isEmpty() { return this.equals(EMPTY); }

    /** This narrative with other last-year figures (a dataset of last year, explicit amounts). */
    public Narrative withLastYear(LastYear newLastYear) {
        return new Narrative(functions, offices, personnel, newLastYear, reasons, classNotes, projects, carryOver, procurement,
                assets, overall, performanceOrder, otherMatters, closingDate, threePublic, evaluation);
    }

    public Optional<ProjectText> project(String proCode) {
        return projects.stream().filter(p -> p.proCode().equals(proCode)).findFirst();
    }

    /** 人员情况: 编制数, and 在职/退休/离休 with their change against last year (negative = 减少). */
    public record Personnel(int authorized, int active, int activeChange, int retired, int retiredChange,
                            int honorary, int honoraryChange) {
        /** 实有人数 = 在职 + 退休 + 离休. */
        public int actual() { return active + retired + honorary; }
    }

    /**
     * Last year's budget. {@code dataset}: last year's whole dataset, from which every comparative is
     * derived (as last year's document printed it); {@code amounts}: figures per text-fact key in 万元
     * (income.gpb.local, expense.basic, gpb.basic, gpb.item:2150805, tpe.vehicle.run, running …), which
     * take precedence over derived ones. A key given by neither had no budget last year (0).
     */
    public record LastYear(Budget dataset, Map<String, BigDecimal> amounts) {
        public static final LastYear NONE = new LastYear(null, Map.of());

        public LastYear {
            amounts = java.util.Collections.unmodifiableMap(org.openbudget.core.disclosure.text.FactKeys.canonicalKeys(amounts));
        }
    }

    /**
     * A project's description (第三部分 七) and its 项目支出绩效目标表.
     *
     * @param basis      设立的政策依据
     * @param allocation 资金分配情况: items and amounts (万元 as written: 21, 0.6, 8.03)
     * @param period     资金执行时间, as printed ("2024年1月1日-2024年12月31日")
     * @param manager    项目负责人 ("" when the table leaves it blank)
     * @param target     the performance target; null when the project has no 绩效目标表
     */
    public record ProjectText(String proCode, String basis, List<Allocation> allocation, String period,
                              String manager, Target target) {
        public ProjectText {
            allocation = List.copyOf(allocation);
            basis = basis == null ? "" : basis;
            period = period == null ? "" : period;
            manager = manager == null ? "" : manager;
        }
    }

    public record Allocation(String item, BigDecimal amount) {}

    /** A 项目支出绩效目标表's own content: 项目总体目标 and its indicator rows. */
    public record Target(String goal, List<Indicator> indicators) {
        public Target {
            indicators = List.copyOf(indicators);
        }
    }

    /** One indicator row: 一级/二级/三级指标, 指标值, 设置依据, 上年完成值, 分值权重, 赋分规则, 佐证资料. */
    public record Indicator(String level1, String level2, String level3, String target, String basis,
                            String lastYear, BigDecimal weight, String scoringRule, String evidence) {}

    /** 十一: what a carry-over project's money is 主要用于. */
    public record CarryOverNote(String proCode, String note) {}

    /** 政府采购 (万元): 货物, 工程, 服务 (total = their sum); reserved for SMEs and for small and micro firms. */
    public record Procurement(BigDecimal goods, BigDecimal works, BigDecimal services, BigDecimal sme, BigDecimal micro) {
        public BigDecimal total() { return goods.add(works).add(services); }
    }

    /**
     * 国有资产占用使用情况 at the end of last year, and the purchases budgeted this year.
     * Values are 万元; building area m².
     */
    public record Assets(BigDecimal buildingArea, BigDecimal buildingValue,
                         int officialCars, BigDecimal officialCarsValue,
                         int enforcementCars, BigDecimal enforcementCarsValue,
                         int otherCars, BigDecimal otherCarsValue,
                         BigDecimal furniture, BigDecimal other,
                         int equipment50, int equipment100,
                         int purchaseVehicles, int purchaseEquipment50, int purchaseEquipment100) {
        public int cars() { return officialCars + enforcementCars + otherCars; }

        public BigDecimal carsValue() { return officialCarsValue.add(enforcementCarsValue).add(otherCarsValue); }
    }

    /** The 部门（单位）整体绩效目标表: contact, phone, the year's goal and its indicators (amounts come from the ledger). */
    public record OverallTarget(String contact, String phone, String goal, List<Indicator> indicators) {
        public OverallTarget {
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * A 决算's “三公” details (counts the 三公 tables do not hold, stated in its 说明): 因公出国（境）团组数 and 人次,
     * 公务用车购置数 and 保有量 (at the year's end), 公务接待 批次 and 人次, of which 外宾接待 批次 and 人次.
     */
    public record ThreePublic(int abroadGroups, int abroadPersons, int vehiclesPurchased, int vehiclesHeld,
                              int receptionBatches, int receptionPersons, int foreignBatches, int foreignPersons) {
        /** The YAML/workbook field names, in this record's order. */
        public static final List<String> FIELDS = List.of("abroad_groups", "abroad_persons", "vehicles_purchased", "vehicles_held",
                "reception_batches", "reception_persons", "foreign_batches", "foreign_persons");

        public List<Integer> values() {
            return List.of(abroadGroups, abroadPersons, vehiclesPurchased, vehiclesHeld, receptionBatches, receptionPersons,
                    foreignBatches, foreignPersons);
        }
    }

    /**
     * A 决算's 预算绩效管理 results (上海 十; the 绩效评价 of the national 决算's 说明): 绩效目标 set for how many projects and
     * how much money (万元), how many projects under 绩效监控, 绩效自评 of how many projects and how much money, their
     * average score (0–100) and how many were graded 优, 良, 合格, 不合格 (never more than were self-evaluated).
     */
    public record Evaluation(int targetProjects, java.math.BigDecimal targetAmount, int monitoredProjects, int selfEvaluated,
                             java.math.BigDecimal selfAmount, java.math.BigDecimal averageScore, int excellent, int good, int pass, int fail) {
        /** The YAML/workbook field names, in this record's order. */
        public static final List<String> FIELDS = List.of("target_projects", "target_amount", "monitored_projects", "self_evaluated",
                "self_amount", "average_score", "excellent", "good", "pass", "fail");

        public int graded() { return excellent + good + pass + fail; }
    }
}
