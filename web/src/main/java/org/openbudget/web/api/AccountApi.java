package org.openbudget.web.api;

import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Sessions;
import org.openbudget.web.service.AdminService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/me")
@Tag(name = "account", description = "本人账号")
public class AccountApi {
    private final AdminService admin;
    private final org.openbudget.web.service.NotificationService notifications;

    public AccountApi(AdminService admin, org.openbudget.web.service.NotificationService notifications) {
        this.admin = admin;
        this.notifications = notifications;
    }

    public record Notifications(long unread, java.util.List<org.openbudget.web.db.repositories.NotificationRepository.Notification> items) {}

    @org.springframework.web.bind.annotation.GetMapping("/notifications")
    @Operation(summary = "本人的通知（退回、审核通过、发布；最新 100 条）与未读数")
    public Notifications notifications(@AuthenticationPrincipal BudgetUser u) {
        return new Notifications(notifications.unread(u), notifications.mine(u));
    }

    public record Marked(int marked) {}

    @PostMapping("/notifications/read")
    @Operation(summary = "将本人的通知全部标为已读")
    public Marked read(@AuthenticationPrincipal BudgetUser u) {
        return new Marked(notifications.markAllRead(u));
    }

    public record PasswordChange(String current, String password) {}

    @PostMapping("/password")
    @Operation(summary = "修改本人密码：须给出原密码；新密码至少 10 位、含大写字母、小写字母、数字、符号中的至少三类、不含用户名。"
            + "其他已登录的会话随即结束；不符合时 422")
    public void change(@AuthenticationPrincipal BudgetUser u, @RequestBody PasswordChange p, HttpServletRequest req, HttpServletResponse res) {
        Sessions.keep(admin.changeOwnPassword(u, p.current(), p.password(), null), req, res);
    }
}
