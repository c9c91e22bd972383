package org.openbudget.io.workbook;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Statement;

/**
 * The layout of a budget workbook (docs/workbook.md), shared by the writer and the reader so that
 * the two cannot drift apart. A data sheet has two header rows — the Chinese label (row 1) and the
 * dataset field name (row 2) — and its records from row 3 on. Columns are found by their field
 * name, so their order does not matter to the reader.
 */
public final class WorkbookLayout {
    private WorkbookLayout() {}

    /** The version written into 单位信息 and required by the reader. */
    public static final String VERSION = "budget-workbook/1";

    public static final String INSTRUCTIONS = "填表说明";
    public static final String AGENCY = "单位信息";
    public static final String UNITS = "组成单位";
    public static final String PROJECTS = "项目";
    public static final String LINES = "预算明细";
    /** A 决算 workbook's ledger: the year's actual spending, line by line (the same columns as 预算明细). */
    public static final String LINES_FINAL = "决算明细";
    /** A 决算 workbook's accounts (docs/dataset.md, "A 决算 dataset"): 本年收入, 年初结转和结余, 结余分配 … and the 年初预算数. */
    public static final String ACCOUNTS = "收支与结转";
    /** A 决算 workbook's “三公” details: 团组, 人次, 车辆, 接待批次. */
    public static final String THREE_PUBLIC = "三公明细";
    /** 决算 workbooks: the year's 绩效评价 results. */
    public static final String EVALUATION = "绩效评价";

    /** The ledger's sheet of a workbook of this basis (预算 / 决算). */
    public static String linesSheet(boolean isFinal) {
        return isFinal ? LINES_FINAL : LINES;
    }
    public static final String LISTS = "代码表";

    /** Rows 1 and 2 are headers; data starts on row 3 (1-based, as Excel shows it). */
    public static final int HEADER_ROWS = 2;
    /** Drop-downs and validations cover this many data rows. */
    public static final int DATA_ROWS = 2000;

    public enum Kind {
        /** an identifier kept as text (leading zeros matter): agency and project codes */
        ID,
        /** a classification code, written "2060499 其他技术研究与开发支出"; a bare code or a number is read too */
        CODE,
        /** a choice from a short list (基本/项目, 是/否, 行政/事业/参公, a funding source) */
        CHOICE,
        /** free text */
        TEXT,
        /** an amount in 元: a number, ≥ 0, at most two decimals */
        AMOUNT,
        /** a number of the text part (万元, a count, a weight): its decimals are those the cell shows */
        NUMBER,
        /** a text-fact key, written "income.gpb.local 一般公共预算拨款（本级财力）" from the list: its first word */
        KEY
    }

    /**
     * One column of a data sheet. {@code list} names the defined name of its drop-down list
     * (null: none); {@code required} false means the cell may be blank.
     */
    public record Column(String field, String label, String hint, int width, Kind kind, String list, boolean required) {}

    // defined names of the drop-down lists (hidden sheet 代码表, and the unit/project columns)
    public static final String LIST_FUNC = "list_func";
    public static final String LIST_ECO = "list_eco";
    public static final String LIST_SOURCE = "list_source";
    public static final String LIST_NATURE = "list_nature";
    public static final String LIST_YES_NO = "list_yes_no";
    public static final String LIST_KIND = "list_kind";
    public static final String LIST_TYPE = "list_type";
    public static final String LIST_UNITS = "list_units";
    public static final String LIST_PROJECTS = "list_projects";
    public static final String LIST_REASON_KEYS = "list_reason_keys";
    public static final String LIST_AMOUNT_KEYS = "list_amount_keys";
    public static final String LIST_FLOWS = "list_flows";
    public static final String LIST_BASIS = "list_basis";

    /** What each flow of a 决算's accounts is, as the 收支与结转 sheet's drop-down offers it ("received 本年收入／年初结转和结余"). */
    public static String flowLabel(String flow, String measureName) {
        return flow + " " + switch (flow) {
            case "received" -> "本年收入（本年资金来源）／年初结转和结余（CO_ 结转资金来源）";
            case "budget.initial" -> "年初预算数（按预算明细的口径逐行填写）";
            case "budget.adjusted" -> "调整预算数（模板打印时填写）";
            default -> measureName;
        };
    }

    /** 收支与结转 (决算 workbooks): one entry of a flow per row; a department workbook adds the unit first. */
    public static List<Column> accountColumns(boolean department) {
        List<Column> c = new ArrayList<>();
        if (department) c.add(UNIT_CODE);
        c.add(new Column("flow", "收支类别", "从下拉列表选择，如 received（本年收入／年初结转和结余）", 44, Kind.KEY, LIST_FLOWS, true));
        c.add(new Column("exp_func_code", "支出功能分类（项）", "7 位项级编码", 40, Kind.CODE, LIST_FUNC, true));
        c.add(new Column("fund_source", "资金来源", "年初结转和结余用 CO_ 开头的来源", 36, Kind.CHOICE, LIST_SOURCE, true));
        c.add(new Column("amount", "金额（元）", "元，≥ 0，最多两位小数", 18, Kind.AMOUNT, null, true));
        c.add(new Column("dep_bgt_eco_code", "部门预算支出经济分类（款）", "可空；年初预算数按款填写", 32, Kind.CODE, LIST_ECO, false));
        c.add(new Column("nature", "支出性质", "可空；基本 / 项目", 11, Kind.CHOICE, LIST_NATURE, false));
        c.add(new Column("pro_code", "项目代码", "可空；项目支出的年初预算数填写", 24, Kind.ID, null, false));
        c.add(new Column("note", "备注", "不参与计算", 24, Kind.TEXT, null, false));
        return c;
    }

    /** 三公明细 (决算 workbooks): the counts behind the “三公” money, label in A and value in B — the dictionary's rows. */
    public static FormSheet threePublicForm(MeasureDictionary measures) {
        return new FormSheet(THREE_PUBLIC, "第三部分 “三公”经费决算情况说明（二）：团组、车辆和接待的数量", formFields(measures, "three_public"));
    }

    /** 绩效评价 (决算 workbooks): the year's 预算绩效管理 results, label in A and value in B — the dictionary's rows. */
    public static FormSheet evaluationForm(MeasureDictionary measures) {
        return new FormSheet(EVALUATION, "第三部分 预算绩效管理：绩效目标、绩效监控和绩效自评结果", formFields(measures, "evaluation"));
    }

    /**
     * The rows of a form sheet of a narrative block: what the dictionary says the block's sentences state from a dataset
     * field (refdata/measures.yaml {@code statements:}, those with a {@code field}), each asked for by its label.
     */
    private static List<Column> formFields(MeasureDictionary measures, String block) {
        List<Column> fields = new ArrayList<>();
        for (Statement s : measures.statements(block)) {
            if (s.field().isEmpty() || fields.stream().anyMatch(c -> c.field().equals(s.field()))) continue;
            String hint = switch (s.kind()) {
                case AMOUNT -> "万元";
                case COUNT -> "整数，≥ 0";
                default -> "数字";
            };
            fields.add(new Column(s.field(), s.label(), hint, 16, Kind.NUMBER, null, false));
        }
        return fields;
    }

    /**
     * The keys whose change the text states (a reason and last year's figure are asked for), with what they
     * are, from the template's text outline (docs/text-facts.md): {key, "section label"}.
     */
    public static List<String[]> changeKeys(org.openbudget.core.profile.TemplateProfile profile) {
        return keys(profile, true);
    }

    /** Keys the text states without comparing (totals), that a comparative may also be given for. */
    public static List<String[]> totalKeys(org.openbudget.core.profile.TemplateProfile profile) {
        return keys(profile, false);
    }

    private static List<String[]> keys(org.openbudget.core.profile.TemplateProfile profile, boolean change) {
        List<String[]> out = new ArrayList<>();
        if (profile == null) return out;
        for (org.openbudget.core.profile.TextOutline.Compared c : profile.text().outline().comparatives()) {
            if (c.change() != change) continue;
            out.add(new String[] {c.key(), c.words(profile.rules())});
        }
        return out;
    }

    public static final Column UNIT_CODE = new Column("agency_code", "单位代码", "组成单位中的单位代码", 16, Kind.ID, LIST_UNITS, true);

    /** 组成单位 (department workbooks only): the units in document order, 本级 first. */
    public static List<Column> unitColumns() {
        return List.of(
                new Column("agency_code", "单位代码", "文本，保留前导零", 18, Kind.ID, null, true),
                new Column("agency_name", "单位名称", "全称", 46, Kind.TEXT, null, true),
                new Column("agency_type", "单位类型", "行政 / 事业 / 参公", 12, Kind.CHOICE, LIST_TYPE, true));
    }

    /** 项目: one row per project; a department workbook adds the owning unit first. */
    public static List<Column> projectColumns(boolean department) {
        List<Column> c = new ArrayList<>();
        if (department) c.add(UNIT_CODE);
        c.add(new Column("pro_code", "项目代码", "文本，如 65010024T000000001", 24, Kind.ID, null, true));
        c.add(new Column("pro_name", "项目名称", "全文各处使用同一名称", 46, Kind.TEXT, null, true));
        c.add(new Column("undertaking_code", "项目承担单位代码", "空白 = 本单位", 18, Kind.ID, null, false));
        c.add(new Column("classified", "是否涉密", "是 / 否（空白 = 否）", 18, Kind.CHOICE, LIST_YES_NO, false));
        return c;
    }

    /** 预算明细: the ledger lines; a department workbook adds the unit first. */
    public static List<Column> lineColumns(boolean department) {
        List<Column> c = new ArrayList<>();
        if (department) c.add(UNIT_CODE);
        c.add(new Column("exp_func_code", "支出功能分类（项）", "7 位项级编码，从下拉列表选择", 40, Kind.CODE, LIST_FUNC, true));
        c.add(new Column("dep_bgt_eco_code", "部门预算支出经济分类（款）", "5 位款级编码，从下拉列表选择", 32, Kind.CODE, LIST_ECO, true));
        c.add(new Column("nature", "支出性质", "基本 / 项目", 11, Kind.CHOICE, LIST_NATURE, true));
        c.add(new Column("pro_code", "项目代码", "项目支出必填，基本支出留空", 24, Kind.ID, LIST_PROJECTS, false));
        c.add(new Column("fund_source", "资金来源", "从下拉列表选择", 36, Kind.CHOICE, LIST_SOURCE, true));
        c.add(new Column("amount", "金额（元）", "元，≥ 0，最多两位小数", 18, Kind.AMOUNT, null, true));
        c.add(new Column("note", "备注", "不参与计算", 24, Kind.TEXT, null, false));
        return c;
    }

    // ------------------------------------------------------------------ the text part (docs/dataset.md, "The document's text")

    public static final String FUNCTIONS = "主要职能";
    public static final String OFFICES = "内设机构";
    public static final String PERSONNEL = "人员情况";
    public static final String LAST_YEAR = "上年比较数";
    public static final String REASONS = "变动原因";
    public static final String CLASS_NOTES = "类用途说明";
    public static final String PROJECT_TEXTS = "项目说明";
    public static final String ALLOCATIONS = "资金分配";
    public static final String PROJECT_INDICATORS = "项目绩效指标";
    public static final String CARRY_OVER = "结转说明";
    public static final String PROCUREMENT = "政府采购";
    public static final String ASSETS = "国有资产";
    public static final String OVERALL = "整体绩效目标";
    public static final String OVERALL_INDICATORS = "整体绩效指标";
    public static final String OTHER_MATTERS = "其他事项";

    private static Column text(String field, String label, String hint, int width, boolean required) {
        return new Column(field, label, hint, width, Kind.TEXT, null, required);
    }

    private static Column number(String field, String label, String hint, boolean required) {
        return new Column(field, label, hint, 16, Kind.NUMBER, null, required);
    }

    private static final Column PROJECT = new Column("pro_code", "项目代码", "“项目”表中的项目", 24, Kind.ID, LIST_PROJECTS, true);

    private static List<Column> indicators(boolean withProject) {
        List<Column> c = new ArrayList<>();
        if (withProject) c.add(PROJECT);
        c.add(text("level1", "一级指标", "产出指标 / 效益指标 / 满意度指标", 14, true));
        c.add(text("level2", "二级指标", "如 数量指标", 14, false));
        c.add(text("level3", "三级指标", "", 30, false));
        c.add(text("target", "指标值", "如 >=95%（以 = 开头请先输入单引号）", 14, false));
        c.add(text("basis", "指标值设置依据", "", 16, false));
        c.add(text("last_year", "上年完成值", "", 12, false));
        c.add(number("weight", "分值权重", "数字", false));
        c.add(text("scoring_rule", "赋分规则", "", 20, false));
        c.add(text("evidence", "佐证资料", "", 24, false));
        return c;
    }

    /** A sheet of the text part with one record per row. */
    public record TableSheet(String name, String part, List<Column> columns) {}

    /** A sheet of the text part with one value per row: label in A, value in B (field names are the YAML path). */
    public record FormSheet(String name, String part, List<Column> fields) {}

    public static List<TableSheet> textTables() {
        return List.of(
                new TableSheet(FUNCTIONS, "第一部分 主要职能：每行一条，不写序号", List.of(text("function", "主要职能", "每行一条职能", 100, true))),
                new TableSheet(OFFICES, "第一部分 机构设置：本单位（或部门本级）内设处室", List.of(text("office", "内设处室", "每行一个", 40, true))),
                new TableSheet(LAST_YEAR, "上年预算数（万元），第三部分用来比较增减；未列出的键上年为 0",
                        List.of(new Column("key", "比较数键", "从下拉列表选择，或输入如 gpb.item:2150899", 44, Kind.KEY, LIST_AMOUNT_KEYS, true),
                                number("amount", "上年预算数（万元）", "≥ 0", true))),
                new TableSheet(REASONS, "增减变动的主要原因，按说明的键填写",
                        List.of(new Column("key", "键", "从下拉列表选择，或输入如 gpb.item:2150899", 44, Kind.KEY, LIST_REASON_KEYS, true),
                                text("reason", "主要原因", "", 70, true))),
                new TableSheet(CLASS_NOTES, "第三部分 财政拨款收支情况：各功能分类类的财政拨款主要用于",
                        List.of(new Column("class_code", "功能分类类", "3 位编码，如 215", 14, Kind.CODE, null, true),
                                text("note", "主要用于", "可含 {7 位项编码}，打印该项的一般公共预算数", 70, true))),
                new TableSheet(PROJECT_TEXTS, "第三部分 项目支出情况，及项目支出绩效目标表的项目信息，按说明顺序每个项目一行",
                        List.of(PROJECT, text("basis", "设立的政策依据", "", 40, false), text("period", "资金执行时间", "如 2024年1月1日-2024年12月31日", 26, false),
                                text("manager", "项目负责人", "", 12, false), text("goal", "项目总体目标", "有绩效目标表的项目填写", 50, false),
                                number("performance_order", "绩效目标表顺序", "1、2、3…；全部空白 = 按本表顺序", false))),
                new TableSheet(ALLOCATIONS, "第三部分 项目支出情况 资金分配情况：每个项目的各项内容和金额",
                        List.of(PROJECT, text("item", "资金分配内容", "", 40, true), number("amount", "金额（万元）", "≥ 0", true))),
                new TableSheet(PROJECT_INDICATORS, "项目支出绩效目标表的指标，每行一个", indicators(true)),
                new TableSheet(CARRY_OVER, "第三部分 上年结转结余情况：结转项目资金主要用于", List.of(PROJECT, text("note", "主要用于", "", 70, false))),
                new TableSheet(OVERALL_INDICATORS, "部门（单位）整体绩效目标表的指标，每行一个", indicators(false)),
                new TableSheet(OTHER_MATTERS, "第三部分 其他需说明的事项，每行一段；空白 = 无其他需说明事项",
                        List.of(text("paragraph", "其他需说明的事项", "每行一段", 100, true))));
    }

    /** The text part's form sheets; those of the narrative blocks (政府采购, 国有资产, a 决算's 三公明细 and 绩效评价) are the dictionary's rows. */
    public static List<FormSheet> textForms(MeasureDictionary measures) {
        return List.of(
                new FormSheet(PERSONNEL, "第一部分 人员情况（人）", List.of(
                        number("authorized", "编制数", "人", false), number("active", "在职人数", "人", false),
                        number("active_change", "在职人数比上年增减", "减少填负数", false), number("retired", "退休人数", "人", false),
                        number("retired_change", "退休人数比上年增减", "减少填负数", false), number("honorary", "离休人数", "人", false),
                        number("honorary_change", "离休人数比上年增减", "减少填负数", false))),
                new FormSheet(PROCUREMENT, "第三部分 政府采购预算（万元）", formFields(measures, "procurement")),
                threePublicForm(measures),
                evaluationForm(measures),
                new FormSheet(ASSETS, "第三部分 国有资产占用使用情况（上年末）及本年购置", formFields(measures, "assets")),
                new FormSheet(OVERALL, "部门（单位）整体绩效目标表（金额由预算明细得出）", List.of(
                        text("contact", "联系人", "", 20, false), text("phone", "联系电话", "", 20, false),
                        text("goal", "年度总体目标", "", 80, false))));
    }

    /** The 单位信息 sheet: label in column A, value in column B, from row 2 on. */
    public static final String F_VERSION = "模板版本";
    public static final String F_YEAR = "预算年度";
    public static final String F_PROFILE = "公开模板";
    public static final String F_CODE = "单位代码";
    public static final String F_NAME = "单位名称";
    public static final String F_KIND = "单位级次";
    public static final String F_TYPE = "单位类型";
    /** optional: the date under the closing name (落款), ISO */
    public static final String F_CLOSING = "落款日期";
    /** optional: 预算 (the default: a workbook without the row is a budget's) or 决算 */
    public static final String F_BASIS = "报表类型";

    public static List<String> agencyFields() {
        return List.of(F_VERSION, F_YEAR, F_PROFILE, F_CODE, F_NAME, F_KIND, F_TYPE);
    }

    /** Excel's column letters: 0 → A, 26 → AA. */
    public static String columnLetter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) b.insert(0, (char) ('A' + (i - 1) % 26));
        return b.toString();
    }

    /** "预算明细!C17" for the 0-based column and 1-based row. */
    public static String cell(String sheet, int column, int row) {
        return sheet + "!" + columnLetter(column) + row;
    }
}
