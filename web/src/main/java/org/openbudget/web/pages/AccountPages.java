package org.openbudget.web.pages;

import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.PasswordRules;
import org.openbudget.web.security.Sessions;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 我的账号: every logged-in account changes its own password here, and reads its notifications. */
@Controller
public class AccountPages {
    private final AdminService admin;
    private final org.openbudget.web.service.NotificationService notifications;

    public AccountPages(AdminService admin, org.openbudget.web.service.NotificationService notifications) {
        this.admin = admin;
        this.notifications = notifications;
    }

    /** 通知: one's own, newest first, the unread marked; the header counts the unread. */
    @GetMapping("/notifications")
    public String notifications(@AuthenticationPrincipal BudgetUser u, Model m) {
        m.addAttribute("notifications", notifications.mine(u));
        return "notifications";
    }

    @PostMapping("/notifications/read")
    public String read(@AuthenticationPrincipal BudgetUser u, RedirectAttributes ra) {
        int n = notifications.markAllRead(u);
        ra.addFlashAttribute("ok", n == 0 ? "没有未读通知。" : "已将 " + n + " 条通知标为已读。");
        return "redirect:/notifications";
    }

    @GetMapping("/account")
    public String account(@AuthenticationPrincipal BudgetUser u, Model m) {
        m.addAttribute("rules", PasswordRules.TEXT);
        return "account";
    }

    @PostMapping("/account/password")
    public String change(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String current, @RequestParam(required = false) String password,
                         @RequestParam(required = false) String repeated, HttpServletRequest req, HttpServletResponse res, RedirectAttributes ra) {
        try {
            Sessions.keep(admin.changeOwnPassword(u, current, password, repeated), req, res);
            ra.addFlashAttribute("ok", "密码已修改。其他地方的登录已随之失效。");
        } catch (RuleViolation e) {
            ra.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }
}
