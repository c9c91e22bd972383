package org.openbudget.web.pages;

import org.openbudget.core.check.Severity;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.AdminService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
public class AdminPages {
    private final AdminService admin;

    public AdminPages(AdminService admin) { this.admin = admin; }

    @GetMapping("/admin")
    public String index(@AuthenticationPrincipal BudgetUser u, Model m) {
        m.addAttribute("accounts", admin.accounts(u));
        m.addAttribute("checks", admin.checks(u));
        m.addAttribute("refdata", admin.refdata(u));
        m.addAttribute("log", admin.auditLog(u, 100));
        m.addAttribute("roles", Role.values());
        m.addAttribute("severities", Severity.values());
        return "admin/index";
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
}
