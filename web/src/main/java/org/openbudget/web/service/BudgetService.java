package org.openbudget.web.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Origin;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.Workspace;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookReader;
import org.openbudget.io.workbook.WorkbookTemplate;
import org.openbudget.io.workbook.WorkbookWriter;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.SeverityRepository;
import org.springframework.stereotype.Service;

/**
 * The one gateway from the web to the domain: the io readers read, the core derives and checks.
 * Nothing here computes a table or a check itself; it only applies the administrator's severities.
 */
@Service
public class BudgetService {
    private final ReferenceLibrary library;
    private final SeverityRepository severities;
    private final RegionProfileService regionProfiles;

    private int maxLedgerLines = 20_000;
    private long maxDatasetChars = 8L * 1024 * 1024;

    /** A unit's ledger at most this many lines; its YAML at most this many MB of text. */
    @org.springframework.beans.factory.annotation.Autowired
    void limits(@org.springframework.beans.factory.annotation.Value("${budget.limits.ledger-lines:20000}") int lines,
                @org.springframework.beans.factory.annotation.Value("${budget.limits.dataset-mb:8}") long mb) {
        this.maxLedgerLines = lines;
        this.maxDatasetChars = mb * 1024 * 1024;
    }

    public BudgetService(ReferenceLibrary library, SeverityRepository severities, RegionProfileService regionProfiles) {
        this.library = library;
        this.severities = severities;
        this.regionProfiles = regionProfiles;
    }

    public ReferenceLibrary library() { return library; }

    /** Reads a unit dataset from its text (the file name only labels the problems). */
    public Evaluation evaluateUnit(String fileName, String yaml) {
        return evaluateUnit(fileName, Document.Source.yaml(yaml));
    }

    /** Reads a unit dataset: YAML, or an Excel workbook (problems located by sheet, row and column). */
    public Evaluation evaluateUnit(String fileName, Document.Source source) {
        if (source.yaml() != null && source.yaml().length() > maxDatasetChars)
            return Evaluation.invalid(List.of(new InputProblem(fileName, 0, "", "数据集太大：至多 " + maxDatasetChars / (1024 * 1024)
                    + " MB 的文字，而该文件有 " + source.yaml().length() / (1024 * 1024) + " MB")));
        Budget budget;
        try {
            budget = read(fileName, source);
        } catch (InputException e) {
            return Evaluation.invalid(onlineProblems(e.problems()));
        }
        if (budget.lines().size() > maxLedgerLines)
            return Evaluation.invalid(List.of(new InputProblem(fileName, 0, source.isWorkbook() ? "预算明细" : "lines",
                    "账本行数太多：每个单位至多 " + maxLedgerLines + " 行，而该数据集有 " + budget.lines().size()
                            + " 行。请合并同一科目、同一资金来源的明细后再上传 (budget.limits.ledger-lines)")));
        if (budget.isDepartment()) {
            return Evaluation.invalid(List.of(new InputProblem(fileName, 0, "agency.agency_kind",
                    "这里应上传单位数据集；部门的数据由各单位数据汇总生成 (a unit dataset is expected; a department is consolidated from its units)")));
        }
        return evaluate(budget);
    }

    /**
     * A department: its own dataset (agency, text part, {@code units:} naming its units' files) and
     * its units' datasets, read together exactly as {@code ./budget check DIR} reads a department
     * folder — in memory: each {@code units:} entry names one of {@code units}, nothing is written to or read from disk.
     */
    public Evaluation evaluateDepartment(Agency department, int year, String departmentYaml, List<NamedSource> units) {
        if (units.isEmpty()) {
            return Evaluation.invalid(List.of(new InputProblem(department.code(), 0, "units", "没有可汇总的单位数据 (no unit to consolidate)")));
        }
        Budget budget;
        try {
            Map<String, Budget> read = new java.util.LinkedHashMap<>();
            List<InputProblem> problems = new ArrayList<>();
            for (NamedSource u : units) {
                try {
                    read.put(u.name(), read(u.name(), u.source()));
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) return Evaluation.invalid(problems);
            budget = DatasetReader.inMemory(library, read, this::publishedLastYear).parse("dataset.yaml", departmentYaml);
        } catch (InputException e) {
            return Evaluation.invalid(onlineProblems(e.problems()));
        }
        if (!budget.agency().code().equals(department.code())) {
            return Evaluation.invalid(List.of(new InputProblem("dataset.yaml", 0, "agency.agency_code", "部门代码应为 " + department.code())));
        }
        if (budget.year() != year) {
            return Evaluation.invalid(List.of(new InputProblem("dataset.yaml", 0, "budget_year", "预算年度应为 " + year)));
        }
        return evaluate(withUnitsProjectTexts(budget));
    }

    /**
     * A department's text takes its units' project texts and performance tables as they are — it writes only its own: after
     * the projects its own dataset describes (which stand), each unit's description of a project the department's does not
     * describe, unit by unit. A department without text of its own (tables only) is left so.
     */
    static Budget withUnitsProjectTexts(Budget department) {
        org.openbudget.core.ledger.Narrative n = department.narrative();
        if (n.isEmpty()) return department;
        java.util.Set<String> described = new java.util.HashSet<>();
        List<org.openbudget.core.ledger.Narrative.ProjectText> projects = new ArrayList<>(n.projects());
        projects.forEach(p -> described.add(p.proCode()));
        for (Budget unit : department.units()) {
            for (var p : unit.narrative().projects()) if (described.add(p.proCode())) projects.add(p);
        }
        if (projects.size() == n.projects().size()) return department;
        return department.withNarrative(new org.openbudget.core.ledger.Narrative(n.functions(), n.offices(), n.personnel(), n.lastYear(),
                n.reasons(), n.classNotes(), projects, n.carryOver(), n.procurement(), n.assets(), n.overall(), n.performanceOrder(),
                n.otherMatters(), n.closingDate()));
    }

    /** A {@code last_year.dataset} file cannot be named online: last year's figures come from its published version. */
    private static List<InputProblem> onlineProblems(List<InputProblem> problems) {
        return problems.stream().map(p -> p.field().endsWith("last_year.dataset")
                ? new InputProblem(p.file(), p.line(), p.field(), "在线填报不引用上年数据集文件：上年已发布的版本自动作为上年数；"
                        + "上年没有在本系统发布时，请在「上年数」中填写上年公开文档所印的数，并删去 last_year.dataset")
                : p).toList();
    }

    private Evaluation evaluateUnitOnly(NamedSource u) {
        try {
            return new Evaluation(read(u.name(), u.source()), null, null, null, null);
        } catch (InputException e) {
            return Evaluation.invalid(e.problems());
        }
    }

    private Evaluation evaluate(Budget budget) {
        List<Finding> lastYear = new ArrayList<>();
        budget = withPublishedLastYear(budget, lastYear);
        Workspace.Loaded l = new Workspace(library).loaded(budget);
        List<Finding> findings = new ArrayList<>(lastYear);
        findings.addAll(l.check());
        return new Evaluation(budget, l.profile(), l.disclosure(), applySeverities(findings), List.of());
    }

    /** The id of the finding that a hand-typed 上年数 differs from last year's published version. */
    public static final String LAST_YEAR_PUBLISHED = "L.last-year.published";

    /**
     * 上年数 from last year's published version, when the agency has one: its dataset becomes the budget's last year (every
     * comparative the text states is read off its tables as this year's template prints them), a hand-typed figure of a key
     * it prints gives way to it, and one that differs is an error naming both figures. A budget without text is left as it is.
     */
    private Budget withPublishedLastYear(Budget budget, List<Finding> findings) {
        if (lastYearPublished == null || budget.narrative().isEmpty()) return budget;
        var version = lastYearPublished.of(budget.agency().code(), budget.year() - 1).orElse(null);
        if (version == null) return budget;
        org.openbudget.core.profile.TemplateProfile profile;
        Map<String, java.math.BigDecimal> published;
        try {
            profile = library.profile(budget.profileId());
            published = lastYearPublished.amounts(version, budget.year(), profile);
        } catch (RuntimeException e) {
            return budget; // its tables cannot be laid out under this template: the hand-typed figures stand
        }
        Map<String, java.math.BigDecimal> kept = new java.util.LinkedHashMap<>();
        budget.narrative().lastYear().amounts().forEach((key, typed) -> {
            java.math.BigDecimal p = published.get(key);
            if (p == null) {
                kept.put(key, typed);
            } else if (p.compareTo(typed) != 0) {
                String words = org.openbudget.web.forms.FormOptions.fixedKeyLabel(library, key);
                String what = words == null ? key : words;
                String v = "第 " + version.publication().versionNo() + " 版";
                // located in words, as a page shows it (上年数 of 二 收入：一般公共预算拨款…), not by the key
                findings.add(new Finding(LAST_YEAR_PUBLISHED, Severity.ERROR, null, what, "", "上年数", null,
                        p.toPlainString(), typed.toPlainString(),
                        "上年数「" + what + "」填写为 " + typed.toPlainString() + " 万元，而 " + version.budget().year() + " 年已发布的版本（"
                                + v + "）为 " + p.toPlainString() + " 万元：上年数以已发布的版本为准，请删去或改正这一填写"));
            }
        });
        var narrative = budget.narrative().withLastYear(new org.openbudget.core.ledger.Narrative.LastYear(version.budget(), kept));
        return budget.withNarrative(narrative);
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private LastYearPublished lastYearPublished;

    /** Last year's published budget of an agency (the reader lets a reason explain a 项 only it had); null when none. */
    private Budget publishedLastYear(String agencyCode, int year) {
        return lastYearPublished == null ? null : lastYearPublished.of(agencyCode, year).map(LastYearPublished.Version::budget).orElse(null);
    }

    /** Last year's published figures per text-fact key for a budget's forms (万元), with the year and version; empty when none. */
    public java.util.Optional<PublishedFigures> publishedLastYear(String agencyCode, int year, org.openbudget.core.profile.TemplateProfile profile) {
        if (lastYearPublished == null || profile == null) return java.util.Optional.empty();
        return lastYearPublished.of(agencyCode, year - 1).flatMap(v -> {
            try {
                return java.util.Optional.of(new PublishedFigures(year - 1, v.publication().versionNo(), lastYearPublished.amounts(v, year, profile)));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** Last year's published version's figures per text-fact key (万元). */
    public record PublishedFigures(int year, int versionNo, Map<String, java.math.BigDecimal> amounts) {}

    /** Runs the catalogue on a document read from elsewhere (the audit page). */
    public List<Finding> check(Disclosure d) {
        return applySeverities(CheckCatalogue.run(d, library.profile(d.profileId()), library.year(d.year())));
    }

    /**
     * The administrator may change a check's severity. It applies to the check's findings at the
     * catalogue's severity, and to the notices of an unknown code under a partial classification list
     * (C.func.unknown, C.eco.unknown: a bureau may make them block submission or need a comment).
     * Other demoted findings keep their severity: a rounding difference stays a notice, and so does
     * "not evaluable". A severity stored under an earlier id of a check ({@code T3.row-sum}) still applies,
     * to that check's findings on that table ({@link SeverityOverrides}).
     */
    public List<Finding> applySeverities(List<Finding> findings) {
        SeverityOverrides over = SeverityOverrides.of(severities.overrides());
        if (over.isEmpty()) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        Map<String, Check> catalogue = new java.util.HashMap<>();
        for (Check c : library.checks()) catalogue.put(c.id(), c);
        for (Finding f : findings) {
            Severity s = over.of(f.id(), f.table());
            Check c = s == null ? null : catalogue.get(f.id());
            boolean partialList = f.id().endsWith(".unknown") && f.severity() == Severity.NOTICE;
            if (s != null && c != null && (f.severity() == c.severity() || partialList)) {
                f = f.withSeverity(s);
            }
            out.add(f);
        }
        return out;
    }

    private Budget read(String fileName, Document.Source source) {
        if (source.isWorkbook()) return new WorkbookReader(library).read(fileName, new ByteArrayInputStream(source.xlsx()));
        return DatasetReader.inMemory(library, Map.of(), this::publishedLastYear).parse(fileName, source.yaml());
    }

    /**
     * A blank Excel workbook for a unit and year (io/workbook: one sheet per part, drop-down lists,
     * instructions), naming the template profile of the unit's region for that year.
     */
    public byte[] blankWorkbook(Agency unit, int year) {
        String profile = regionProfiles.profileFor(unit, year);
        if (!library.hasYear(year)) throw new RuleViolation("没有 " + year + " 年的分类科目 (no reference data for this year)");
        if (!library.hasProfile(profile)) throw new RuleViolation("没有 " + year + " 年的模板 " + profile + " (no template profile " + profile + ")");
        org.openbudget.core.ledger.Agency a = new org.openbudget.core.ledger.Agency(unit.code(), unit.name(), AgencyKind.UNIT, AgencyType.fromLabel(unit.type()));
        return workbook(new WorkbookTemplate(library).blank(a, year, profile));
    }

    /** A blank 决算 workbook: its 年初预算数 and projects the year's 预算 (null: none read). */
    public byte[] blankFinalWorkbook(Agency unit, int year, String profile, Budget budgeted) {
        if (!library.hasYear(year)) throw new RuleViolation("没有 " + year + " 年的分类科目 (no reference data for this year)");
        if (!library.hasProfile(profile)) throw new RuleViolation("没有 " + year + " 年的决算模板 " + profile + " (no template profile " + profile + ")");
        org.openbudget.core.ledger.Agency a = new org.openbudget.core.ledger.Agency(unit.code(), unit.name(), AgencyKind.UNIT, AgencyType.fromLabel(unit.type()));
        Budget b = budgeted != null && budgeted.agency().code().equals(unit.code()) && !budgeted.isDepartment() ? budgeted : null;
        try {
            return workbook(new WorkbookTemplate(library).blankFinal(a, year, profile, b));
        } catch (org.openbudget.io.InputException e) {
            throw new RuleViolation(e.getMessage());
        }
    }

    /** A budget as an Excel workbook (io/workbook's writer). */
    public byte[] workbook(Budget budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new WorkbookWriter(library.year(budget.year()), library.profile(budget.profileId())).write(budget, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public record NamedSource(String name, Document.Source source) {}

    /**
     * The copy of a unit's dataset that is published: the budget as read, written afresh — a workbook as a new
     * workbook of values (no cell comment, no formula or hyperlink, nothing of a sheet the reader does not read),
     * YAML as YAML without its comments. Reading it back gives the same budget.
     */
    public DocumentFormat.DatasetFile cleanCopy(String name, Document.Source source) {
        Budget b = read(name, source);
        if (source.isWorkbook()) return new DocumentFormat.DatasetFile(name, workbook(b));
        return DocumentFormat.DatasetFile.yaml(name, org.openbudget.web.forms.BudgetYaml.write(b));
    }

    /** A department's own dataset as published: its text part and units list, without comment lines. */
    public static String withoutCommentLines(String yaml) {
        StringBuilder b = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (line.stripLeading().startsWith("#")) continue;
            b.append(line).append('\n');
        }
        return b.toString().replaceAll("\n+$", "\n");
    }
}
