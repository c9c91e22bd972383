package org.openbudget.web.pages;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.forms.FieldProblem;
import org.openbudget.web.forms.LastYearForm;
import org.openbudget.web.forms.LinesForm;
import org.openbudget.web.forms.ProjectsForm;
import org.openbudget.web.forms.SectionForm;
import org.openbudget.web.forms.TextForm;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.Evaluation;
import org.openbudget.web.service.FormInvalidException;
import org.openbudget.web.service.DocumentKey;
import org.openbudget.web.service.FormService;
import org.openbudget.web.service.FormService.Section;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.UploadReader;
import org.openbudget.web.service.WorkflowService;
import org.openbudget.web.service.WorkflowService.DocumentView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The work pages of units, departments and the finance bureau. */
@Controller
public class WorkPages {
    private final WorkflowService workflow;
    private final UploadReader uploads;
    private final FormService forms;
    private final org.openbudget.web.service.PublicationService publisher;
    private final UserText userText;
    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.DiffService diffs;

    public WorkPages(WorkflowService workflow, UploadReader uploads, FormService forms, org.openbudget.web.service.PublicationService publisher,
                     UserText userText) {
        this.userText = userText;
        this.workflow = workflow;
        this.uploads = uploads;
        this.forms = forms;
        this.publisher = publisher;
    }

    /** Form rows arrive as {@code lines[2].amount}: bound to the forms' fields, for ledgers of thousands of lines. */
    @InitBinder("form")
    void formBinder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(100_000);
    }

    /** A tab of the editor: a form, or the YAML text. */
    public record Tab(String id, String label) {}

    public record Line(Agency agency, int year, Document document, WorkflowService.Counts evaluation) {}

    @GetMapping("/work")
    public String index(@AuthenticationPrincipal BudgetUser u, Model m,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String code,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String year,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String page,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String basis) {
        // 打开或新建某年度预算: the form is a plain GET (no script), answered with the document's address
        if (code != null && year != null && code.matches("[0-9A-Za-z]{1,32}") && year.trim().matches("\\d{4}"))
            return "redirect:/work/" + code + "/" + year.trim() + ("决算".equals(basis) ? DocumentKey.FINAL_SUFFIX : "");
        // a province's inspector prepares and reviews nothing: its work is the batches of the regions under it
        if (u != null && u.role() == org.openbudget.web.security.Role.INSPECTOR) return "redirect:/batch";
        List<Agency> agencies = workflow.visibleAgencies(u);
        Map<String, Agency> byCode = new LinkedHashMap<>();
        agencies.forEach(a -> byCode.put(a.code(), a));
        List<Line> lines = new ArrayList<>();
        // 待审核 and the other states, and a search by code or any part of a name
        String wanted = status == null || status.isBlank() ? null : status.trim();
        String needle = q == null || q.isBlank() ? null : q.trim();
        List<Document> matching = new ArrayList<>();
        for (Document d : workflow.visibleDocuments(u)) {
            if (wanted != null && !d.status().name().equals(wanted)) continue;
            Agency ag = byCode.get(d.agencyCode());
            if (needle != null && !(d.agencyCode().contains(needle) || ag != null && ag.name().contains(needle))) continue;
            matching.add(d);
        }
        // a page at a time: the findings' counts are looked up (or computed once) for the documents shown only
        Paging<Document> shown = Paging.of(matching, page, Paging.SIZE);
        for (Document d : shown.items())
            lines.add(new Line(byCode.get(d.agencyCode()), d.year(), d, u.role() == org.openbudget.web.security.Role.REVIEWER ? workflow.counts(d) : null));
        m.addAttribute("agencies", agencies);
        m.addAttribute("lines", lines);
        m.addAttribute("paging", shown);
        m.addAttribute("status", wanted);
        m.addAttribute("q", needle);
        m.addAttribute("statuses", org.openbudget.web.db.repositories.Status.values());
        // the year offered: this year if its classifications are there, otherwise the latest year that has them
        int now = Year.now().getValue();
        var years = workflow.referenceYears();
        m.addAttribute("thisYear", years.isEmpty() || years.contains(now) ? now : years.last());
        return "work/index";
    }

    @GetMapping("/work/{code}/{year}")
    public String document(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                           @RequestParam(required = false) String tab, @RequestParam(required = false) String page, Model m) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        m.addAttribute("linesPage", page);
        fill(m, u, workflow.view(u, code, year, key.basis()), tab, null, List.of());
        return "work/document";
    }

    /**
     * The page's model: the document, and for whoever edits it the editor — its tabs, the open tab's
     * form (the stored values, or those just sent back with their problems), what to choose from.
     */
    private void fill(Model m, BudgetUser u, DocumentView v, String tab, SectionForm sent, List<FieldProblem> problems) {
        m.addAttribute("v", v);
        Document d = v.document();
        if (!m.containsAttribute("draft")) m.addAttribute("draft", d == null || d.datasetYaml() == null ? "" : d.datasetYaml());
        m.addAttribute("fromWorkbook", d != null && d.source().isWorkbook());
        boolean dept = v.agency().isDepartment();
        if (!v.canEdit()) return;
        FormService.Editing e;
        try {
            e = forms.editing(u, v);
        } catch (RuleViolation ex) {
            m.addAttribute("editorNote", ex.getMessage());
            return;
        }
        List<Tab> tabs = new ArrayList<>();
        if (dept) {
            // a department's tables are its units': it writes its text
            tabs.add(new Tab(Section.TEXT.id(), Section.TEXT.label()));
            tabs.add(new Tab(Section.PROJECTS.id(), "项目说明"));
            tabs.add(new Tab(Section.LAST_YEAR.id(), Section.LAST_YEAR.label()));
            // a department's 决算 states its own “三公” counts
            if (v.isFinal()) tabs.add(new Tab(Section.THREE_PUBLIC.id(), Section.THREE_PUBLIC.label()));
        } else {
            for (Section s : Section.values()) {
                // a 决算 sets its actuals against its 年初预算数, not last year's budget; a 预算 has no accounts
                if (!s.forBasis(v.basis())) continue;
                tabs.add(new Tab(s.id(), s == Section.LINES && v.isFinal() ? "决算明细" : s.label()));
            }
        }
        if (!dept) tabs.add(new Tab("yaml", "高级：直接编辑 YAML"));
        String open = tab != null && tabs.stream().anyMatch(t -> t.id().equals(tab)) ? tab : tabs.get(0).id();
        m.addAttribute("editing", e);
        // a form sent back keeps the version it was read at: saving it again must not overwrite a newer one
        if (!m.containsAttribute("formVersion")) m.addAttribute("formVersion", d == null ? "" : String.valueOf(d.rowVersion()));
        m.addAttribute("blank", new org.openbudget.web.forms.Blanks());
        m.addAttribute("opts", e.options());
        m.addAttribute("tabs", tabs);
        m.addAttribute("tab", open);
        if (!open.equals("yaml")) {
            Section s = Section.of(open);
            SectionForm form = sent != null ? forms.labelled(e, s, sent) : forms.form(e, s);
            // a long ledger a page at a time (?page=N)
            if (sent == null && form instanceof LinesForm lines) form = LinesForm.page(lines, (String) m.getAttribute("linesPage"));
            m.addAttribute("form", form);
            m.addAttribute("formProblems", problems);
            m.addAttribute("formErrors", errorsJson(problems));
        }
    }

    private static String errorsJson(List<FieldProblem> problems) {
        try {
            return JSON.writeValueAsString(problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @PostMapping("/work/{code}/{year}/forms/lines")
    public String saveLines(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                            @RequestParam(required = false) Integer version, @ModelAttribute("form") LinesForm form, Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.LINES, form, version, m, ra);
    }

    @PostMapping("/work/{code}/{year}/forms/projects")
    public String saveProjects(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                               @RequestParam(required = false) Integer version, @ModelAttribute("form") ProjectsForm form, Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.PROJECTS, form, version, m, ra);
    }

    @PostMapping("/work/{code}/{year}/forms/text")
    public String saveText(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                           @RequestParam(required = false) Integer version, @ModelAttribute("form") TextForm form, Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.TEXT, form, version, m, ra);
    }

    @PostMapping("/work/{code}/{year}/forms/last-year")
    public String saveLastYear(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                               @RequestParam(required = false) Integer version, @ModelAttribute("form") LastYearForm form, Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.LAST_YEAR, form, version, m, ra);
    }

    @PostMapping("/work/{code}/{year}/forms/accounts")
    public String saveAccounts(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                               @RequestParam(required = false) Integer version, @ModelAttribute("form") org.openbudget.web.forms.AccountsForm form,
                               Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.ACCOUNTS, form, version, m, ra);
    }

    @PostMapping("/work/{code}/{year}/forms/three-public")
    public String saveThreePublic(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                  @RequestParam(required = false) Integer version, @ModelAttribute("form") org.openbudget.web.forms.ThreePublicForm form,
                                  Model m, RedirectAttributes ra) {
        return saveForm(u, code, DocumentKey.parse(yearKey), Section.THREE_PUBLIC, form, version, m, ra);
    }

    /** Saves a form; a refused one is shown again as sent, each problem at its field, nothing saved. */
    private String saveForm(BudgetUser u, String code, DocumentKey key, Section s, SectionForm form, Integer version, Model m, RedirectAttributes ra) {
        int year = key.year();
        m.addAttribute("formVersion", version == null ? "" : String.valueOf(version));
        try {
            forms.save(u, code, year, key.basis(), s, form, version);
            ra.addFlashAttribute("ok", "已保存「" + s.label() + "」");
            return "redirect:/work/" + code + "/" + key.path() + "?tab=" + s.id();
        } catch (FormInvalidException e) {
            m.addAttribute("error", e.getMessage() + "；您的修改保留在表单中");
            fill(m, u, workflow.view(u, code, year, key.basis()), s.id(), form, e.fieldProblems());
        } catch (InvalidDatasetException e) {
            m.addAttribute("error", e.getMessage());
            m.addAttribute("problems", PageSupport.lines(e));
            fill(m, u, workflow.view(u, code, year, key.basis()), s.id(), form, List.of());
        } catch (RuleViolation | ConflictException e) {
            m.addAttribute("error", e.getMessage() + "（您的修改保留在表单中，未保存）");
            fill(m, u, workflow.view(u, code, year, key.basis()), s.id(), form, List.of());
        }
        return "work/document";
    }

    /**
     * The preview: the web page this document would be published as — the publication's own renderer, byte for byte —
     * under a bar saying it is not published, with its counts and the way back.
     */
    @GetMapping("/work/{code}/{year}/preview")
    public org.springframework.http.ResponseEntity<byte[]> preview(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        DocumentView v = workflow.view(u, code, year, key.basis());
        if (v.evaluation() == null || !v.evaluation().readable()) throw new NotFoundException("没有可预览的数据");
        String html = new String(publisher.previewHtml(v.agency(), v.evaluation()), java.nio.charset.StandardCharsets.UTF_8);
        Evaluation e = v.evaluation();
        String back = "/work/" + org.springframework.web.util.UriUtils.encodePathSegment(v.agency().code(), java.nio.charset.StandardCharsets.UTF_8) + "/" + key.path();
        String bar = PREVIEW_BAR_START + "<a href=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(back) + "\">返回</a> · 预览（未发布）："
                + "错误 " + e.errors() + "，警告 " + e.warnings() + "，提示 " + e.notices()
                + "。以下即发布时公开的网页版本，PDF、Word、Excel 由同一内容生成。" + PREVIEW_BAR_END;
        int body = html.indexOf("<body>");
        String page = body < 0 ? bar + html : html.substring(0, body + 6) + "\n" + bar + html.substring(body + 6);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/html;charset=UTF-8"))
                .header("Cache-Control", "no-store, private").body(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The bar over a preview (a test takes it away to compare the rest with the published file). */
    public static final String PREVIEW_BAR_START = "<p id=\"preview-bar\" style=\"background:#fff7d6;border:1px solid #e0c060;padding:.5em 1em;margin:0 0 1em\">";
    public static final String PREVIEW_BAR_END = "</p>\n";

    @GetMapping("/work/{code}/{year}/workbook")
    public org.springframework.http.ResponseEntity<byte[]> workbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return org.openbudget.web.api.Downloads.of(code + "-" + key.path() + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workflow.workbook(u, code, year, key.basis()));
    }

    @GetMapping("/work/{code}/{year}/workbook/blank")
    public org.springframework.http.ResponseEntity<byte[]> blankWorkbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return org.openbudget.web.api.Downloads.of(code + "-" + key.path() + "-blank.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workflow.blankWorkbook(u, code, year, key.basis()));
    }

    @PostMapping("/work/{code}/{year}/upload")
    public String upload(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                         @RequestParam(required = false) Integer version, @RequestParam("file") MultipartFile file, RedirectAttributes ra) throws IOException {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.yaml" : file.getOriginalFilename();
        PageSupport.attempt(ra, "已上传并保存 " + name + "。发布时公开的是整理后的副本：只含读取到的数值，不含批注、注释、公式和超链接",
                () -> workflow.saveDataset(u, code, year, key.basis(), name, uploads.read(name, bytes), version));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/dataset")
    public String save(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                       @RequestParam(required = false) Integer version, @RequestParam String yaml, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        String text = yaml.replace("\r\n", "\n");
        try {
            workflow.saveDataset(u, code, year, key.basis(), "在线编辑", org.openbudget.web.db.repositories.Document.Source.yaml(text), version);
            ra.addFlashAttribute("ok", "已保存");
        } catch (InvalidDatasetException e) {
            ra.addFlashAttribute("error", e.getMessage() + "；您的修改保留在编辑框中");
            ra.addFlashAttribute("problems", PageSupport.lines(e));
            ra.addFlashAttribute("draft", text);
        } catch (RuleViolation | ConflictException e) {
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("draft", text);
        }
        return "redirect:/work/" + code + "/" + key.path() + "?tab=yaml";
    }

    @PostMapping("/work/{code}/{year}/consolidate")
    public String consolidate(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                              @RequestParam(required = false) Integer version, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已汇总已提交的单位，请查看下方各单位状态", () -> workflow.consolidate(u, code, year, key.basis(), version));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/submit")
    public String submit(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                         @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已提交", () -> workflow.submit(u, code, year, key.basis(), version, comment));
        return "redirect:/work/" + code + "/" + key.path();
    }

    /** The document against its published version ({@code against=published}) or last year's ({@code against=last-year}). */
    @GetMapping("/work/{code}/{year}/diff")
    public String diff(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                       @RequestParam(defaultValue = "published") String against, Model m) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        m.addAttribute("c", diffs.working(u, code, year, against));
        return "diff";
    }

    /** A unit's or department's 预算 against its 决算 of the year (core/compare, as ./budget compare): both working documents. */
    @GetMapping("/work/{code}/{year}/compare")
    public String compare(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, Model m) {
        DocumentKey key = DocumentKey.parse(yearKey);
        m.addAttribute("c", comparisons.working(u, code, key.year()));
        m.addAttribute("back", "/work/" + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8) + "/" + key.path());
        return "compare";
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.ComparisonService comparisons;

    /** The findings of the document as saved, as an Excel workbook. */
    @GetMapping("/work/{code}/{year}/findings.xlsx")
    public org.springframework.http.ResponseEntity<byte[]> findings(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        WorkflowService.DocumentView v = workflow.view(u, code, year, key.basis());
        if (v.evaluation() == null || !v.evaluation().readable())
            throw new org.openbudget.web.service.RuleViolation("该预算尚无可审核的数据，没有审核结果可导出。");
        byte[] xlsx = FindingsWorkbook.of(year + "年 " + v.agency().name() + " 审核结果（错误 " + v.evaluation().errors() + "，警告 "
                + v.evaluation().warnings() + "，提示 " + v.evaluation().notices() + "）", v.evaluation().findings(), userText);
        return org.openbudget.web.api.Downloads.of(code + "-" + key.path() + "-审核结果.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
    }

    @PostMapping("/work/{code}/{year}/withdraw")
    public String withdraw(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                           @RequestParam(required = false) Integer version, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已撤回提交，预算回到草稿", () -> workflow.withdraw(u, code, year, key.basis(), version));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/department-return")
    public String departmentReturn(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                   @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已退回该单位", () -> workflow.returnByDepartment(u, code, year, key.basis(), version, comment));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/return")
    public String returnDocument(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                 @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已退回", () -> workflow.returnDocument(u, code, year, key.basis(), version, comment));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/approve")
    public String approve(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                          @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        PageSupport.attempt(ra, "已审核通过", () -> workflow.approve(u, code, year, key.basis(), version, comment));
        return "redirect:/work/" + code + "/" + key.path();
    }

    @PostMapping("/work/{code}/{year}/publish")
    public String publish(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                          @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean confirm,
                          @RequestParam(required = false) String reason, RedirectAttributes ra) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        // publishing cannot be undone: the page asks for an explicit confirmation (the box is required; checked here too)
        workflow.requireParty(u, code, org.openbudget.web.workflow.Action.PUBLISH);
        if (!confirm) {
            ra.addFlashAttribute("error", "请先勾选确认：发布后向社会公开，不可修改或撤回。");
            return "redirect:/work/" + code + "/" + key.path();
        }
        PageSupport.attempt(ra, "已发布", () -> workflow.publish(u, code, year, key.basis(), version, reason));
        return "redirect:/work/" + code + "/" + key.path();
    }
}
