package org.openbudget.io.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.yaml.YamlNode;

/**
 * Reads a dataset (docs/dataset.md) into a {@link Budget}. Every problem is collected with its
 * file, line and field; nothing is half-read: either the whole budget or an {@link InputException}.
 *
 * Well-formed classification codes that the year's list does not know are NOT errors here: the
 * check catalogue reports them (C.func.unknown / C.eco.unknown). Malformed codes, unknown funding
 * sources, unknown projects, bad amounts and missing fields are errors.
 */
public final class DatasetReader {
    public static final String FORMAT = "budget-dataset/1";
    private static final Set<String> UNIT_KEYS = Set.of("format", "budget_year", "profile", "agency", "projects", "lines");
    private static final Set<String> DEPT_KEYS = Set.of("format", "budget_year", "profile", "agency", "units");
    private static final Set<String> LINE_KEYS = Set.of("exp_func_code", "dep_bgt_eco_code", "nature", "pro_code", "fund_source", "amount", "note");

    private final ReferenceLibrary library;

    public DatasetReader(ReferenceLibrary library) {
        this.library = library;
    }

    /** PATH is a dataset file, or a directory holding dataset.yaml. */
    public Budget read(Path path) {
        return read(resolve(path), new HashSet<>());
    }

    public static Path resolve(Path path) {
        if (Files.isDirectory(path)) {
            for (String name : List.of("dataset.yaml", "dataset.yml")) {
                Path p = path.resolve(name);
                if (Files.isRegularFile(p)) return p;
            }
            throw new InputException(path.toString(), 0, "", "目录中没有 dataset.yaml (no dataset.yaml in this directory)");
        }
        return path;
    }

    private Budget read(Path file, Set<Path> visiting) {
        String name = file.normalize().toString();
        if (!Files.isRegularFile(file)) throw new InputException(name, 0, "", "文件不存在 (file not found)");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(name, 0, "", "文件不是 UTF-8 编码 (the file must be UTF-8 text)");
        } catch (IOException e) {
            throw new InputException(name, 0, "", "无法读取: " + e.getMessage());
        }
        Path key = file.toAbsolutePath().normalize();
        if (!visiting.add(key)) throw new InputException(name, 0, "units", "单位数据集循环引用 (a dataset includes itself)");
        try {
            return parse(name, text, file.getParent() == null ? Path.of(".") : file.getParent(), visiting);
        } finally {
            visiting.remove(key);
        }
    }

    /** Parses a unit dataset from text (a department's units need a directory to resolve from). */
    public Budget parse(String file, String text) {
        return parse(file, text, Path.of("."), new HashSet<>());
    }

    private Budget parse(String file, String text, Path dir, Set<Path> visiting) {
        YamlNode root = YamlNode.parse(file, text);
        List<InputProblem> problems = new ArrayList<>();
        String format = root.string("format");
        if (!format.equals(FORMAT)) throw root.require("format").error("格式版本应为 " + FORMAT + "，实际为 \"" + format + "\"");
        int year = root.integer("budget_year");
        if (!library.hasYear(year)) throw root.require("budget_year").error("没有 " + year + " 年的分类科目参考数据 (no reference data for this year)");
        ReferenceData ref = library.year(year);
        String profile = root.string("profile");
        if (!library.hasProfile(profile)) throw root.require("profile").error("找不到模板 " + profile + " (unknown template profile)");
        Agency agency = agency(root.require("agency"));
        Set<String> allowed = new HashSet<>(agency.kind() == AgencyKind.DEPARTMENT ? DEPT_KEYS : UNIT_KEYS);
        allowed.addAll(NarrativeReader.KEYS);
        root.entries().forEach((k, v) -> {
            if (!allowed.contains(k)) problems.add(v.problem("未知字段 " + k + (agency.kind() == AgencyKind.DEPARTMENT && UNIT_KEYS.contains(k)
                    ? "：部门数据集只列出单位 (a department lists units, not lines)" : " (unknown field; allowed: " + allowed + ")")));
        });
        Origin origin = new Origin(file, 1);
        if (agency.kind() == AgencyKind.DEPARTMENT) {
            List<Budget> units = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            Set<Path> paths = new HashSet<>();
            for (YamlNode u : root.require("units").items()) {
                String rel = u.text();
                if (rel == null || rel.isBlank()) { problems.add(u.problem("单位数据集路径不能为空")); continue; }
                Path p = dir.resolve(rel.trim());
                if (!Files.exists(p)) { problems.add(u.problem("单位数据集不存在: " + p + " (missing unit file)")); continue; }
                Path real = resolve(p).toAbsolutePath().normalize();
                if (!paths.add(real)) { problems.add(u.problem("重复的单位数据集 " + rel + " (duplicate unit)")); continue; }
                Budget unit;
                try {
                    unit = read(resolve(p), visiting);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                if (unit.isDepartment()) problems.add(u.problem("部门的组成单位应为单位数据集 (a unit dataset is expected)"));
                if (unit.year() != year) problems.add(u.problem("单位预算年度 " + unit.year() + " 与部门 " + year + " 不一致"));
                if (!codes.add(unit.agency().code())) problems.add(u.problem("单位代码 " + unit.agency().code() + " 重复 (duplicate unit)"));
                units.add(unit);
            }
            if (units.isEmpty() && problems.isEmpty()) problems.add(root.require("units").problem("部门至少应包含一个单位"));
            if (!problems.isEmpty()) throw new InputException(problems);
            Budget dept = new Budget(agency, year, profile, List.of(), List.of(), units, origin);
            return withNarrative(dept, root, ref, dir, visiting, problems);
        }
        Map<String, Project> projects = new HashMap<>();
        List<Project> projectList = new ArrayList<>();
        if (root.get("projects").isPresent() && root.require("projects").isPresentList()) {
            for (YamlNode p : root.require("projects").items()) {
                try {
                    Project pr = new Project(p.string("pro_code"), p.string("pro_name"),
                            p.optString("agency_code").orElse(agency.code()), p.bool("classified", false));
                    if (projects.put(pr.code(), pr) != null) problems.add(p.require("pro_code").problem("项目代码重复 " + pr.code()));
                    else projectList.add(pr);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        List<LedgerLine> lines = new ArrayList<>();
        if (root.get("lines").isPresent() && root.require("lines").isPresentList()) {
            for (YamlNode l : root.require("lines").items()) {
                try {
                    LedgerLine line = line(l, agency, ref, projects, problems);
                    if (line != null) lines.add(line);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        Budget unit = new Budget(agency, year, profile, projectList, lines, List.of(), origin);
        return withNarrative(unit, root, ref, dir, visiting, problems);
    }

    /** The dataset's text part (NarrativeReader), checked against the budget; last year's dataset is read relative to this one. */
    private Budget withNarrative(Budget budget, YamlNode root, ReferenceData ref, Path dir, Set<Path> visiting, List<InputProblem> problems) {
        NarrativeReader reader = new NarrativeReader(problems, ref, budget, node -> {
            String rel = node.text();
            if (rel == null || rel.isBlank()) { problems.add(node.problem("上年数据集路径不能为空")); return null; }
            Path p = dir.resolve(rel.trim());
            if (!Files.exists(p)) { problems.add(node.problem("上年数据集不存在: " + p + " (missing last year's dataset)")); return null; }
            try {
                return read(resolve(p), visiting);
            } catch (InputException e) {
                problems.addAll(e.problems());
                return null;
            }
        });
        var narrative = reader.read(root);
        if (!problems.isEmpty()) throw new InputException(problems);
        return budget.withNarrative(narrative);
    }

    private static Agency agency(YamlNode a) {
        String kind = a.string("agency_kind");
        String type = a.string("agency_type");
        AgencyKind k;
        AgencyType t;
        try {
            k = AgencyKind.fromLabel(kind);
        } catch (IllegalArgumentException e) {
            throw a.require("agency_kind").error("应为 单位 或 部门，实际为 \"" + kind + "\"");
        }
        try {
            t = AgencyType.fromLabel(type);
        } catch (IllegalArgumentException e) {
            throw a.require("agency_type").error("应为 行政、事业 或 参公，实际为 \"" + type + "\"");
        }
        return new Agency(a.string("agency_code"), a.string("agency_name"), k, t);
    }

    private static LedgerLine line(YamlNode l, Agency agency, ReferenceData ref, Map<String, Project> projects, List<InputProblem> problems) {
        int before = problems.size();
        l.entries().forEach((k, v) -> {
            if (!LINE_KEYS.contains(k)) problems.add(v.problem("未知字段 " + k + " (allowed: " + LINE_KEYS + ")"));
        });
        String func = l.string("exp_func_code").replace(" ", "");
        if (!func.matches("\\d{7}")) problems.add(l.require("exp_func_code").problem("功能分类科目应为 7 位数字的项级编码，实际为 \"" + func + "\""));
        String eco = l.string("dep_bgt_eco_code").replace(" ", "");
        if (!eco.matches("\\d{5}")) problems.add(l.require("dep_bgt_eco_code").problem("经济分类科目应为 5 位数字的款级编码，实际为 \"" + eco + "\""));
        String natureText = l.string("nature");
        Nature nature = null;
        try {
            nature = Nature.fromLabel(natureText);
        } catch (IllegalArgumentException e) {
            problems.add(l.require("nature").problem("支出性质应为 基本 或 项目，实际为 \"" + natureText + "\""));
        }
        String pro = l.optString("pro_code").orElse(null);
        if (nature == Nature.PROJECT && pro == null) {
            problems.add(l.problem("项目支出必须填写项目代码 pro_code (a 项目 line must name its project)"));
        } else if (nature == Nature.BASIC && pro != null) {
            problems.add(l.require("pro_code").problem("基本支出不应填写项目代码 (a 基本 line has no project)"));
        } else if (pro != null && !projects.containsKey(pro)) {
            problems.add(l.require("pro_code").problem("项目代码 " + pro + " 不在 projects 中 (unknown project)"));
        }
        String src = l.string("fund_source");
        var source = ref.source(src);
        if (source.isEmpty()) problems.add(l.require("fund_source").problem("未知的资金来源 \"" + src + "\" (expected a code such as GPB or a name from funding-sources.csv)"));
        YamlNode amountNode = l.require("amount");
        String amountText = amountNode.text() == null ? "" : amountNode.text().trim().replace(",", "");
        long fen = 0;
        try {
            BigDecimal yuan = new BigDecimal(amountText);
            if (yuan.signum() < 0) problems.add(amountNode.problem("金额不能为负数，实际为 " + amountText + " (amount must be ≥ 0)"));
            else if (yuan.stripTrailingZeros().scale() > 2) problems.add(amountNode.problem("金额以元为单位，最多两位小数，实际为 " + amountText));
            else fen = yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(amountNode.problem("金额应为数字（元），实际为 \"" + amountText + "\" (a number of 元 is expected)"));
        }
        if (problems.size() > before) return null;
        return new LedgerLine(agency.code(), func, eco, nature, pro, source.get().code(), fen, new Origin(l.file(), l.line()));
    }
}
