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
        m.addAttribute("regions", batches.regionsOf(me));
        m.addAttribute("workers", batches.workers());
        m.addAttribute("thisYear", java.time.Year.now().getValue());
        return "batch/index";
    }

    @PostMapping("/batch")
    public String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, @RequestParam(required = false) String year,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String region,
                         @RequestParam(required = false) String published, Model m, HttpServletResponse res) throws IOException {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.region(me, region);
        try {
            Integer y = year(year);
            java.time.LocalDate p = date(published);
            List<BatchIntake.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) uploads.add(new BatchIntake.Upload(f.getOriginalFilename(), f::getBytes));
            long id = batches.create(me, region, y, title, uploads, p);
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

    /** Collects the documents a disclosure listing links to, as a new job. */
    @PostMapping("/batch/collect")
    public String collect(@RequestParam(required = false) String url, @RequestParam(required = false) String year, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String region, Model m, HttpServletResponse res) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.region(me, region);
        try {
            return "redirect:/batch/" + batches.collect(me, region, year(year), title, url);
        } catch (RuleViolation e) {
            res.setStatus(422);
            m.addAttribute("error", e.getMessage());
        }
        return index(m);
    }

    /** The documents published on this portal for a year, as a new job. */
    @PostMapping("/batch/portal")
    public String portal(@RequestParam(required = false) String year, @RequestParam(required = false) String region, Model m, HttpServletResponse res) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        batches.region(me, region);
        try {
            Integer y = year(year);
            if (y == null) throw new RuleViolation("请填写年度");
            return "redirect:/batch/" + batches.fromPortal(me, region, y);
        } catch (RuleViolation e) {
            res.setStatus(422);
            m.addAttribute("error", e.getMessage());
        }
        return index(m);
    }

    static Integer year(String year) {
        if (year == null || year.isBlank()) return null;
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("年度应为四位数的年份，实际为「" + year.strip() + "」");
        }
    }

    /** A date typed as 年-月-日 (blank: none). */
    public static java.time.LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(s.strip());
            if (d.getYear() < 2000 || d.isAfter(java.time.LocalDate.now().plusDays(1))) throw new RuleViolation("公开日期应在 2000 年之后、不晚于今天，实际为 " + d);
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("公开日期应为 年-月-日（如 2024-02-15），实际为「" + s.strip() + "」");
        }
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
        batches.regionOf(me);   // the region's reviewer publishes; an inspector does not
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
        m.addAttribute("entry", d.summary() == null ? null : dashboard.scored(j, d));
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
        boolean pdf = org.openbudget.audit.report.PageImage.isPdf(content), ofd = !pdf && org.openbudget.audit.report.PageImage.isOfd(content);
        String name = d.fileName().substring(Math.max(d.fileName().lastIndexOf('/'), d.fileName().lastIndexOf('›')) + 1).strip();
        // a PDF or a text is shown in the browser; an OFD (which browsers do not show) is downloaded
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : ofd ? new MediaType("application", "ofd") : new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, (ofd ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    // ---- a page of a PDF or an OFD with its findings framed where they are

    /** A finding on the page: its place in the document's findings, and its box as shares of the page (null: not located). */
    public record Mark(int index, BatchReport.FindingRow row, String css, String left, String top, String width, String height) {}

    /** The last pages drawn (a page is asked for twice: the page, then its picture): (document, page) → picture and page count. */
    private final Map<String, Object[]> drawn = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Object[]> e) { return size() > 12; }
    });

    private Object[] draw(long doc, int page, byte[] content) {
        String key = doc + "/" + page;
        Object[] got = drawn.get(key);
        if (got != null) return got;
        boolean pdf = org.openbudget.audit.report.PageImage.isPdf(content);
        if (!pdf && !org.openbudget.audit.report.PageImage.isOfd(content)) throw new NotFoundException("只有 PDF 和 OFD 文档能按页显示");
        Object[] out;
        try {
            // drawn like a reading: at most as many at once as cores, within the reading's time budget
            out = org.openbudget.io.guard.ReadGuard.read("第 " + page + " 页", () -> pdf ? pdfPage(content, page) : ofdPage(content, page));
        } catch (org.openbudget.io.InputException e) {
            throw new NotFoundException("第 " + page + " 页无法绘制：" + (e.problems().isEmpty() ? "" : e.problems().get(0).message()));
        } catch (NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NotFoundException("第 " + page + " 页无法绘制");
        }
        if (((org.openbudget.audit.report.PageImage.Picture) out[0]).png().length == 0) throw new NotFoundException("第 " + page + " 页无法绘制");
        drawn.put(key, out);
        return out;
    }

    private static Object[] pdfPage(byte[] content, int page) {
        int pages;
        try (var d = org.apache.pdfbox.Loader.loadPDF(content)) {
            pages = d.getNumberOfPages();
        } catch (IOException | RuntimeException e) {
            throw new NotFoundException("此文档无法按页显示");
        }
        if (page < 1 || page > pages) throw new NotFoundException("此文档没有第 " + page + " 页（共 " + pages + " 页）");
        return new Object[] {org.openbudget.audit.report.PageImage.draw(content, page), pages};
    }

    /** An OFD's page drawn from its own text objects and paths, in the vendored Noto Sans SC (no font of the server's). */
    private static Object[] ofdPage(byte[] content, int page) {
        org.openbudget.audit.ofd.OfdLayout.Page p;
        try {
            p = org.openbudget.audit.ofd.OfdLayout.page(content, page, org.openbudget.io.guard.ReadLimits.current());
        } catch (org.openbudget.audit.ofd.OfdLayout.OfdException e) {
            throw new NotFoundException(e.getMessage());
        }
        return new Object[] {org.openbudget.audit.report.PageImage.draw(p.page(), org.openbudget.render.VendoredFont.regular()), p.pages()};
    }

    /** A page of a PDF or OFD document drawn, the findings on it framed (the cell or row each is about), one of them in focus. */
    @GetMapping("/batch/{id}/documents/{doc}/pages/{page}")
    public String page(@PathVariable long id, @PathVariable long doc, @PathVariable int page, @RequestParam(required = false) Integer f, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Job j = batches.job(me, id);
        Doc d = batches.docs(me, id).stream().filter(x -> x.id() == doc).findFirst()
                .orElseThrow(() -> new NotFoundException("这一批量审核没有编号为 " + doc + " 的文档"));
        byte[] content = batches.content(me, id, doc);
        Object[] drawnPage = draw(doc, page, content);
        org.openbudget.audit.report.PageImage.Picture p = (org.openbudget.audit.report.PageImage.Picture) drawnPage[0];
        m.addAttribute("ofd", !org.openbudget.audit.report.PageImage.isPdf(content));
        BatchReport.Entry e = d.summary() == null ? null : batches.entry(d, true);
        List<Mark> onPage = new ArrayList<>();
        if (e != null) {
            for (int i = 0; i < e.findings().size(); i++) {
                BatchReport.FindingRow r = e.findings().get(i);
                if (r.page() != page) continue;
                String css = r.severity().equals("错误") ? "error" : r.severity().equals("警告") ? "warning" : "notice";
                List<Double> b = r.box();
                if (b == null || b.size() != 4) onPage.add(new Mark(i, r, css, null, null, null, null));
                else onPage.add(new Mark(i, r, css, pct(b.get(0), p.width()), pct(b.get(1), p.height()), pct(b.get(2), p.width()), pct(b.get(3), p.height())));
            }
        }
        m.addAttribute("job", j);
        m.addAttribute("doc", d);
        m.addAttribute("page", page);
        m.addAttribute("pages", drawnPage[1]);
        m.addAttribute("onPage", onPage);
        m.addAttribute("marks", onPage.stream().filter(x -> x.left() != null).toList());
        m.addAttribute("focus", f == null ? -1 : f);
        return "batch/page";
    }

    @GetMapping("/batch/{id}/documents/{doc}/pages/{page}/image")
    public ResponseEntity<byte[]> pageImage(@PathVariable long id, @PathVariable long doc, @PathVariable int page, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Object[] drawnPage = draw(doc, page, batches.content(me, id, doc));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate()).body(((org.openbudget.audit.report.PageImage.Picture) drawnPage[0]).png());
    }

    private static String pct(double v, float of) {
        return java.math.BigDecimal.valueOf(Math.max(0, Math.min(100, v / of * 100))).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    // ---- the dashboard of the reviewer's region and a year

    @GetMapping("/dashboard")
    public String dashboardLatest(@RequestParam(required = false) String region, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        String r = batches.region(me, region);
        List<Integer> years = dashboard.years(me, r);
        return "redirect:/dashboard/" + (years.isEmpty() ? java.time.Year.now().getValue() : years.get(0)) + (region == null ? "" : "?region=" + r);
    }

    @GetMapping("/dashboard/{year}")
    public String dashboard(@PathVariable int year, @RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                            @RequestParam(required = false) String basis, @RequestParam(required = false) Boolean errors,
                            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                            @RequestParam(required = false) Boolean missing, @RequestParam(required = false) String region, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Dashboard.Query query = Dashboard.Query.of(q, kind, basis, errors, sort, dir, missing);
        m.addAttribute("v", dashboard.forAccount(me, region, year, query));
        m.addAttribute("query", query);
        m.addAttribute("publicView", false);
        return "batch/dashboard";
    }

    /** A department's or unit's card: its documents of the year and their findings. */
    @GetMapping("/dashboard/{year}/agencies/{code}")
    public String agency(@PathVariable int year, @PathVariable String code, Model m) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        String region = agencies.find(code).map(Agency::regionCode).orElse(null);
        if (region == null || !batches.regionsOf(me).containsKey(region)) throw new NotFoundException("本账号的地区没有代码为 " + code + " 的部门或单位");
        Dashboard.View v = dashboard.forAccount(me, region, year, Dashboard.Query.of(code, null, null, false, null, null, true));
        Agency a = agencies.find(code).filter(x -> x.regionCode().equals(v.region()))
                .orElseThrow(() -> new NotFoundException("本地区没有代码为 " + code + " 的部门或单位"));
        List<Dashboard.Row> rows = v.rows().stream().filter(r -> r.agency().code().equals(code)).toList();
        Map<Long, BatchReport.Entry> full = new java.util.LinkedHashMap<>();
        for (Dashboard.Row r : rows)
            if (r.doc() != null && r.entry() != null) {
                BatchReport.Entry e = batches.entry(r.doc(), true);
                full.put(r.doc().id(), new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), e.unit(), e.tables(), e.errors(), e.warnings(),
                        e.notices(), e.message(), e.millis(), e.status(), r.entry().scores(), e.findings()));
            }
        m.addAttribute("v", v);
        m.addAttribute("agency", a);
        m.addAttribute("rows", rows);
        m.addAttribute("full", full);
        m.addAttribute("units", agencies.units(code));
        return "batch/agency";
    }

    @GetMapping("/dashboard/{year}/export.xlsx")
    public ResponseEntity<byte[]> exportXlsx(@PathVariable int year, @RequestParam(required = false) String region, Model m) {
        return Downloads.of("公开评分-" + year + ".xlsx", XLSX, BatchReport.xlsx(entries(year, region, m, true)));
    }

    @GetMapping("/dashboard/{year}/export.csv")
    public ResponseEntity<byte[]> exportCsv(@PathVariable int year, @RequestParam(required = false) String region, Model m) {
        return Downloads.of("公开评分-" + year + ".csv", CSV, BatchReport.csv(entries(year, region, m, false)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/dashboard/{year}/findings.csv")
    public ResponseEntity<byte[]> findingsCsv(@PathVariable int year, @RequestParam(required = false) String region, Model m) {
        return Downloads.of("审核结果-" + year + ".csv", CSV, BatchReport.findingsCsv(entries(year, region, m, true)).getBytes(StandardCharsets.UTF_8));
    }

    private List<BatchReport.Entry> entries(int year, String region, Model m, boolean findings) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        Dashboard.View v = dashboard.forAccount(me, region, year, Dashboard.Query.of(null, null, null, false, null, null, false));
        return dashboard.entries(v, findings);
    }
}
