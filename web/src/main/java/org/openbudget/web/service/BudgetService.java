package org.openbudget.web.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return Evaluation.invalid(e.problems());
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
     * folder (they are written to a temporary folder of that layout).
     */
    public Evaluation evaluateDepartment(Agency department, int year, String departmentYaml, List<NamedSource> units) {
        if (units.isEmpty()) {
            return Evaluation.invalid(List.of(new InputProblem(department.code(), 0, "units", "没有可汇总的单位数据 (no unit to consolidate)")));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("budget-dept-");
            Files.writeString(dir.resolve("dataset.yaml"), departmentYaml, StandardCharsets.UTF_8);
            for (NamedSource u : units) {
                Path f = dir.resolve(u.name());
                if (u.source().isWorkbook()) Files.write(f, u.source().xlsx());
                else Files.writeString(f, u.source().yaml(), StandardCharsets.UTF_8);
            }
            Budget budget;
            try {
                budget = new Workspace(library).read(dir);
            } catch (InputException e) {
                String prefix = dir.toString() + java.io.File.separator;
                return Evaluation.invalid(e.problems().stream()
                        .map(p -> new InputProblem(p.file().replace(prefix, ""), p.line(), p.field(), p.message().replace(prefix, ""))).toList());
            }
            if (!budget.agency().code().equals(department.code())) {
                return Evaluation.invalid(List.of(new InputProblem("dataset.yaml", 0, "agency.agency_code", "部门代码应为 " + department.code())));
            }
            if (budget.year() != year) {
                return Evaluation.invalid(List.of(new InputProblem("dataset.yaml", 0, "budget_year", "预算年度应为 " + year)));
            }
            return evaluate(budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private Evaluation evaluateUnitOnly(NamedSource u) {
        try {
            return new Evaluation(read(u.name(), u.source()), null, null, null, null);
        } catch (InputException e) {
            return Evaluation.invalid(e.problems());
        }
    }

    private Evaluation evaluate(Budget budget) {
        Workspace.Loaded l = new Workspace(library).loaded(budget);
        return new Evaluation(budget, l.profile(), l.disclosure(), applySeverities(CheckCatalogue.run(l.disclosure(), l.profile(), l.ref())), List.of());
    }

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
        return new DatasetReader(library).parse(fileName, source.yaml());
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
