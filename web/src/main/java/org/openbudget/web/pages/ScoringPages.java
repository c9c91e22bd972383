package org.openbudget.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openbudget.web.batch.RegionScoring;
import org.openbudget.web.security.BudgetUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's scoring of a region (评分权重): the weights of the inspection's dimensions and the points of their items
 * (refdata/scoring.yaml's, changed for the region), and the approval dates 及时性 counts from. Effective at once: every
 * score shown afterwards (dashboard, cards, exports, the transparency page) is scored with them.
 */
@Controller
public class ScoringPages {
    private final RegionScoring scoring;

    public ScoringPages(RegionScoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/admin/scoring")
    public String goTo(@RequestParam(required = false) String region) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/scoring/{r}").buildAndExpand(region == null || region.isBlank() ? "650100" : region.strip())
                .encode().toUriString();
    }

    @GetMapping("/admin/scoring/{region}")
    public String page(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, Model m) {
        m.addAttribute("view", scoring.view(u, region));
        m.addAttribute("thisYear", java.time.Year.now().getValue());
        return "admin/scoring";
    }

    /** The weights and points as typed: fields named {@code v:KEY}. */
    @PostMapping("/admin/scoring/{region}")
    public String save(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) if (e.getKey().startsWith("v:")) typed.put(e.getKey().substring(2), e.getValue());
        PageSupport.attempt(ra, "已保存评分权重，立即生效：各得分按新的权重和分值重新计算", () -> scoring.save(u, region, typed));
        return back(region);
    }

    @PostMapping("/admin/scoring/{region}/approvals")
    public String approval(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @RequestParam(required = false) String year,
                           @RequestParam(required = false) String basis, @RequestParam(required = false) String date, RedirectAttributes ra) {
        PageSupport.attempt(ra, date == null || date.isBlank() ? "已清除批复日期" : "已保存批复日期，及时性随即按其评分",
                () -> scoring.setApproval(u, region, year, basis, date));
        return back(region);
    }

    private static String back(String region) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/scoring/{r}").buildAndExpand(region).encode().toUriString();
    }
}
