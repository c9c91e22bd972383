package org.openbudget.io.dataset;

import java.io.IOException;
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
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;
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
    private static final Set<String> UNIT_KEYS = Set.of("format", "budget_year", "profile", "agency", "projects", "lines", "basis", AccountsReader.KEY);
    private static final Set<String> DEPT_KEYS = Set.of("format", "budget_year", "profile", "agency", "units", "basis");
    private static final Set<String> LINE_KEYS = Set.of("exp_func_code", "dep_bgt_eco_code", "nature", "pro_code", "fund_source", "amount", "note");

    private final ReferenceLibrary library;
    private final UnitFiles unitFiles;
    /** Budgets already read, by the name a dataset gives them; null: names are files on disk. */
    private final Map<String, Budget> memory;
    /** Last year's budget of an agency as the caller knows it (a server's published version), or null. */
    private final LastYears lastYears;

    /** Last year's budget of an agency that the caller knows without the dataset naming it; null when none. */
    @FunctionalInterface
    public interface LastYears {
        Budget of(String agencyCode, int year);
    }

    /**
     * Reads a department's unit file written in another format (an Excel workbook): returns null
     * when the path is not such a file, so the YAML reader reads it.
     */
    @FunctionalInterface
    public interface UnitFiles {
        Budget readOrNull(Path path);
    }

    public DatasetReader(ReferenceLibrary library) {
        this(library, p -> null);
    }

    public DatasetReader(ReferenceLibrary library, UnitFiles unitFiles) {
        this(library, unitFiles, null, (code, year) -> null);
    }

    private DatasetReader(ReferenceLibrary library, UnitFiles unitFiles, Map<String, Budget> memory, LastYears lastYears) {
        this.library = library;
        this.unitFiles = unitFiles;
        this.memory = memory;
        this.lastYears = lastYears;
    }

    /**
     * A reader that never touches the disk: a department's {@code units:} entries and a {@code last_year.dataset} are
     * looked up by name among {@code budgets} (read beforehand, from memory), and a name not among them is missing.
     * A server reads what its users send with it, so that no dataset can make it read a file of its own.
     */
    public static DatasetReader inMemory(ReferenceLibrary library, Map<String, Budget> budgets) {
        return inMemory(library, budgets, (code, year) -> null);
    }

    /**
     * The same, knowing last year's budget of an agency without a dataset naming it (a server's published version): a
     * reason may then be given for a 项 only last year had. The budget read does not carry it: the caller attaches it.
     */
    public static DatasetReader inMemory(ReferenceLibrary library, Map<String, Budget> budgets, LastYears lastYears) {
        return new DatasetReader(library, p -> null, Map.copyOf(budgets), lastYears);
    }

    /** PATH is a dataset file, or a directory holding dataset.yaml. */
    public Budget read(Path path) {
        return ReadGuard.read(path.toString(), () -> read(resolve(path), new HashSet<>()));
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
            long max = ReadLimits.current().yamlBytes();
            if (Files.size(file) > max) {
                throw new InputException(name, 0, "", "文件过大（" + ReadLimits.size(Files.size(file)) + "，上限 " + ReadLimits.size(max)
                        + "），不像一个预算数据集 (file too large)");
            }
            ReadGuard.at("文件 " + name + " 开头");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(name, 0, "", "文件不是 UTF-8 编码 (the file must be UTF-8 text)");
        } catch (IOException e) {
            throw new InputException(name, 0, "", "无法读取文件 (cannot read the file)");
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
        long max = ReadLimits.current().yamlBytes();
        if (text.length() > max) {
            throw new InputException(file, 0, "", "文件过大（" + ReadLimits.size(text.length()) + "，上限 " + ReadLimits.size(max) + "），不像一个预算数据集 (file too large)");
        }
        return ReadGuard.read(file, () -> parse(file, text, Path.of("."), new HashSet<>()));
    }

    /** {@code dir.resolve(rel)}, or null after reporting a name no file can have (a NUL, say). */
    private static Path unitPath(Path dir, String rel, YamlNode node, List<InputProblem> problems) {
        try {
            return dir.resolve(rel.trim());
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(node.problem("不是有效的文件路径：" + YamlScalarsText.shown(rel) + " (not a valid path)"));
            return null;
        }
    }

    private static final class YamlScalarsText {
        /** A value as the user may see it: control characters shown as \\uXXXX, at most 80 characters. */
        static String shown(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length() && b.length() < 80; i++) {
                char c = s.charAt(i);
                if (Character.isISOControl(c)) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            return b.toString();
        }
    }

    private Budget parse(String file, String text, Path dir, Set<Path> visiting) {
        ReadGuard.at("文件 " + file + " 的开头");
        YamlNode root = YamlNode.parse(file, text);
        List<InputProblem> problems = new ArrayList<>();
        String format = root.string("format");
        if (!format.equals(FORMAT)) throw root.require("format").error("格式版本应为 " + FORMAT + "，实际为 \"" + format + "\"");
        int year = root.integer("budget_year");
        if (year < 2000 || year > 2100) throw root.require("budget_year").error("预算年度应在 2000 至 2100 之间，实际为 " + year + " (a budget year is expected)");
        // a year without its own classification lists is read with the latest earlier year's (a notice of the checks says so)
        ReferenceData ref = library.year(year);
        String profile = root.string("profile");
        if (!library.hasProfile(profile)) throw root.require("profile").error("找不到模板 " + profile + " (unknown template profile)");
        // 预算 (a budget, the default) or 决算 (final accounts: the ledger's lines are the year's actual spending, docs/dataset.md)
        String basis = root.optString("basis").orElse(org.openbudget.core.ledger.Accounts.BUDGET).trim();
        if (!basis.equals(org.openbudget.core.ledger.Accounts.BUDGET) && !basis.equals(org.openbudget.core.ledger.Accounts.FINAL)) {
            throw root.require("basis").error("应为 预算 或 决算，实际为 \"" + basis + "\"");
        }
        String profileBasis = profileBasis(profile);
        if (profileBasis != null && !profileBasis.equals(basis)) {
            throw root.require("profile").error("模板 " + profile + " 是" + profileBasis + "模板，而数据集是" + basis + "（basis: " + basis
                    + "）：请选用" + basis + "模板 (the template's basis differs from the dataset's)");
        }
        Agency agency = agency(root.require("agency"));
        if (root.get(AccountsReader.KEY).isPresent() && !basis.equals(org.openbudget.core.ledger.Accounts.FINAL)) {
            problems.add(root.require(AccountsReader.KEY).problem("accounts 只用于决算数据集（basis: 决算）(accounts belong to a 决算 dataset)"));
        }
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
            Set<String> names = new HashSet<>();
            for (YamlNode u : root.require("units").items()) {
                String rel = u.text();
                if (rel == null || rel.isBlank()) { problems.add(u.problem("单位数据集路径不能为空")); continue; }
                if (memory != null) {
                    Budget unit = memory.get(rel.trim());
                    if (unit == null) { problems.add(u.problem("单位数据集不存在: " + YamlScalarsText.shown(rel.trim()) + " (missing unit file)")); continue; }
                    if (!names.add(rel.trim())) {
                        problems.add(u.problem("重复的单位数据集 " + rel + " (duplicate unit)"));
                        continue;
                    }
                    DatasetRules.member(unit, year, codes, (field, message) -> problems.add(u.problem(message)));
                    units.add(unit);
                    continue;
                }
                Path p = unitPath(dir, rel, u, problems);
                if (p == null) continue;
                if (!Files.exists(p)) { problems.add(u.problem("单位数据集不存在: " + p + " (missing unit file)")); continue; }
                Path real = resolve(p).toAbsolutePath().normalize();
                if (!paths.add(real)) { problems.add(u.problem("重复的单位数据集 " + rel + " (duplicate unit)")); continue; }
                Budget unit;
                try {
                    Budget other = unitFiles.readOrNull(p);
                    unit = other != null ? other : read(resolve(p), visiting);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                DatasetRules.member(unit, year, codes, (field, message) -> problems.add(u.problem(message)));
                if (!unit.basis().equals(basis)) problems.add(u.problem("单位数据集是" + unit.basis() + "，部门数据集是" + basis + " (a department's units share its basis)"));
                units.add(unit);
            }
            if (units.isEmpty() && problems.isEmpty()) problems.add(root.require("units").problem("部门至少应包含一个单位"));
            LedgerLine beyond = DatasetRules.beyondTotal(units.stream().flatMap(b -> b.allLines().stream()).toList());
            if (beyond != null) problems.add(new InputProblem(beyond.origin().file(), beyond.origin().line(), "amount", DatasetRules.BEYOND_TOTAL));
            if (!problems.isEmpty()) throw new InputException(problems);
            Budget dept = new Budget(agency, year, profile, List.of(), List.of(), units, origin)
                    .withAccounts(new org.openbudget.core.ledger.Accounts(basis, Map.of(), null));
            return withNarrative(dept, root, ref, dir, visiting, problems);
        }
        Map<String, Project> projects = new HashMap<>();
        List<Project> projectList = new ArrayList<>();
        if (root.get("projects").isPresent() && root.require("projects").isPresentList()) {
            for (YamlNode p : root.require("projects").items()) {
                try {
                    Project pr = new Project(p.string("pro_code"), p.string("pro_name"),
                            p.optString("agency_code").orElse(agency.code()), p.bool("classified", false));
                    DatasetRules.addProject(pr, projects, projectList, (field, message) -> problems.add(p.require(field).problem(message)));
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        List<LedgerLine> lines = new ArrayList<>();
        if (root.get("lines").isPresent() && root.require("lines").isPresentList()) {
            List<YamlNode> items = root.require("lines").items();
            int maxRows = ReadLimits.current().rows();
            if (items.size() > maxRows) {
                throw root.require("lines").error("账本行数过多（" + items.size() + " 行，上限 " + maxRows + " 行） (too many ledger lines)");
            }
            for (YamlNode l : items) {
                ReadGuard.checkpoint();
                ReadGuard.at("文件 " + file + " 第 " + l.line() + " 行");
                try {
                    LedgerLine line = line(l, agency, ref, projects, problems);
                    if (line != null) lines.add(line);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        LedgerLine beyond = DatasetRules.beyondTotal(lines);
        if (beyond != null) problems.add(new InputProblem(beyond.origin().file(), beyond.origin().line(), "amount", DatasetRules.BEYOND_TOTAL));
        if (basis.equals(org.openbudget.core.ledger.Accounts.FINAL)) {
            for (LedgerLine l : lines) {
                var s = ref.source(l.fundSource());
                if (s.isPresent() && s.get().budget().equals(AccountsReader.EXCLUDED_BUDGET)) {
                    problems.add(new InputProblem(l.origin().file(), l.origin().line(), "fund_source", AccountsReader.NO_SPECIAL_ACCOUNT + s.get().code() + " " + s.get().name()));
                }
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        Budget unit = new Budget(agency, year, profile, projectList, lines, List.of(), origin);
        if (basis.equals(org.openbudget.core.ledger.Accounts.FINAL)) {
            var accounts = new AccountsReader(problems, ref, measures(profile), node -> dataset(node, dir, visiting, problems, "预算数据集")).read(unit, root);
            if (!problems.isEmpty()) throw new InputException(problems);
            unit = unit.withAccounts(accounts);
        }
        return withNarrative(unit, root, ref, dir, visiting, problems);
    }

    /** The basis (预算/决算) of a template, or null when it cannot be read (the derivation says why). */
    private String profileBasis(String profileId) {
        try {
            return library.profile(profileId).meta().basis();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The dictionary of measures of the dataset's template (its own measures added), the library's when it cannot be read. */
    private org.openbudget.core.measure.MeasureDictionary measures(String profileId) {
        try {
            return library.profile(profileId).measures();
        } catch (RuntimeException e) {
            return library.measures();
        }
    }

    /** Another dataset named by a path node (relative to this one, or among the given files), or null after reporting. */
    private Budget dataset(YamlNode node, Path dir, Set<Path> visiting, List<InputProblem> problems, String what) {
        String rel = node.text();
        if (rel == null || rel.isBlank()) { problems.add(node.problem(what + "路径不能为空")); return null; }
        if (memory != null) {
            Budget b = memory.get(rel.trim());
            if (b == null) problems.add(node.problem(what + "不在所提供的文件中: " + YamlScalarsText.shown(rel.trim()) + " (only the files given can be named)"));
            return b;
        }
        Path p = unitPath(dir, rel, node, problems);
        if (p == null) return null;
        if (!Files.exists(p)) { problems.add(node.problem(what + "不存在: " + p + " (missing dataset)")); return null; }
        try {
            return read(resolve(p), visiting);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The text outline of the dataset's template (what its text states), none when the profile cannot be read. */
    private org.openbudget.core.profile.TextOutline outline(String profileId) {
        try {
            return library.profile(profileId).text().outline();
        } catch (RuntimeException e) {
            return org.openbudget.core.profile.TextOutline.NONE;
        }
    }

    /** The dataset's text part (NarrativeReader), checked against the budget; last year's dataset is read relative to this one. */
    private Budget withNarrative(Budget budget, YamlNode root, ReferenceData ref, Path dir, Set<Path> visiting, List<InputProblem> problems) {
        NarrativeReader reader = new NarrativeReader(problems, ref, budget, outline(budget.profileId()), node -> {
            String rel = node.text();
            if (rel == null || rel.isBlank()) { problems.add(node.problem("上年数据集路径不能为空")); return null; }
            if (memory != null) {
                Budget last = memory.get(rel.trim());
                if (last == null) problems.add(node.problem("上年数据集不在所提供的文件中: " + YamlScalarsText.shown(rel.trim()) + " (only the files given can be named)"));
                return last;
            }
            Path p = unitPath(dir, rel, node, problems);
            if (p == null) return null;
            if (!Files.exists(p)) { problems.add(node.problem("上年数据集不存在: " + p + " (missing last year's dataset)")); return null; }
            try {
                return read(resolve(p), visiting);
            } catch (InputException e) {
                problems.addAll(e.problems());
                return null;
            }
        });
        Budget known = lastYears.of(budget.agency().code(), budget.year() - 1);
        var narrative = reader.knowingLastYear(known).read(root);
        if (!problems.isEmpty()) throw new InputException(problems);
        return budget.withNarrative(narrative);
    }

    private static Agency agency(YamlNode a) {
        String kind = a.string("agency_kind");
        String type = a.string("agency_type");
        DatasetRules.Sink fail = (field, message) -> { throw a.require(field).error(message); };
        AgencyKind k = DatasetRules.agencyKind(kind, fail);
        AgencyType t = DatasetRules.agencyType(type, fail);
        return new Agency(a.string("agency_code"), a.string("agency_name"), k, t);
    }

    private static LedgerLine line(YamlNode l, Agency agency, ReferenceData ref, Map<String, Project> projects, List<InputProblem> problems) {
        int before = problems.size();
        l.entries().forEach((k, v) -> {
            if (!LINE_KEYS.contains(k)) problems.add(v.problem("未知字段 " + k + " (allowed: " + LINE_KEYS + ")"));
        });
        DatasetRules.Sink sink = (field, message) -> problems.add(field.isEmpty() ? l.problem(message) : l.require(field).problem(message));
        String func = DatasetRules.funcCode(l.string("exp_func_code"), sink);
        String eco = DatasetRules.ecoCode(l.string("dep_bgt_eco_code"), sink);
        Nature nature = DatasetRules.nature(l.string("nature"), sink);
        String pro = l.optString("pro_code").orElse(null);
        DatasetRules.project(nature, pro, projects.keySet(), "projects", sink);
        var source = DatasetRules.fundSource(l.string("fund_source"), ref, sink);
        YamlNode amountNode = l.require("amount");
        long fen = DatasetRules.amountFen(amountNode.text(), sink);
        if (problems.size() > before) return null;
        return new LedgerLine(agency.code(), func, eco, nature, pro, source.code(), fen, new Origin(l.file(), l.line()));
    }
}
