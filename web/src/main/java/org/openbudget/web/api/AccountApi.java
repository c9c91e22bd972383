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

    public AccountApi(AdminService admin) {
        this.admin = admin;
    }

    public record PasswordChange(String current, String password) {}

    @PostMapping("/password")
    @Operation(summary = "修改本人密码：须给出原密码；新密码至少 10 位、含大写字母、小写字母、数字、符号中的至少三类、不含用户名。"
            + "其他已登录的会话随即结束；不符合时 422")
    public void change(@AuthenticationPrincipal BudgetUser u, @RequestBody PasswordChange p, HttpServletRequest req, HttpServletResponse res) {
        Sessions.keep(admin.changeOwnPassword(u, p.current(), p.password(), null), req, res);
    }
}
