package org.openbudget.web.api;

import java.util.List;

import org.openbudget.core.check.Severity;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.AdminService.AccountDto;
import org.openbudget.web.service.AdminService.CheckSetting;
import org.openbudget.web.service.AdminService.NewAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "系统管理：账号、参考数据、模板、审核级别")
public class AdminApi {
    private final AdminService admin;

    public AdminApi(AdminService admin) { this.admin = admin; }

    @GetMapping("/accounts")
    @Operation(summary = "账号列表")
    public List<AccountDto> accounts(@AuthenticationPrincipal BudgetUser u) { return admin.accounts(u); }

    @PostMapping("/accounts")
    @Operation(summary = "新建账号（密码以 bcrypt 哈希保存）")
    public AccountDto create(@AuthenticationPrincipal BudgetUser u, @RequestBody NewAccount n) { return admin.createAccount(u, n); }

    @PutMapping("/accounts/{username}")
    @Operation(summary = "修改账号（角色、单位、地区、停用）")
    public void update(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestBody AccountDto a) { admin.updateAccount(u, username, a); }

    public record Password(String password) {}

    @PostMapping("/accounts/{username}/password")
    @Operation(summary = "重置密码")
    public void password(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestBody Password p) { admin.resetPassword(u, username, p.password()); }

    @GetMapping("/checks")
    @Operation(summary = "审核公式及其级别（目录级别与当前级别）")
    public List<CheckSetting> checks(@AuthenticationPrincipal BudgetUser u) { return admin.checks(u); }

    public record SeverityDto(Severity severity) {}

    @PutMapping("/checks/{id}")
    @Operation(summary = "修改一个审核公式的级别 (ERROR / WARNING / NOTICE)")
    public void severity(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestBody SeverityDto s) { admin.setSeverity(u, id, s.severity()); }

    @org.springframework.web.bind.annotation.DeleteMapping("/checks/{id}")
    @Operation(summary = "恢复审核公式的目录级别")
    public void resetSeverity(@AuthenticationPrincipal BudgetUser u, @PathVariable String id) { admin.resetSeverity(u, id); }

    @GetMapping("/refdata")
    @Operation(summary = "参考数据（分类科目年度）、模板、地区与单位")
    public AdminService.RefData refdata(@AuthenticationPrincipal BudgetUser u) { return admin.refdata(u); }

    @GetMapping("/audit-log")
    @Operation(summary = "操作记录（全部）")
    public List<AuditLogRepository.Entry> auditLog(@AuthenticationPrincipal BudgetUser u, @RequestParam(defaultValue = "200") int limit) {
        return admin.auditLog(u, Math.min(Math.max(limit, 1), 1000));
    }
}
