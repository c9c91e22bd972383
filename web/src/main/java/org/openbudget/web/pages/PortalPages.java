package org.openbudget.web.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.PortalService;
import org.openbudget.web.service.PublishedAuditService;
import org.openbudget.web.security.BudgetUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The public portal, the audit page and the login page: open to everyone. */
@Controller
public class PortalPages {
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /** Anyone may keep the anonymous page, but must ask again each time (a newer version changes its banner and history). */
    private static final CacheControl PUBLIC = CacheControl.noCache().cachePublic();

    private final PortalService portal;
    private final PublishedAuditService auditor;
    private final PublicPageCache pages;
    private final ViewBytes views;

    public PortalPages(PortalService portal, PublishedAuditService auditor, PublicPageCache pages, ViewBytes views) {
        this.portal = portal;
        this.auditor = auditor;
        this.pages = pages;
        this.views = views;
    }

    @GetMapping("/")
    public String index(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                        @RequestParam(required = false) String department, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String page, Model m) {
        Paging<Publication> docs = Paging.of(portal.search(year, region, department, q), page, Paging.SIZE);
        m.addAttribute("docs", docs.items());
        m.addAttribute("paging", docs);
        m.addAttribute("years", portal.years());
        m.addAttribute("regions", portal.regions());
        m.addAttribute("departments", portal.departments());
        m.addAttribute("year", year);
        m.addAttribute("region", region);
        m.addAttribute("department", department);
        m.addAttribute("q", q);
        m.addAttribute("setupNeeded", setup.needed());
        return "index";
    }

    /**
     * A published version's page. The anonymous page is the same for every reader: it is rendered
     * once per version (and again only when something it shows has changed) and sent as kept, gzip
     * when the reader accepts it, with an ETag to revalidate (304). A logged-in reader's page names
     * them and carries their form token: rendered for them each time, never kept or stored.
     */
    @GetMapping("/p/{id}")
    public ResponseEntity<byte[]> publication(@PathVariable long id, Model m, HttpServletRequest req, HttpServletResponse res) {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        if (me != null) {
            return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore().cachePrivate())
                    .body(render(id, me, req, res));
        }
        PublicPageCache.Page page = pages.get(id, portal::isCurrent, () -> {
            Publication p = portal.publication(id);
            PortalService.Validity built = portal.validity(p.agencyCode(), p.year()); // before the page is read
            return new PublicPageCache.Rendered(built, render(id, null, req, res));
        });
        String matched = page.matching(req.getHeader(HttpHeaders.IF_NONE_MATCH));
        if (matched != null) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(matched).cacheControl(PUBLIC).varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(HTML).cacheControl(PUBLIC).varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (PublicPageCache.acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return ok.eTag(page.gzipEtag()).header(HttpHeaders.CONTENT_ENCODING, "gzip").body(page.gzip());
        }
        return ok.eTag(page.etag()).body(page.html());
    }

    /** The page of version {@code id} for this reader ({@code me} null: anonymous), rendered now. */
    byte[] render(long id, BudgetUser me, HttpServletRequest req, HttpServletResponse res) {
        PortalService.Page page = portal.page(id);
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("chart", Charts.of(page.summary(), page.lastYearSummary(), page.publication().year()));
        model.put("me", me);
        return views.render("publication", model, req, res);
    }

    /** A published version against another version of the same document (by default the one it superseded). */
    @GetMapping("/p/{id}/diff")
    public String diff(@PathVariable long id, @RequestParam(required = false) Long from, Model m) {
        m.addAttribute("c", diffs.versions(id, from));
        return "diff";
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.DiffService diffs;

    /**
     * The public comparison of an agency's year: its current published 预算 against its current published 决算 (core/compare,
     * as ./budget compare), with the chart. Public, like the versions it compares.
     */
    @GetMapping("/p/compare/{code}/{year}")
    public String compare(@PathVariable String code, @PathVariable String year, Model m) {
        if (!code.matches("[0-9A-Za-z]{1,32}")) throw new org.openbudget.web.service.NotFoundException("没有这个单位");
        var key = org.openbudget.web.service.DocumentKey.parse(year);
        m.addAttribute("c", comparisons.published(code, key.year()));
        m.addAttribute("back", "/");
        return "compare";
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.ComparisonService comparisons;

    @GetMapping("/p/{id}/files/{format}")
    public ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        StoredFile f = portal.file(id, format);
        return org.openbudget.web.api.Downloads.of(f.fileName(), f.mediaType(), f.content());
    }

    @GetMapping("/audit")
    public String auditForm() {
        return "audit";
    }

    @PostMapping("/audit")
    public String audit(@RequestParam("file") MultipartFile file, Model m, HttpServletRequest req) throws IOException {
        BudgetUser me = (BudgetUser) m.getAttribute("me");
        byte[] bytes = file.getBytes();
        try {
            PublishedAuditService.Report report = throttle.run(me != null ? "user:" + me.username() : "addr:" + req.getRemoteAddr(), me != null,
                    () -> auditor.audit(file.getOriginalFilename(), bytes));
            m.addAttribute("report", report);
            m.addAttribute("fileName", file.getOriginalFilename());
            m.addAttribute("exportToken", auditResults.keep(report.disclosure().unitName() + " " + report.disclosure().year() + "年 审核结果（"
                    + file.getOriginalFilename() + "：错误 " + report.count(org.openbudget.core.check.Severity.ERROR) + "，警告 "
                    + report.count(org.openbudget.core.check.Severity.WARNING) + "，提示 " + report.count(org.openbudget.core.check.Severity.NOTICE)
                    + "）", report.located()));
        } catch (InvalidDatasetException e) {
            m.addAttribute("error", "无法读取该文件");
            m.addAttribute("problems", PageSupport.lines(e));
        } catch (org.openbudget.web.limits.CheckThrottle.Refused e) {
            m.addAttribute("error", e.getMessage());
        }
        return "audit";
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.limits.CheckThrottle throttle;
    @org.springframework.beans.factory.annotation.Autowired
    private AuditResults auditResults;
    @org.springframework.beans.factory.annotation.Autowired
    private UserText userText;

    /** The findings of an audit just shown, as an Excel workbook (kept for a while under the token its page links to). */
    @GetMapping("/audit/{token}/findings.xlsx")
    public ResponseEntity<byte[]> auditFindings(@PathVariable String token) {
        AuditResults.Kept k = auditResults.get(token)
                .orElseThrow(() -> new org.openbudget.web.service.NotFoundException("该审核结果已过期（保留 " + AuditResults.MINUTES + " 分钟），请重新上传文档审核。"));
        return org.openbudget.web.api.Downloads.of("审核结果.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                FindingsWorkbook.ofAudit(k.title(), k.located(), userText));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.SetupService setup;

    /** The login page; it points to the setup page while there is no administrator, and tells where the demo accounts' password is. */
    @GetMapping("/login")
    public String login(HttpServletRequest req, Model m) {
        m.addAttribute("setupNeeded", setup.needed());
        m.addAttribute("demoFile", setup.demoPasswordFile().map(Object::toString).orElse(null));
        m.addAttribute("demoLocal", org.openbudget.web.service.SetupService.local(req.getRemoteAddr()));
        return "login";
    }
}
