package org.openbudget.web.pages;

import java.io.IOException;
import java.util.List;
import java.nio.charset.StandardCharsets;

import org.openbudget.core.check.Severity;
import org.openbudget.web.api.Downloads;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.ReferenceDataService;
import org.openbudget.web.service.RegionProfileService;
import org.openbudget.web.service.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
public class AdminPages {
    private final AdminService admin;
    private final ReferenceDataService refdata;
    private final RegionProfileService regionProfiles;

    public AdminPages(AdminService admin, ReferenceDataService refdata, RegionProfileService regionProfiles) {
        this.admin = admin;
        this.refdata = refdata;
        this.regionProfiles = regionProfiles;
    }

    @GetMapping("/admin")
    public String index(@AuthenticationPrincipal BudgetUser u, Model m) {
        m.addAttribute("accounts", admin.accounts(u));
        m.addAttribute("checks", admin.checks(u));
        m.addAttribute("refdata", admin.refdata(u));
        m.addAttribute("regionProfiles", regionProfiles.overview(u));
        m.addAttribute("defaultFamily", regionProfiles.defaultFamily());
        m.addAttribute("log", admin.auditLog(u, 100));
        m.addAttribute("roles", Role.values());
        m.addAttribute("severities", Severity.values());
        return "admin/index";
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.RegistryService registry;

    /** 名录: regions, departments and units, edited one by one or imported. */
    @GetMapping("/admin/registry")
    public String registry(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String edit, Model m) {
        var r = registry.registry(u);
        m.addAttribute("registry", r);
        m.addAttribute("types", List.of("行政", "参公", "事业"));
        m.addAttribute("departments", r.agencies().stream().filter(org.openbudget.web.db.repositories.Agency::isDepartment).toList());
        m.addAttribute("edit", edit == null ? null : r.agencies().stream().filter(a -> a.code().equals(edit)).findFirst().orElse(null));
        m.addAttribute("columns", String.join(",", org.openbudget.web.service.RegistryService.COLUMNS));
        return "admin/registry";
    }

    @PostMapping("/admin/regions")
    public String saveRegion(@AuthenticationPrincipal BudgetUser u, @RequestParam String code, @RequestParam String name, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已保存地区 " + code + " " + name, () -> registry.saveRegion(u, code, name));
        return "redirect:/admin/registry";
    }

    @PostMapping("/admin/agencies")
    public String saveAgency(@AuthenticationPrincipal BudgetUser u, @RequestParam String code, @RequestParam String name, @RequestParam String kind,
                             @RequestParam String type, @RequestParam(required = false) String parentCode, @RequestParam String regionCode,
                             @RequestParam(required = false) Integer position, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已保存 " + kind + " " + code + " " + name, () -> registry.saveAgency(u,
                new org.openbudget.web.service.RegistryService.AgencyInput(code, name, kind, type, parentCode, regionCode, position)));
        return "redirect:/admin/registry";
    }

    @PostMapping("/admin/agencies/{code}/delete")
    public String deleteAgency(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已删除 " + code, () -> registry.deleteAgency(u, code));
        return "redirect:/admin/registry";
    }

    @PostMapping("/admin/agencies/import")
    public String importAgencies(@AuthenticationPrincipal BudgetUser u, @RequestParam("file") MultipartFile file, RedirectAttributes ra) throws java.io.IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "名录" : file.getOriginalFilename();
        byte[] bytes = file.getBytes();
        PageSupport.attempt(ra, "已导入 " + name, () -> {
            var r = registry.importList(u, name, bytes);
            ra.addFlashAttribute("imported", "新建地区 " + r.regions() + " 个，新建单位/部门 " + r.created() + " 个，更新 " + r.updated() + " 个");
        });
        return "redirect:/admin/registry";
    }

    /** An account's role and assignment (unit or department, region), its name, enabled or not. */
    @PostMapping("/admin/accounts/{username}")
    public String updateAccount(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestParam Role role,
                                @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String regionCode,
                                @RequestParam(required = false) String displayName, @RequestParam(defaultValue = "true") boolean enabled, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已修改账号 " + username, () -> admin.updateAccount(u, username,
                new AdminService.AccountDto(username, role, agencyCode, regionCode, displayName == null || displayName.isBlank() ? username : displayName, enabled)));
        return "redirect:/admin";
    }

    /** 操作记录: searched, a page at a time, exported as CSV. */
    @GetMapping("/admin/audit")
    public String audit(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String q, @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String action, @RequestParam(required = false) java.time.LocalDate from,
                        @RequestParam(required = false) java.time.LocalDate to, @RequestParam(defaultValue = "1") int page, Model m) {
        AdminService.AuditPage p = admin.auditSearch(u, new org.openbudget.web.db.repositories.AuditLogRepository.Query(q, actor, action, from, to), page, 50);
        m.addAttribute("p", p);
        m.addAttribute("q", q);
        m.addAttribute("actor", actor);
        m.addAttribute("action", action);
        m.addAttribute("from", from);
        m.addAttribute("to", to);
        return "admin/audit";
    }

    @GetMapping("/admin/audit/csv")
    public org.springframework.http.ResponseEntity<byte[]> auditCsv(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String q,
                                                                      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                                                      @RequestParam(required = false) java.time.LocalDate from,
                                                                      @RequestParam(required = false) java.time.LocalDate to) {
        return org.openbudget.web.api.AuditCsv.response(admin.auditExport(u,
                new org.openbudget.web.db.repositories.AuditLogRepository.Query(q, actor, action, from, to), org.openbudget.web.api.AuditCsv.MAX));
    }

    @PostMapping("/admin/accounts")
    public String create(@AuthenticationPrincipal BudgetUser u, @RequestParam String username, @RequestParam String password, @RequestParam Role role,
                         @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String regionCode,
                         @RequestParam(required = false) String displayName, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已新建账号 " + username, () -> admin.createAccount(u, new AdminService.NewAccount(username, password, role, agencyCode, regionCode, displayName)));
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{username}/enabled")
    public String enable(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestParam boolean enabled, RedirectAttributes ra) {
        PageSupport.attempt(ra, (enabled ? "已启用 " : "已停用 ") + username, () -> {
            AdminService.AccountDto a = admin.accounts(u).stream().filter(x -> x.username().equals(username)).findFirst()
                    .orElseThrow(() -> new org.openbudget.web.service.RuleViolation("没有账号 " + username));
            admin.updateAccount(u, username, new AdminService.AccountDto(username, a.role(), a.agencyCode(), a.regionCode(), a.displayName(), enabled));
        });
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{username}/password")
    public String password(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestParam String password, RedirectAttributes ra) {
        PageSupport.attempt(ra, "已重置 " + username + " 的密码", () -> admin.resetPassword(u, username, password));
        return "redirect:/admin";
    }

    @PostMapping("/admin/checks/{id}")
    public String severity(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestParam(required = false) String severity, RedirectAttributes ra) {
        if (severity == null || severity.isBlank()) PageSupport.attempt(ra, "已恢复 " + id + " 的目录级别", () -> admin.resetSeverity(u, id));
        else PageSupport.attempt(ra, "已修改 " + id + " 的级别为 " + Severity.valueOf(severity).label(), () -> admin.setSeverity(u, id, Severity.valueOf(severity)));
        return "redirect:/admin#checks";
    }

    // ---- reference data: the lists of a budget year ----

    /** The index page's "go to a year's list" form. */
    @GetMapping("/admin/refdata")
    public String goToList(@RequestParam int year, @RequestParam String list) {
        return "redirect:/admin/refdata/" + year + "/" + list;
    }

    @GetMapping("/admin/refdata/{year}/{list}")
    public String list(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list,
                       @RequestParam(required = false) String q, Model m) {
        m.addAttribute("view", refdata.list(u, year, list, q, 500));
        return "admin/refdata";
    }

    @GetMapping("/admin/refdata/{year}/{list}/csv")
    public ResponseEntity<byte[]> listCsv(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list,
                                          @RequestParam(required = false) Integer version) {
        String name = year + "-" + list + (version == null ? "" : version == 0 ? "-builtin" : "-v" + version) + ".csv";
        return Downloads.of(name, "text/csv;charset=UTF-8", refdata.listCsv(u, year, list, version).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/refdata/{year}/{list}")
    public String uploadList(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list, @RequestParam("file") MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean complete, @RequestParam(required = false) String source,
                             @RequestParam(required = false) String comment, @RequestParam(required = false) Integer baseVersion, RedirectAttributes ra) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? list + ".csv" : file.getOriginalFilename();
        String csv = ReferenceDataService.text(file.getBytes());
        PageSupport.attempt(ra, "已上传 " + name + " 为新版本，立即生效", () -> refdata.uploadList(u, year, list, name, csv, complete, source, comment, baseVersion));
        return "redirect:/admin/refdata/" + year + "/" + list;
    }

    @PostMapping("/admin/refdata/{year}/{list}/rollback")
    public String rollbackList(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list, @RequestParam int version,
                               @RequestParam(required = false) String comment, RedirectAttributes ra) {
        PageSupport.attempt(ra, version == 0 ? "已恢复为内置文件" : "已恢复第 " + version + " 版（作为新版本保存）",
                () -> refdata.rollbackList(u, year, list, version, comment));
        return "redirect:/admin/refdata/" + year + "/" + list;
    }

    // ---- template profiles ----

    @GetMapping("/admin/profiles/{id}")
    public String profile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, Model m) {
        m.addAttribute("view", refdata.profile(u, id));
        return "admin/profile";
    }

    @GetMapping("/admin/profiles/{id}/yaml")
    public ResponseEntity<byte[]> profileYaml(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestParam(required = false) Integer version) {
        String name = id + (version == null ? "" : version == 0 ? "-builtin" : "-v" + version) + ".yaml";
        return Downloads.of(name, "application/yaml;charset=UTF-8", refdata.profileYaml(u, id, version).getBytes(StandardCharsets.UTF_8));
    }

    /** The editor's text, or an uploaded file; a refused profile comes back in the editor with its located problems. */
    @PostMapping("/admin/profiles/{id}")
    public String saveProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestParam(required = false) String yaml,
                              @RequestParam(value = "file", required = false) MultipartFile file, @RequestParam(required = false) Integer baseVersion,
                              @RequestParam(required = false) String comment, RedirectAttributes ra) throws IOException {
        String text = file != null && !file.isEmpty() ? ReferenceDataService.text(file.getBytes()) : yaml == null ? "" : yaml.replace("\r\n", "\n");
        try {
            refdata.saveProfile(u, id, text, baseVersion, comment);
            ra.addFlashAttribute("ok", "已校验并保存模板 " + id + " 的新版本，立即生效");
        } catch (InvalidDatasetException e) {
            ra.addFlashAttribute("error", e.getMessage() + "；您的修改保留在编辑框中");
            ra.addFlashAttribute("problems", PageSupport.lines(e));
            ra.addFlashAttribute("draft", text);
        } catch (RuleViolation | ConflictException e) {
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("draft", text);
        }
        return "redirect:/admin/profiles/" + id;
    }

    @PostMapping("/admin/profiles")
    public String createProfile(@AuthenticationPrincipal BudgetUser u, @RequestParam String id, @RequestParam String copyOf,
                                @RequestParam(required = false) String comment, RedirectAttributes ra) {
        try {
            refdata.createProfile(u, id, copyOf, comment);
            ra.addFlashAttribute("ok", "已新建模板 " + id + "（复制自 " + copyOf + "），可在下方修改");
            return "redirect:/admin/profiles/" + id;
        } catch (InvalidDatasetException e) {
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("problems", PageSupport.lines(e));
        } catch (RuleViolation | ConflictException e) {
            ra.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin#profiles";
    }

    // ---- the profile of each region and year ----

    /** The index page's "go to a region's year" form. */
    @GetMapping("/admin/region-profiles")
    public String goToRegion(@RequestParam String region, @RequestParam int year) {
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/region-profiles/{region}/{year}")
                .buildAndExpand(region, year).encode().toUriString();
    }

    @GetMapping("/admin/region-profiles/{region}/{year}")
    public String regionProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @PathVariable int year, Model m) {
        m.addAttribute("view", regionProfiles.view(u, region, year));
        m.addAttribute("copyFrom", regionProfiles.nearestDefault(year));
        return "admin/region-profile";
    }

    @PostMapping("/admin/region-profiles/{region}/{year}")
    public String assignRegionProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @PathVariable int year,
                                      @RequestParam(required = false) String profile, @RequestParam(required = false) String comment,
                                      @RequestParam(required = false) Integer baseVersion, RedirectAttributes ra) {
        PageSupport.attempt(ra, (profile == null || profile.isBlank() ? "已恢复默认模板" : "已指定模板 " + profile) + "，立即生效",
                () -> regionProfiles.assign(u, region, year, profile, comment, baseVersion));
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/region-profiles/{region}/{year}")
                .buildAndExpand(region, year).encode().toUriString();
    }

    /** The region's 决算 template for the year (issue 12), beside its 预算 template. */
    @PostMapping("/admin/region-profiles/{region}/{year}/final")
    public String assignRegionFinalProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @PathVariable int year,
                                           @RequestParam(required = false) String profile, @RequestParam(required = false) String comment,
                                           @RequestParam(required = false) Integer baseVersion, RedirectAttributes ra) {
        PageSupport.attempt(ra, (profile == null || profile.isBlank() ? "已恢复默认决算模板" : "已指定决算模板 " + profile) + "，立即生效",
                () -> regionProfiles.assignFinal(u, region, year, profile, comment, baseVersion));
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/region-profiles/{region}/{year}")
                .buildAndExpand(region, year).encode().toUriString();
    }

    @PostMapping("/admin/profiles/{id}/rollback")
    public String rollbackProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestParam int version,
                                  @RequestParam(required = false) String comment, RedirectAttributes ra) {
        PageSupport.attempt(ra, version == 0 ? "已恢复为内置文件" : "已恢复第 " + version + " 版（作为新版本保存）",
                () -> refdata.rollbackProfile(u, id, version, comment));
        return "redirect:/admin/profiles/" + id;
    }
}
