package org.openbudget.io.workbook;

import java.util.ArrayList;
import java.util.List;

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
        AMOUNT
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

    /** The 单位信息 sheet: label in column A, value in column B, from row 2 on. */
    public static final String F_VERSION = "模板版本";
    public static final String F_YEAR = "预算年度";
    public static final String F_PROFILE = "公开模板";
    public static final String F_CODE = "单位代码";
    public static final String F_NAME = "单位名称";
    public static final String F_KIND = "单位级次";
    public static final String F_TYPE = "单位类型";

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
