package org.openbudget.web.pages;

import java.io.IOException;
import java.util.List;

import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.PortalService;
import org.openbudget.web.service.PublishedAuditService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The public portal, the audit page and the login page: open to everyone. */
@Controller
public class PortalPages {
    private final PortalService portal;
    private final PublishedAuditService auditor;

    public PortalPages(PortalService portal, PublishedAuditService auditor) {
        this.portal = portal;
        this.auditor = auditor;
    }

    @GetMapping("/")
    public String index(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                        @RequestParam(required = false) String department, @RequestParam(required = false) String q, Model m) {
        List<Publication> docs = portal.search(year, region, department, q);
        m.addAttribute("docs", docs);
        m.addAttribute("years", portal.years());
        m.addAttribute("regions", portal.regions());
        m.addAttribute("departments", portal.departments());
        m.addAttribute("year", year);
        m.addAttribute("region", region);
        m.addAttribute("department", department);
        m.addAttribute("q", q);
        return "index";
    }

    @GetMapping("/p/{id}")
    public String publication(@PathVariable long id, Model m) {
        PortalService.Page page = portal.page(id);
        m.addAttribute("page", page);
        m.addAttribute("chart", Charts.of(page.summary(), page.lastYearSummary(), page.publication().year()));
        return "publication";
    }

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
    public String audit(@RequestParam("file") MultipartFile file, Model m) throws IOException {
        try {
            m.addAttribute("report", auditor.audit(file.getOriginalFilename(), file.getBytes()));
            m.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidDatasetException e) {
            m.addAttribute("error", "无法读取该文件");
            m.addAttribute("problems", PageSupport.lines(e));
        }
        return "audit";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
