package org.openbudget.web.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.audit.report.BatchReport;
import org.openbudget.web.api.Downloads;
import org.openbudget.web.batch.BatchIntake;
import org.openbudget.web.batch.BatchService;
import org.openbudget.web.batch.Dashboard;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.BatchRepository.Doc;
import org.openbudget.web.db.repositories.BatchRepository.Job;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The reviewer's batch audit (批量审核): upload a region's documents, watch the job, assign what was not matched, publish
 * the scores; and the region's dashboard of a year (看板) with each agency's card and the exports. Reviewers of the region only.
 */
@Controller
public class BatchPages {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv; charset=UTF-8";

    private final BatchService batches;
    private final Dashboard dashboard;
    private final AgencyRepository agencies;

    public BatchPages(BatchService batches, Dashboard dashboard, AgencyRepository agencies) {
        this.batches = batches;
        this.dashboard = dashboard;
        this.agencies = agencies;
    }

    @GetMapping("/batch")
    public String index(Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        m.addAttribute("jobs", batches.jobs(me));
        m.addAttribute("workers", batches.workers());
        m.addAttribute("thisYear", java.time.Year.now().getValue());
        return "batch/index";
    }

    @PostMapping("/batch")
    public String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, @RequestParam(required = false) String year,
                         @RequestParam(required = false) String title, Model m, HttpServletResponse res) throws IOException {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.regionOf(me);
        try {
            Integer y = null;
            if (year != null && !year.isBlank()) {
                try {
                    y = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    throw new RuleViolation("年度应为四位数的年份，实际为「" + year.strip() + "」");
                }
            }
            List<BatchIntake.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) uploads.add(new BatchIntake.Upload(f.getOriginalFilename(), f::getBytes));
            long id = batches.create(me, y, title, uploads);
            return "redirect:/batch/" + id;
        } catch (InvalidDatasetException e) {
            res.setStatus(400);
            m.addAttribute("error", e.getMessage());
            m.addAttribute("problems", PageSupport.lines(e));
        } catch (RuleViolation e) {
            res.setStatus(422);
            m.addAttribute("error", e.getMessage());
        }
        return index(m);
    }

    @GetMapping("/batch/{id}")
    public String job(@PathVariable long id, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Job j = batches.job(me, id);
        List<Doc> docs = batches.docs(me, id);
        m.addAttribute("job", j);
        m.addAttribute("progress", batches.progress(me, id));
        m.addAttribute("docs", docs);
        Map<String, String> names = new java.util.HashMap<>();
        List<Agency> region = agencies.inRegion(j.regionCode());
        for (Agency a : region) names.put(a.code(), a.name());
        m.addAttribute("names", names);
        m.addAttribute("agencies", region);
        m.addAttribute("guesses", batches.suggestions(j, docs));
        m.addAttribute("years", docs.stream().map(Doc::docYear).filter(java.util.Objects::nonNull).distinct().sorted().toList());
        return "batch/job";
    }

    @PostMapping("/batch/{id}/cancel")
    public String cancel(@PathVariable long id, Model m, RedirectAttributes ra) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        PageSupport.attempt(ra, "已取消：尚未开始的文档不再审核", () -> batches.cancel(me, id));
        return "redirect:/batch/" + id;
    }

    @PostMapping("/batch/{id}/publish")
    public String publish(@PathVariable long id, @RequestParam(required = false) Boolean publish, Model m, RedirectAttributes ra) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.job(me, id);
        PageSupport.attempt(ra, Boolean.TRUE.equals(publish) ? "已公开：各单位的得分和问题数显示在公开评分页" : "已撤回公开", () -> {
            if (publish == null) throw new RuleViolation("请选择公开或撤回公开");
            batches.publish(me, id, publish);
        });
        return "redirect:/batch/" + id;
    }

    @PostMapping("/batch/{id}/documents/{doc}/agency")
    public String assign(@PathVariable long id, @PathVariable long doc, @RequestParam(required = false) String agency,
                         @RequestParam(required = false) String code, Model m, RedirectAttributes ra) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        if (code != null && !code.isBlank()) agency = code.strip();   // typed (or picked from the list) over the suggestions
        String chosen = agency;
        PageSupport.attempt(ra, chosen == null || chosen.isBlank() ? "已取消指定" : "已指定单位", () -> batches.assign(me, id, doc, chosen));
        return "redirect:/batch/" + id + "#d" + doc;
    }

    /** A document of a job with its findings, each with its page and the text printed there (a PDF opens at that page). */
    @GetMapping("/batch/{id}/documents/{doc}")
    public String document(@PathVariable long id, @PathVariable long doc, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Job j = batches.job(me, id);
        Doc d = batches.docs(me, id).stream().filter(x -> x.id() == doc).findFirst()
                .orElseThrow(() -> new NotFoundException("这一批量审核没有编号为 " + doc + " 的文档"));
        m.addAttribute("job", j);
        m.addAttribute("doc", d);
        m.addAttribute("entry", d.summary() == null ? null : batches.entry(d, true));
        m.addAttribute("agency", d.agencyCode() == null ? null : agencies.find(d.agencyCode()).orElse(null));
        m.addAttribute("pdf", d.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"));
        return "batch/document";
    }

    /** The file as uploaded, shown in the browser (a PDF at {@code #page=N}). */
    @GetMapping("/batch/{id}/documents/{doc}/file")
    public ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long doc, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Doc d = batches.docs(me, id).stream().filter(x -> x.id() == doc).findFirst()
                .orElseThrow(() -> new NotFoundException("这一批量审核没有编号为 " + doc + " 的文档"));
        byte[] content = batches.content(me, id, doc);
        boolean pdf = content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F';
        String name = d.fileName().substring(Math.max(d.fileName().lastIndexOf('/'), d.fileName().lastIndexOf('›')) + 1).strip();
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    // ---- the dashboard of the reviewer's region and a year

    @GetMapping("/dashboard")
    public String dashboardLatest(Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.regionOf(me);
        List<Integer> years = dashboard.years(me);
        return "redirect:/dashboard/" + (years.isEmpty() ? java.time.Year.now().getValue() : years.get(0));
    }

    @GetMapping("/dashboard/{year}")
    public String dashboard(@PathVariable int year, @RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                            @RequestParam(required = false) String basis, @RequestParam(required = false) Boolean errors,
                            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                            @RequestParam(required = false) Boolean missing, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Dashboard.Query query = Dashboard.Query.of(q, kind, basis, errors, sort, dir, missing);
        m.addAttribute("v", dashboard.forReviewer(me, year, query));
        m.addAttribute("query", query);
        m.addAttribute("publicView", false);
        return "batch/dashboard";
    }

    /** A department's or unit's card: its documents of the year and their findings. */
    @GetMapping("/dashboard/{year}/agencies/{code}")
    public String agency(@PathVariable int year, @PathVariable String code, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Dashboard.View v = dashboard.forReviewer(me, year, Dashboard.Query.of(code, null, null, false, null, null, true));
        Agency a = agencies.find(code).filter(x -> x.regionCode().equals(v.region()))
                .orElseThrow(() -> new NotFoundException("本地区没有代码为 " + code + " 的部门或单位"));
        List<Dashboard.Row> rows = v.rows().stream().filter(r -> r.agency().code().equals(code)).toList();
        Map<Long, BatchReport.Entry> full = new java.util.LinkedHashMap<>();
        for (Dashboard.Row r : rows) if (r.doc() != null && r.entry() != null) full.put(r.doc().id(), batches.entry(r.doc(), true));
        m.addAttribute("v", v);
        m.addAttribute("agency", a);
        m.addAttribute("rows", rows);
        m.addAttribute("full", full);
        m.addAttribute("units", agencies.units(code));
        return "batch/agency";
    }

    @GetMapping("/dashboard/{year}/export.xlsx")
    public ResponseEntity<byte[]> exportXlsx(@PathVariable int year, Model m) {
        return Downloads.of("公开评分-" + year + ".xlsx", XLSX, BatchReport.xlsx(entries(year, m, true)));
    }

    @GetMapping("/dashboard/{year}/export.csv")
    public ResponseEntity<byte[]> exportCsv(@PathVariable int year, Model m) {
        return Downloads.of("公开评分-" + year + ".csv", CSV, BatchReport.csv(entries(year, m, false)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/dashboard/{year}/findings.csv")
    public ResponseEntity<byte[]> findingsCsv(@PathVariable int year, Model m) {
        return Downloads.of("审核结果-" + year + ".csv", CSV, BatchReport.findingsCsv(entries(year, m, true)).getBytes(StandardCharsets.UTF_8));
    }

    private List<BatchReport.Entry> entries(int year, Model m, boolean findings) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Dashboard.View v = dashboard.forReviewer(me, year, Dashboard.Query.of(null, null, null, false, null, null, false));
        return dashboard.entries(v, findings);
    }
}
