package org.openbudget.web.pages;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.DocumentModel;
import org.openbudget.web.service.Evaluation;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.UploadReader;
import org.openbudget.web.service.WorkflowService;
import org.openbudget.web.service.WorkflowService.DocumentView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    public WorkPages(WorkflowService workflow, UploadReader uploads) {
        this.workflow = workflow;
        this.uploads = uploads;
    }

    public record Line(Agency agency, int year, Document document, Evaluation evaluation) {}

    @GetMapping("/work")
    public String index(@AuthenticationPrincipal BudgetUser u, Model m) {
        List<Agency> agencies = workflow.visibleAgencies(u);
        Map<String, Agency> byCode = new LinkedHashMap<>();
        agencies.forEach(a -> byCode.put(a.code(), a));
        List<Line> lines = new ArrayList<>();
        for (Document d : workflow.visibleDocuments(u)) {
            lines.add(new Line(byCode.get(d.agencyCode()), d.year(), d, u.role() == org.openbudget.web.security.Role.REVIEWER ? workflow.evaluate(d) : null));
        }
        m.addAttribute("agencies", agencies);
        m.addAttribute("lines", lines);
        m.addAttribute("thisYear", Year.now().getValue());
        return "work/index";
    }

    @GetMapping("/work/{code}/{year}")
    public String document(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year, Model m) {
        DocumentView v = workflow.view(u, code, year);
        m.addAttribute("v", v);
        if (!m.containsAttribute("draft")) m.addAttribute("draft", v.document() == null || v.document().datasetYaml() == null ? "" : v.document().datasetYaml());
        m.addAttribute("fromWorkbook", v.document() != null && v.document().source().isWorkbook());
        return "work/document";
    }

    @GetMapping("/work/{code}/{year}/preview")
    public String preview(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year, Model m) {
        DocumentView v = workflow.view(u, code, year);
        if (v.evaluation() == null || !v.evaluation().readable()) throw new NotFoundException("没有可预览的数据");
        m.addAttribute("v", v);
        m.addAttribute("doc", DocumentModel.of(v.evaluation().disclosure(), v.evaluation().profile().thousands()));
        return "work/preview";
    }

    @GetMapping("/work/{code}/{year}/workbook")
    public org.springframework.http.ResponseEntity<byte[]> workbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year) {
        return org.openbudget.web.api.Downloads.of(code + "-" + year + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workflow.workbook(u, code, year));
    }

    @GetMapping("/work/{code}/{year}/workbook/blank")
    public org.springframework.http.ResponseEntity<byte[]> blankWorkbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year) {
        return org.openbudget.web.api.Downloads.of(code + "-" + year + "-blank.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workflow.blankWorkbook(u, code, year));
    }

    @PostMapping("/work/{code}/{year}/upload")
    public String upload(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                         @RequestParam(required = false) Integer version, @RequestParam("file") MultipartFile file, RedirectAttributes ra) throws IOException {
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.yaml" : file.getOriginalFilename();
        PageSupport.attempt(ra, "已上传并保存 " + name, () -> workflow.saveDataset(u, code, year, name, uploads.read(name, bytes), version));
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/dataset")
    public String save(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                       @RequestParam(required = false) Integer version, @RequestParam String yaml, RedirectAttributes ra) {
        String text = yaml.replace("\r\n", "\n");
        try {
            workflow.saveDataset(u, code, year, "在线编辑", text, version);
            ra.addFlashAttribute("ok", "已保存");
        } catch (InvalidDatasetException e) {
            ra.addFlashAttribute("error", e.getMessage() + "；您的修改保留在编辑框中");
            ra.addFlashAttribute("problems", PageSupport.lines(e));
            ra.addFlashAttribute("draft", text);
        } catch (RuntimeException e) {
            if (!(e instanceof org.openbudget.web.service.RuleViolation) && !(e instanceof org.openbudget.web.db.repositories.ConflictException)) throw e;
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("draft", text);
        }
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/consolidate")
    public String consolidate(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                              @RequestParam(required = false) Integer version, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已汇总已提交的单位，请查看下方各单位状态", () -> workflow.consolidate(u, code, year, version));
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/submit")
    public String submit(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                         @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已提交", () -> workflow.submit(u, code, year, version, comment));
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/return")
    public String returnDocument(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                                 @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已退回", () -> workflow.returnDocument(u, code, year, version, comment));
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/approve")
    public String approve(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                          @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已审核通过", () -> workflow.approve(u, code, year, version, comment));
        return "redirect:/work/" + code + "/" + year;
    }

    @PostMapping("/work/{code}/{year}/publish")
    public String publish(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable int year,
                          @RequestParam(required = false) Integer version, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已发布", () -> workflow.publish(u, code, year, version));
        return "redirect:/work/" + code + "/" + year;
    }
}
