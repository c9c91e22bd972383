package org.openbudget.web.pages;

import org.openbudget.web.batch.Dashboard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency page (公开评分): per region and year, the departments and units of the batches a reviewer published,
 * with their scores on the inspection's dimensions and their counts of findings — nothing else (no file, finding, reason,
 * comment, reviewer, nor any document of a batch not published). Open to everyone, without a login.
 */
@Controller
public class TransparencyPages {
    private final Dashboard dashboard;

    public TransparencyPages(Dashboard dashboard) { this.dashboard = dashboard; }

    @GetMapping("/transparency")
    public String index(Model m) {
        m.addAttribute("published", dashboard.publishedYears());
        m.addAttribute("regionNames", dashboard.regionNames());
        return "transparency/index";
    }

    @GetMapping("/transparency/{region}/{year}")
    public String region(@PathVariable String region, @PathVariable int year, @RequestParam(required = false) String q,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String basis,
                         @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model m) {
        Dashboard.Query query = Dashboard.Query.of(q, kind, basis, false, sort, dir, false);
        m.addAttribute("v", dashboard.forPublic(region, year, query));
        m.addAttribute("query", query);
        m.addAttribute("publicView", true);
        return "transparency/region";
    }
}
