package org.openbudget.io.dataset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.io.guard.ReadLimits;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;

/**
 * The rules a dataset obeys, whatever it is written in (YAML: {@link DatasetReader}, Excel:
 * {@code org.openbudget.io.workbook.WorkbookReader}). Each rule takes the raw text of a field and
 * reports what is wrong through a {@link Sink} keyed by the dataset's field name
 * ({@code exp_func_code}, {@code amount} …), which the reader turns into a location (a YAML line,
 * a worksheet cell). The messages are the same for every format.
 */
public final class DatasetRules {
    private DatasetRules() {}

    /** Receives a problem about one field (a dataset field name, or "" for the record as a whole). */
    @FunctionalInterface
    public interface Sink {
        void problem(String field, String message);
    }

    /** The raw fields of one ledger line, as text (null when absent or blank). */
    public record RawLine(String funcCode, String ecoCode, String nature, String proCode, String fundSource, String amount) {}

    public static AgencyKind agencyKind(String text, Sink sink) {
        try {
            return AgencyKind.fromLabel(text);
        } catch (IllegalArgumentException e) {
            sink.problem("agency_kind", "应为 单位 或 部门，实际为 \"" + text + "\"");
            return null;
        }
    }

    public static AgencyType agencyType(String text, Sink sink) {
        try {
            return AgencyType.fromLabel(text);
        } catch (IllegalArgumentException e) {
            sink.problem("agency_type", "应为 行政、事业 或 参公，实际为 \"" + text + "\"");
            return null;
        }
    }

    /** 支出功能分类 项 code (7 digits; spaces as in "206 04 99" are dropped), or null. */
    public static String funcCode(String text, Sink sink) {
        String func = text == null ? "" : text.replace(" ", "");
        if (!func.matches("\\d{7}")) {
            sink.problem("exp_func_code", "功能分类科目应为 7 位数字的项级编码，实际为 \"" + func + "\"");
            return null;
        }
        return func;
    }

    /** 部门预算支出经济分类 款 code (5 digits), or null. */
    public static String ecoCode(String text, Sink sink) {
        String eco = text == null ? "" : text.replace(" ", "");
        if (!eco.matches("\\d{5}")) {
            sink.problem("dep_bgt_eco_code", "经济分类科目应为 5 位数字的款级编码，实际为 \"" + eco + "\"");
            return null;
        }
        return eco;
    }

    public static Nature nature(String text, Sink sink) {
        try {
            return Nature.fromLabel(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            sink.problem("nature", "支出性质应为 基本 或 项目，实际为 \"" + text + "\"");
            return null;
        }
    }

    /** A 项目 line names a known project; a 基本 line names none. */
    public static void project(Nature nature, String proCode, Set<String> knownProjects, String projectsPlace, Sink sink) {
        if (nature == Nature.PROJECT && proCode == null) {
            sink.problem("", "项目支出必须填写项目代码 pro_code (a 项目 line must name its project)");
        } else if (nature == Nature.BASIC && proCode != null) {
            sink.problem("pro_code", "基本支出不应填写项目代码 (a 基本 line has no project)");
        } else if (proCode != null && !knownProjects.contains(proCode)) {
            sink.problem("pro_code", "项目代码 " + proCode + " 不在 " + projectsPlace + " 中 (unknown project)");
        }
    }

    public static FundingSource fundSource(String text, ReferenceData ref, Sink sink) {
        var source = ref.source(text == null ? "" : text);
        if (source.isEmpty()) {
            sink.problem("fund_source", "未知的资金来源 \"" + text + "\" (expected a code such as GPB or a name from funding-sources.csv)");
            return null;
        }
        return source.get();
    }

    /** An amount in 元 written as text ("343300", "1,234.56"): whole 分, or -1 after reporting. */
    public static long amountFen(String text, Sink sink) {
        String amountText = text == null ? "" : text.trim().replace(",", "");
        ReadLimits limits = ReadLimits.current();
        // digits and magnitude first: BigDecimal takes time growing with the digits (and 1e999999999 is short)
        if (!plainDecimal(amountText)) {
            String shown = amountText.length() > 40 ? amountText.substring(0, 40) + "…（共 " + amountText.length() + " 个字符）" : amountText;
            sink.problem("amount", "金额应为数字（元），实际为 \"" + shown + "\" (a number of 元 is expected)");
            return -1;
        }
        if (amountText.startsWith("-")) {
            sink.problem("amount", "金额不能为负数，实际为 " + amountText + " (amount must be ≥ 0)");
            return -1;
        }
        int dot = amountText.indexOf('.');
        String whole = (dot < 0 ? amountText : amountText.substring(0, dot)).replaceFirst("^\\+?0*+", "");
        String fraction = dot < 0 ? "" : amountText.substring(dot + 1);
        if (whole.length() + fraction.length() > limits.amountDigits()) {
            sink.problem("amount", "金额位数过多（" + (whole.length() + fraction.length()) + " 位，上限 " + limits.amountDigits() + " 位），实际为 " + amountText);
            return -1;
        }
        BigDecimal yuan = new BigDecimal(amountText);
        if (yuan.stripTrailingZeros().scale() > 2) {
            sink.problem("amount", "金额以元为单位，最多两位小数，实际为 " + amountText);
            return -1;
        }
        if (yuan.compareTo(BigDecimal.valueOf(limits.amountYuan())) > 0) {
            sink.problem("amount", "金额 " + amountText + " 元超出上限（" + limits.amountYuan() + " 元）：不像任何预算的一行，请检查单位（元）和位数 (amount beyond any budget)");
            return -1;
        }
        return yuan.movePointRight(2).longValueExact();
    }

    /**
     * The ledger's lines (a department's: of all its units) add up to at most {@link org.openbudget.core.money.Fen#MAX_TOTAL}:
     * null when they do, else the line where the running total passes it (the problem is reported there).
     */
    public static LedgerLine beyondTotal(List<LedgerLine> lines) {
        long total = 0;
        for (LedgerLine l : lines) {
            total += l.amountFen();   // each amount ≤ 10^16 分 and the running total ≤ 10^17: no overflow before the test
            if (total > org.openbudget.core.money.Fen.MAX_TOTAL || total < 0) return l;
        }
        return null;
    }

    /** The message for {@link #beyondTotal}. */
    public static final String BEYOND_TOTAL = "账本金额合计超出上限（" + org.openbudget.core.money.Fen.MAX_TOTAL / 100
            + " 元）：到这一行为止的合计已不像任何预算，请检查金额的单位（元）和位数 (the ledger adds up beyond any budget)";

    /** A plain decimal ("12", "-3.5", "+0.25") of at most 40 digits on each side of the point: no exponent, no NaN. */
    public static boolean plainDecimal(String text) {
        return text != null && text.length() <= 90 && AMOUNT.matcher(text).matches();
    }

    /** An amount as written: optional sign, digits (at most 40 here; the digit limit is checked after), optional decimals. */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("[+-]?+\\d{1,40}+(?:\\.\\d{1,40}+)?+");

    /**
     * One ledger line of {@code agency}, or null after reporting every problem of it.
     * {@code projectsPlace} names where projects are listed, for the message ("projects", "项目 sheet").
     */
    public static LedgerLine line(RawLine raw, String agencyCode, ReferenceData ref, Set<String> knownProjects,
                                  String projectsPlace, Origin origin, Sink sink) {
        int[] count = {0};
        Sink counting = (f, m) -> { count[0]++; sink.problem(f, m); };
        String func = funcCode(raw.funcCode(), counting);
        String eco = ecoCode(raw.ecoCode(), counting);
        Nature nature = nature(raw.nature(), counting);
        project(nature, raw.proCode(), knownProjects, projectsPlace, counting);
        FundingSource source = fundSource(raw.fundSource(), ref, counting);
        long fen = amountFen(raw.amount(), counting);
        if (count[0] > 0) return null;
        return new LedgerLine(agencyCode, func, eco, nature, raw.proCode(), source.code(), fen, origin);
    }

    /** Adds a project unless its code is already taken; false (after reporting) when it is. */
    public static boolean addProject(Project p, Map<String, Project> projects, List<Project> ordered, Sink sink) {
        if (projects.putIfAbsent(p.code(), p) != null) {
            sink.problem("pro_code", "项目代码重复 " + p.code());
            return false;
        }
        ordered.add(p);
        return true;
    }

    /** A department's member unit: a 单位 of the same year, listed once. {@code codes} collects the codes seen. */
    public static void member(Budget unit, int year, Set<String> codes, Sink sink) {
        if (unit.isDepartment()) sink.problem("", "部门的组成单位应为单位数据集 (a unit dataset is expected)");
        if (unit.year() != year) sink.problem("", "单位预算年度 " + unit.year() + " 与部门 " + year + " 不一致");
        if (!codes.add(unit.agency().code())) sink.problem("", "单位代码 " + unit.agency().code() + " 重复 (duplicate unit)");
    }

    /** Builds the agency once kind and type are known (null when either was reported). */
    public static Agency agency(String code, String name, AgencyKind kind, AgencyType type) {
        return kind == null || type == null ? null : new Agency(code, name, kind, type);
    }
}
