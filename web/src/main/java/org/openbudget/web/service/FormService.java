package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.forms.BudgetYaml;
import org.openbudget.web.forms.DatasetSplice;
import org.openbudget.web.forms.FieldProblem;
import org.openbudget.web.forms.FormOptions;
import org.openbudget.web.forms.LastYearForm;
import org.openbudget.web.forms.LinesForm;
import org.openbudget.web.forms.ProjectsForm;
import org.openbudget.web.forms.SectionForm;
import org.openbudget.web.forms.TextForm;
import org.openbudget.web.forms.YamlOut;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.WorkflowService.DocumentView;
import org.springframework.stereotype.Service;

/**
 * Editing a dataset through forms. Each form owns some top-level keys of the dataset
 * ({@link SectionForm}); a form's values are written into the stored YAML in place of those keys
 * (the rest of the file is kept as written) and the whole dataset is read again by the same reader
 * as an upload — so a bad value is refused with the reader's message, shown at its field, and
 * nothing is saved. A dataset uploaded as an Excel workbook is written as YAML first (and saved so).
 * A department edits its own dataset's text part, read with the units of its consolidation.
 */
@Service
public class FormService {
    /** The forms of the working-document page. */
    public enum Section {
        LINES("lines", "预算明细"), PROJECTS("projects", "项目"), TEXT("text", "文字"), LAST_YEAR("last-year", "上年数"),
        /** a 决算's 收支与结转 (its accounts: 本年收入, 年初结转和结余, 年初预算数 …) */
        ACCOUNTS("accounts", "收支与结转"),
        /** a 决算's 三公明细 (the counts behind its “三公” money: 团组, 人次, 车辆, 接待批次) */
        THREE_PUBLIC("three-public", "三公明细");

        private final String id;
        private final String label;

        Section(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() { return id; }

        public String label() { return label; }

        /** A department has no lines or projects of its own: it edits its text, its project texts and last year's figures. */
        public boolean forDepartment() { return this != LINES && this != ACCOUNTS; }

        /** Whether a document of this basis has the section: a 预算 has no accounts, a 决算 no last year's figures. */
        public boolean forBasis(String basis) {
            return org.openbudget.web.db.repositories.Document.FINAL.equals(basis) ? this != LAST_YEAR : this != ACCOUNTS && this != THREE_PUBLIC;
        }

        public static Section of(String id) {
            for (Section s : values()) if (s.id.equals(id)) return s;
            throw new NotFoundException("没有这个表单：" + id);
        }
    }

    private final WorkflowService workflow;
    private final BudgetService budgets;
    private final DocumentRepository documents;
    private final AccessPolicy policy;
    private final RegionProfileService regionProfiles;

    public FormService(WorkflowService workflow, BudgetService budgets, DocumentRepository documents, AccessPolicy policy,
                       RegionProfileService regionProfiles) {
        this.workflow = workflow;
        this.budgets = budgets;
        this.documents = documents;
        this.policy = policy;
        this.regionProfiles = regionProfiles;
    }

    /**
     * The stored dataset as the forms see it: its YAML (a workbook's written as YAML) and, for a page,
     * what to choose from ({@code options}, null when only checking or saving).
     */
    public record Editing(Agency agency, int year, Document document, String yaml, boolean fromWorkbook, FormOptions options) {
        public boolean department() { return agency.isDepartment(); }
    }

    /** Whether the user edits this agency's dataset (a unit's preparer; a department for its own text). */
    public boolean canEdit(BudgetUser u, Agency a) {
        return org.openbudget.web.workflow.Transitions.takesPart(policy.parties(u, a),
                a.isDepartment() ? org.openbudget.web.workflow.Action.EDIT_TEXT : org.openbudget.web.workflow.Action.SAVE);
    }

    /** What the forms of a page edit (the view holds the stored document and its evaluation). */
    public Editing editing(BudgetUser u, DocumentView v) {
        Evaluation e = v.evaluation();
        Editing base = base(u, v.agency(), v.year(), v.basis(), v.document(), e);
        boolean readable = e != null && e.readable();
        FormOptions options = new FormOptions(budgets.library().hasYear(v.year()) ? budgets.library().year(v.year()) : null,
                readable ? e.budget() : null, readable ? e.disclosure() : null, readable ? e.profile() : regionProfile(v.agency(), v.year()));
        budgets.publishedLastYear(v.agency().code(), v.year(), readable ? e.profile() : regionProfile(v.agency(), v.year()))
                .ifPresent(p -> options.published(p.year(), p.versionNo(), p.amounts()));
        return new Editing(base.agency(), base.year(), base.document(), base.yaml(), base.fromWorkbook(), options);
    }

    /** The template the region assigns for the year (what the text will state before anything is stored); null when none reads. */
    private org.openbudget.core.profile.TemplateProfile regionProfile(Agency a, int year) {
        try {
            return budgets.library().profile(regionProfiles.profileFor(a, year));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What a form's check or save starts from. */
    Editing editing(BudgetUser u, String code, int year) {
        return editing(u, code, year, Document.BUDGET);
    }

    Editing editing(BudgetUser u, String code, int year, String basis) {
        Agency a = workflow.agency(code);
        AccessPolicy.require(canEdit(u, a), "编辑 " + a.name() + " 的预算");
        Document d = documents.find(code, year, WorkflowService.basis(basis)).orElse(null);
        return base(u, a, year, WorkflowService.basis(basis), d, d != null && d.source().isWorkbook() ? workflow.evaluate(d) : null);
    }

    private Editing base(BudgetUser u, Agency a, int year, String basis, Document d, Evaluation e) {
        AccessPolicy.require(canEdit(u, a), "编辑 " + a.name() + " 的预算");
        if (a.isDepartment() && d == null) throw new RuleViolation("请先汇总已提交的单位，再填写部门预算的文字部分。");
        boolean workbook = d != null && d.source().isWorkbook();
        String yaml;
        if (d == null) yaml = skeleton(a, year, basis, regionProfiles.profileFor(a, year, basis));
        else if (!workbook) yaml = d.datasetYaml();
        else if (e != null && e.readable()) yaml = BudgetYaml.write(e.budget());
        else throw new RuleViolation("上传的工作簿有错误，无法在线编辑；请修改工作簿后重新上传。");
        return new Editing(a, year, d, yaml, workbook, null);
    }

    /** A new unit's dataset: the format, the year and its template (its region's), the agency; nothing else. */
    static String skeleton(Agency a, int year, String profile) {
        return skeleton(a, year, Document.BUDGET, profile);
    }

    /** A new unit's 预算 or 决算 dataset (a 决算's says {@code basis: 决算}). */
    static String skeleton(Agency a, int year, String basis, String profile) {
        Map<String, YamlOut.Node> keys = new java.util.LinkedHashMap<>();
        keys.put("format", YamlOut.literal(org.openbudget.io.dataset.DatasetReader.FORMAT, null));
        if (Document.FINAL.equals(basis)) keys.put("basis", YamlOut.scalar(Document.FINAL, null));
        keys.put("budget_year", YamlOut.literal(String.valueOf(year), null));
        keys.put("profile", YamlOut.scalar(profile, null));
        keys.put("agency", YamlOut.map(null).put("agency_code", YamlOut.scalar(a.code(), null)).put("agency_name", YamlOut.scalar(a.name(), null))
                .put("agency_kind", YamlOut.scalar("单位", null)).put("agency_type", YamlOut.scalar(a.type(), null)));
        StringBuilder b = new StringBuilder();
        keys.forEach((k, v) -> b.append(YamlOut.topLevel(k, v).text()));
        return b.toString();
    }

    /** The form of a section with the stored values (and a row for every key the text may explain). */
    public SectionForm form(Editing e, Section s) {
        YamlNode root = YamlNode.parse("dataset.yaml", e.yaml());
        return switch (s) {
            case LINES -> e.options().normalized(LinesForm.from(root));
            case PROJECTS -> {
                ProjectsForm f = ProjectsForm.from(root);
                if (e.department()) f.projects = new ArrayList<>();
                yield f;
            }
            case TEXT -> e.options().complete(TextForm.from(root), LastYearForm.from(root));
            case LAST_YEAR -> e.options().complete(LastYearForm.from(root));
            case ACCOUNTS -> org.openbudget.web.forms.AccountsForm.from(root);
            case THREE_PUBLIC -> org.openbudget.web.forms.ThreePublicForm.from(root);
        };
    }

    /** Names the rows of a form sent back (a refused save is shown again with its words). */
    public SectionForm labelled(Editing e, Section s, SectionForm f) {
        YamlNode root = YamlNode.parse("dataset.yaml", e.yaml());
        if (f instanceof TextForm t) return e.options().complete(t, LastYearForm.from(root));
        if (f instanceof LinesForm l && l.paged()) return l.withRestOf(e.options().normalized(LinesForm.from(root)));
        if (f instanceof LastYearForm l) {
            if (l.amounts != null) l.amounts.removeIf(r -> r == null);
            return e.options().complete(l);
        }
        return f;
    }

    /** A form's values read with the rest of the dataset: the evaluation and the problems by field. */
    public record Checked(String yaml, Evaluation evaluation, List<FieldProblem> problems) {
        public boolean readable() { return problems.isEmpty(); }
    }

    /** The form of a section as stored, for the REST API. */
    public SectionForm form(BudgetUser u, String code, int year, Section s) {
        return form(editing(u, workflow.view(u, code, year)), s);
    }

    /** Reads and checks the dataset as it would be with this form's values; saves nothing. */
    public Checked check(BudgetUser u, String code, int year, Section s, SectionForm form) {
        return check(u, code, year, Document.BUDGET, s, form);
    }

    public Checked check(BudgetUser u, String code, int year, String basis, Section s, SectionForm form) {
        return apply(editing(u, code, year, basis), s, form);
    }

    public SectionForm form(BudgetUser u, String code, int year, String basis, Section s) {
        return form(editing(u, workflow.view(u, code, year, basis)), s);
    }

    /** Saves the form's values: the whole dataset must read, and the version must be the one the user read. */
    public Document save(BudgetUser u, String code, int year, Section s, SectionForm form, Integer version) {
        return save(u, code, year, Document.BUDGET, s, form, version);
    }

    public Document save(BudgetUser u, String code, int year, String basis, Section s, SectionForm form, Integer version) {
        Editing e = editing(u, code, year, basis);
        Checked c = apply(e, s, form);
        if (!c.readable()) throw new FormInvalidException(c.problems());
        String what = "在线表单（" + s.label() + "）";
        if (e.department()) return workflow.saveDepartmentDataset(u, code, year, basis, c.yaml(), version, what);
        return workflow.saveDataset(u, code, year, basis, what, Document.Source.yaml(c.yaml()), version);
    }

    Checked apply(Editing e, Section s, SectionForm form) {
        if (e.department() && !s.forDepartment()) throw new RuleViolation("部门预算由各单位汇总，没有自己的预算明细。");
        List<FieldProblem> problems = new ArrayList<>();
        SectionForm page = form;
        if (form instanceof LinesForm lines && lines.paged()) {
            // a page of a long ledger: its rows in place of the stored rows it showed, the rest as stored
            try {
                form = lines.within(LinesForm.from(YamlNode.parse("dataset.yaml", e.yaml())));
            } catch (LinesForm.PageMismatch ex) {
                throw new RuleViolation(ex.getMessage());
            }
        }
        Map<String, YamlOut.Node> values = form.toYaml(e.department(), problems);
        DatasetSplice.Result r;
        try {
            r = DatasetSplice.replace(e.yaml(), values);
        } catch (DatasetSplice.NotBlockMapping ex) {
            throw new RuleViolation(ex.getMessage());
        }
        Evaluation ev;
        try {
            ev = e.department() ? workflow.evaluateDepartment(e.agency(), e.document(), r.yaml()) : regionProfiles.checked("dataset.yaml", Document.Source.yaml(r.yaml()), budgets.evaluateUnit("dataset.yaml", r.yaml()));
        } catch (InputException ex) {
            ev = Evaluation.invalid(ex.problems());
        }
        for (InputProblem p : ev.problems()) problems.add(locate(p, r.origins(), form));
        if (page != form) problems = onPage((LinesForm) page, problems);
        return new Checked(r.yaml(), ev, problems);
    }

    /** Problems of the whole ledger as a page shows them: at the page's own field, or in words when on another page. */
    private static List<FieldProblem> onPage(LinesForm page, List<FieldProblem> problems) {
        List<FieldProblem> out = new ArrayList<>(problems.size());
        for (FieldProblem p : problems) out.add(new FieldProblem(page.onPage(p.field()), p.path(), p.where(), p.message()));
        return out;
    }

    /** The form field a reader's problem is about: the written node at its path, or the nearest one above it. */
    static FieldProblem locate(InputProblem p, Map<String, String> origins, SectionForm form) {
        String path = p.field() == null ? "" : p.field();
        boolean own = p.file() == null || p.file().equals("dataset.yaml");
        String at = path;
        while (own && !at.isEmpty()) {
            String field = origins.get(at);
            if (field != null) return new FieldProblem(field, path, form.describe(field), p.message());
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            if (cut <= 0) break;
            at = at.substring(0, cut);
        }
        String where = (own ? "数据集" : p.file()) + (p.line() > 0 ? " 第 " + p.line() + " 行" : "") + (path.isEmpty() ? "" : " [" + path + "]");
        return new FieldProblem(null, path, where, p.message());
    }
}
