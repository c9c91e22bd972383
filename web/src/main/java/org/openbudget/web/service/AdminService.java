package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Severity;
import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.SeverityRepository;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, check severities, reference data and template profiles: the administrator's work. */
@Service
public class AdminService {
    private final AccountRepository accounts;
    private final AgencyRepository agencies;
    private final SeverityRepository severities;
    private final AuditLogRepository audit;
    private final PasswordEncoder encoder;
    private final AccessPolicy policy;
    private final ReferenceDataService refdata;

    public AdminService(AccountRepository accounts, AgencyRepository agencies, SeverityRepository severities, AuditLogRepository audit,
                        PasswordEncoder encoder, AccessPolicy policy, ReferenceDataService refdata) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.severities = severities;
        this.audit = audit;
        this.encoder = encoder;
        this.policy = policy;
        this.refdata = refdata;
    }

    private void admin(BudgetUser u) { AccessPolicy.require(policy.isAdmin(u), "系统管理"); }

    public List<AccountDto> accounts(BudgetUser u) {
        admin(u);
        return accounts.all().stream().map(AccountDto::of).toList();
    }

    @Transactional
    public AccountDto createAccount(BudgetUser u, NewAccount n) {
        admin(u);
        if (n.username() == null || !n.username().matches("[A-Za-z0-9_.-]{2,64}")) throw new RuleViolation("用户名应为 2–64 位字母、数字、下划线、点或横线。");
        if (n.password() == null || n.password().length() < 8) throw new RuleViolation("密码至少 8 位。");
        if (accounts.find(n.username()).isPresent()) throw new RuleViolation("用户名 " + n.username() + " 已存在。");
        Role role = n.role();
        validateAttachment(role, n.agencyCode(), n.regionCode());
        BudgetUser created = new BudgetUser(n.username(), encoder.encode(n.password()), role, blankToNull(n.agencyCode()), blankToNull(n.regionCode()),
                n.displayName() == null || n.displayName().isBlank() ? n.username() : n.displayName(), true);
        accounts.insert(created);
        audit.record(u.username(), "新建账号", null, null, n.username() + "（" + role.label() + "）");
        return AccountDto.of(created);
    }

    @Transactional
    public void updateAccount(BudgetUser u, String username, AccountDto a) {
        admin(u);
        validateAttachment(a.role(), a.agencyCode(), a.regionCode());
        if (accounts.update(username, a.role(), blankToNull(a.agencyCode()), blankToNull(a.regionCode()), a.displayName(), a.enabled()) == 0)
            throw new NotFoundException("没有账号 " + username);
        audit.record(u.username(), "修改账号", null, null, username + "（" + a.role().label() + (a.enabled() ? "" : "，已停用") + "）");
    }

    @Transactional
    public void resetPassword(BudgetUser u, String username, String password) {
        admin(u);
        if (password == null || password.length() < 8) throw new RuleViolation("密码至少 8 位。");
        if (accounts.setPassword(username, encoder.encode(password)) == 0) throw new NotFoundException("没有账号 " + username);
        audit.record(u.username(), "重置密码", null, null, username);
    }

    private void validateAttachment(Role role, String agency, String region) {
        if (role == null) throw new RuleViolation("请选择角色。");
        if ((role == Role.PREPARER || role == Role.DEPARTMENT)) {
            var a = agencies.find(agency == null ? "" : agency).orElseThrow(() -> new RuleViolation("单位代码 " + agency + " 不存在。"));
            if (role == Role.DEPARTMENT && !a.isDepartment()) throw new RuleViolation(a.name() + " 不是部门。");
            if (role == Role.PREPARER && a.isDepartment()) throw new RuleViolation(a.name() + " 是部门，单位填报人应属于单位。");
        }
        if (role == Role.REVIEWER && !agencies.regions().containsKey(region == null ? "" : region)) throw new RuleViolation("地区代码 " + region + " 不存在。");
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    public List<CheckSetting> checks(BudgetUser u) {
        admin(u);
        Map<String, Severity> over = severities.overrides();
        List<CheckSetting> out = new ArrayList<>();
        for (Check c : CheckCatalogue.checks()) out.add(new CheckSetting(c.id(), c.rule(), c.severity(), over.getOrDefault(c.id(), c.severity()), over.containsKey(c.id())));
        return out;
    }

    @Transactional
    public void setSeverity(BudgetUser u, String checkId, Severity s) {
        admin(u);
        Check c = CheckCatalogue.checks().stream().filter(x -> x.id().equals(checkId)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有审核公式 " + checkId));
        severities.set(checkId, s, u.username());
        audit.record(u.username(), "修改审核级别", null, null, checkId + "：" + c.severity().label() + " → " + s.label());
    }

    /** Back to the catalogue's severity. */
    @Transactional
    public void resetSeverity(BudgetUser u, String checkId) {
        admin(u);
        severities.clear(checkId);
        audit.record(u.username(), "恢复审核级别", null, null, checkId);
    }

    /** The reference data and profiles in effect (ReferenceDataService manages them), the regions and agencies. */
    public RefData refdata(BudgetUser u) {
        admin(u);
        return new RefData(refdata.years(u), refdata.profiles(u), agencies.regions(), agencies.all());
    }

    public List<AuditLogRepository.Entry> auditLog(BudgetUser u, int limit) {
        admin(u);
        return audit.latest(limit);
    }

    public record NewAccount(String username, String password, Role role, String agencyCode, String regionCode, String displayName) {}

    public record AccountDto(String username, Role role, String agencyCode, String regionCode, String displayName, boolean enabled) {
        static AccountDto of(BudgetUser u) { return new AccountDto(u.username(), u.role(), u.agencyCode(), u.regionCode(), u.displayName(), u.enabled()); }
    }

    public record CheckSetting(String id, String rule, Severity catalogueSeverity, Severity severity, boolean overridden) {}

    public record RefData(List<ReferenceDataService.YearState> years, List<ReferenceDataService.ProfileState> profiles, Map<String, String> regions,
                          List<org.openbudget.web.db.repositories.Agency> agencies) {}
}
