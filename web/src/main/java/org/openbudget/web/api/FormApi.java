package org.openbudget.web.api;

import java.util.List;

import org.openbudget.core.check.Finding;
import org.openbudget.web.api.Dtos.Counts;
import org.openbudget.web.api.Dtos.DocumentDto;
import org.openbudget.web.forms.AccountsForm;
import org.openbudget.web.forms.FieldProblem;
import org.openbudget.web.forms.FormOptions;
import org.openbudget.web.forms.LastYearForm;
import org.openbudget.web.forms.LinesForm;
import org.openbudget.web.forms.ProjectsForm;
import org.openbudget.web.forms.SectionForm;
import org.openbudget.web.forms.TextForm;
import org.openbudget.web.forms.ThreePublicForm;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.DocumentKey;
import org.openbudget.web.service.FormService;
import org.openbudget.web.service.FormService.Section;
import org.openbudget.web.service.WorkflowService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The editing forms of the working-document page: read a part of the dataset as a form, check the
 * form's values with the rest of the dataset (nothing saved), save them (the whole dataset must read;
 * a stale {@code version} is refused with 409). A problem names its form field ({@code lines[2].amount}).
 */
@RestController
@RequestMapping("/api/documents/{code}/{year}/forms")
@Tag(name = "forms", description = "在线表单：预算明细、项目、文字、上年数 (edit the dataset part by part)")
public class FormApi {
    private final FormService forms;
    private final WorkflowService workflow;

    public FormApi(FormService forms, WorkflowService workflow) {
        this.forms = forms;
        this.workflow = workflow;
    }

    /** The dataset read with a form's values: its problems by field, or its findings. */
    public record FormCheck(boolean readable, Counts counts, List<FieldProblem> problems, List<Finding> findings) {
        static FormCheck of(FormService.Checked c) {
            boolean ok = c.readable();
            return new FormCheck(ok, Counts.of(ok ? c.evaluation() : null), c.problems(), ok ? c.evaluation().findings() : List.of());
        }
    }

    /** What the forms offer: the year's 功能分类项 and 经济分类款, funding sources, the budget's projects. */
    public record Choice(String code, String name) {}

    public record Options(List<Choice> funcItems, List<Choice> ecoItems, List<Choice> fundSources, List<Choice> projects) {}

    @GetMapping("/options")
    @Operation(summary = "表单可选项：本年度功能分类项、经济分类款、资金来源，本预算的项目")
    public Options options(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        FormOptions o = forms.editing(u, workflow.view(u, code, year, key.basis())).options();
        return new Options(o.funcItems().stream().map(i -> new Choice(i.code(), i.name())).toList(),
                o.ecoItems().stream().map(i -> new Choice(i.code(), i.name())).toList(),
                o.sources().stream().map(s -> new Choice(s.code(), s.name())).toList(),
                o.projects().stream().map(p -> new Choice(p.code(), p.name())).toList());
    }

    // ------------------------------------------------------------------ 预算明细

    @GetMapping("/lines")
    @Operation(summary = "预算明细（金额为元）")
    public LinesForm lines(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (LinesForm) form(u, code, yearKey, Section.LINES);
    }

    @PostMapping("/lines/check")
    @Operation(summary = "审核修改后的预算明细（不保存）：读取错误逐一对应到表单字段，或审核结果")
    public FormCheck checkLines(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody LinesForm f) {
        return check(u, code, yearKey, Section.LINES, f);
    }

    @PutMapping("/lines")
    @Operation(summary = "保存预算明细；version 为读取时的版本号（新建时省略）；有错误时 400，逐条对应到字段，不保存")
    public DocumentDto saveLines(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                 @RequestParam(required = false) Integer version, @RequestBody LinesForm f) {
        return save(u, code, yearKey, Section.LINES, f, version);
    }

    // ------------------------------------------------------------------ 项目

    @GetMapping("/projects")
    @Operation(summary = "项目（代码、名称、承担单位、涉密）及项目说明与项目绩效目标；部门只有项目说明")
    public ProjectsForm projects(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (ProjectsForm) form(u, code, yearKey, Section.PROJECTS);
    }

    @PostMapping("/projects/check")
    @Operation(summary = "审核修改后的项目（不保存）")
    public FormCheck checkProjects(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody ProjectsForm f) {
        return check(u, code, yearKey, Section.PROJECTS, f);
    }

    @PutMapping("/projects")
    @Operation(summary = "保存项目")
    public DocumentDto saveProjects(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                    @RequestParam(required = false) Integer version, @RequestBody ProjectsForm f) {
        return save(u, code, yearKey, Section.PROJECTS, f, version);
    }

    // ------------------------------------------------------------------ 文字

    @GetMapping("/text")
    @Operation(summary = "文字部分：第一部分、变动原因、主要用于、结转项目说明、政府采购、国有资产、整体绩效目标、其他事项、落款日期")
    public TextForm text(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (TextForm) form(u, code, yearKey, Section.TEXT);
    }

    @PostMapping("/text/check")
    @Operation(summary = "审核修改后的文字部分（不保存）")
    public FormCheck checkText(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody TextForm f) {
        return check(u, code, yearKey, Section.TEXT, f);
    }

    @PutMapping("/text")
    @Operation(summary = "保存文字部分（部门：本部门自己的文字，重新汇总时保留）")
    public DocumentDto saveText(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                @RequestParam(required = false) Integer version, @RequestBody TextForm f) {
        return save(u, code, yearKey, Section.TEXT, f, version);
    }

    // ------------------------------------------------------------------ 上年数

    @GetMapping("/last-year")
    @Operation(summary = "上年数（万元，按文字事实键，docs/text-facts.md）")
    public LastYearForm lastYear(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (LastYearForm) form(u, code, yearKey, Section.LAST_YEAR);
    }

    @PostMapping("/last-year/check")
    @Operation(summary = "审核修改后的上年数（不保存）")
    public FormCheck checkLastYear(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody LastYearForm f) {
        return check(u, code, yearKey, Section.LAST_YEAR, f);
    }

    @PutMapping("/last-year")
    @Operation(summary = "保存上年数")
    public DocumentDto saveLastYear(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                    @RequestParam(required = false) Integer version, @RequestBody LastYearForm f) {
        return save(u, code, yearKey, Section.LAST_YEAR, f, version);
    }

    @GetMapping("/accounts")
    @Operation(summary = "决算的收支与结转（本年收入、年初结转和结余、结余分配、年初预算数等）")
    public AccountsForm accounts(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (AccountsForm) form(u, code, yearKey, Section.ACCOUNTS);
    }

    @PostMapping("/accounts/check")
    @Operation(summary = "审核收支与结转（不保存）")
    public FormCheck checkAccounts(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                   @RequestBody AccountsForm f) {
        return check(u, code, yearKey, Section.ACCOUNTS, f);
    }

    @PutMapping("/accounts")
    @Operation(summary = "保存收支与结转")
    public DocumentDto saveAccounts(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                    @RequestParam(required = false) Integer version, @RequestBody AccountsForm f) {
        return save(u, code, yearKey, Section.ACCOUNTS, f, version);
    }

    // ------------------------------------------------------------------ 三公明细 (决算)

    @GetMapping("/three-public")
    @Operation(summary = "决算的“三公”明细：因公出国（境）团组和人次、公务用车购置数和保有量、公务接待批次和人次（其中外宾）")
    public ThreePublicForm threePublic(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        return (ThreePublicForm) form(u, code, yearKey, Section.THREE_PUBLIC);
    }

    @PostMapping("/three-public/check")
    @Operation(summary = "审核修改后的“三公”明细（不保存）")
    public FormCheck checkThreePublic(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                      @RequestBody ThreePublicForm f) {
        return check(u, code, yearKey, Section.THREE_PUBLIC, f);
    }

    @PutMapping("/three-public")
    @Operation(summary = "保存“三公”明细")
    public DocumentDto saveThreePublic(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                       @RequestParam(required = false) Integer version, @RequestBody ThreePublicForm f) {
        return save(u, code, yearKey, Section.THREE_PUBLIC, f, version);
    }

    private SectionForm form(BudgetUser u, String code, String yearKey, Section s) {
        DocumentKey key = DocumentKey.parse(yearKey);
        return forms.form(u, code, key.year(), key.basis(), s);
    }

    private FormCheck check(BudgetUser u, String code, String yearKey, Section s, SectionForm f) {
        DocumentKey key = DocumentKey.parse(yearKey);
        return FormCheck.of(forms.check(u, code, key.year(), key.basis(), s, f));
    }

    private DocumentDto save(BudgetUser u, String code, String yearKey, Section s, SectionForm f, Integer version) {
        DocumentKey key = DocumentKey.parse(yearKey);
        forms.save(u, code, key.year(), key.basis(), s, f, version);
        return DocumentDto.of(workflow.view(u, code, key.year(), key.basis()));
    }
}
