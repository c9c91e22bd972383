package org.openbudget.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.OpenDataService;
import org.openbudget.web.service.PortalService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 数据下载: for a year, each region's published budgets as one file of lines (CSV for a spreadsheet, and the
 * Fiscal Data Package), with the documents each holds; and every document's own package. Public.
 */
@Controller
public class OpenDataPages {
    private final OpenDataService openData;
    private final PortalService portal;

    public OpenDataPages(OpenDataService openData, PortalService portal) {
        this.openData = openData;
        this.portal = portal;
    }

    @GetMapping("/p/data")
    public String data(@RequestParam(required = false) Integer year, Model m) {
        List<Integer> years = portal.years();
        Integer chosen = year != null && years.contains(year) ? year : years.isEmpty() ? null : years.get(0);
        List<OpenDataService.Collection> regions = new ArrayList<>();
        if (chosen != null) {
            for (Map.Entry<String, String> r : portal.regions().entrySet()) {
                try {
                    regions.add(openData.collection(r.getKey(), chosen));
                } catch (NotFoundException nothingPublished) {
                    // a region with nothing published that year has no row
                }
            }
        }
        m.addAttribute("years", years);
        m.addAttribute("year", chosen);
        m.addAttribute("regions", regions);
        return "data";
    }
}
