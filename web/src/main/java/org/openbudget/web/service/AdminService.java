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
import org.openbudget.web.security.PasswordRules;
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
        PasswordRules.problem(n.username(), n.password()).ifPresent(p -> { throw new RuleViolation(p); });
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
        List<String> admins = accounts.enabledAdminsForUpdate();
        if (admins.size() == 1 && admins.get(0).equals(username) && (a.role() != Role.ADMIN || !a.enabled()))
            throw new RuleViolation("不能" + (a.enabled() ? "改变" : "停用") + "最后一个启用的系统管理员 " + username + "：请先新建或启用另一个系统管理员。");
        BudgetUser before = accounts.find(username).orElseThrow(() -> new NotFoundException("没有账号 " + username));
        if (accounts.update(username, a.role(), blankToNull(a.agencyCode()), blankToNull(a.regionCode()), a.displayName(), a.enabled()) == 0)
            throw new NotFoundException("没有账号 " + username);
        String what = !a.enabled() && before.enabled() ? "停用账号" : a.enabled() && !before.enabled() ? "启用账号" : "修改账号";
        audit.record(u.username(), what, blankToNull(a.agencyCode()), null, username + "（" + a.role().label()
                + (blankToNull(a.agencyCode()) == null ? "" : "，" + a.agencyCode()) + (blankToNull(a.regionCode()) == null ? "" : "，地区 " + a.regionCode())
                + (a.enabled() ? "" : "，已停用") + "）；其已登录的会话随即结束");
    }

    @Transactional
    public void resetPassword(BudgetUser u, String username, String password) {
        admin(u);
        PasswordRules.problem(username, password).ifPresent(p -> { throw new RuleViolation(p); });
        if (accounts.setPassword(username, encoder.encode(password)) == 0) throw new NotFoundException("没有账号 " + username);
        audit.record(u.username(), "重置密码", null, null, username + "（解除锁定；其已登录的会话随即结束）");
    }

    /**
     * An account changes its own password: the current one must be given, the new one must follow the rules and
     * differ. Its other sessions end (their password is no longer the account's); the caller keeps the returned account in its own.
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public BudgetUser changeOwnPassword(BudgetUser u, String current, String password, String repeated) {
        BudgetUser now = accounts.find(u.username()).orElseThrow(() -> new NotFoundException("没有账号 " + u.username()));
        if (current == null || !encoder.matches(current, now.passwordHash())) {
            audit.record(u.username(), "修改密码失败", null, null, "原密码不对");
            throw new RuleViolation("原密码不对。");
        }
        if (repeated != null && !repeated.equals(password)) throw new RuleViolation("两次输入的新密码不一致。");
        PasswordRules.problem(u.username(), password).ifPresent(p -> { throw new RuleViolation(p); });
        if (encoder.matches(password, now.passwordHash())) throw new RuleViolation("新密码不能与原密码相同。");
        accounts.setPassword(u.username(), encoder.encode(password));
        audit.record(u.username(), "修改密码", null, null, "本人修改；其他已登录的会话随即结束");
        return accounts.find(u.username()).orElseThrow();
    }

    private void validateAttachment(Role role, String agency, String region) {
        if (role == null) throw new RuleViolation("请选择角色。");
        if ((role == Role.PREPARER || role == Role.DEPARTMENT)) {
            var a = agencies.find(agency == null ? "" : agency).orElseThrow(() -> new RuleViolation("单位代码 " + agency + " 不存在。"));
            if (role == Role.DEPARTMENT && !a.isDepartment()) throw new RuleViolation(a.name() + " 不是部门。");
            if (role == Role.PREPARER && a.isDepartment()) throw new RuleViolation(a.name() + " 是部门，单位填报人应属于单位。");
        }
        if (role == Role.INSPECTOR && (region == null || !region.matches("\\d{2}0000") || !agencies.regions().containsKey(region)))
            throw new RuleViolation("省级检查人应属于一个省级地区（代码如 650000），实际为 " + region + "。");
        if (role == Role.REVIEWER && !agencies.regions().containsKey(region == null ? "" : region)) throw new RuleViolation("地区代码 " + region + " 不存在。");
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    public List<CheckSetting> checks(BudgetUser u) {
        admin(u);
        Map<String, Severity> over = severities.overrides();
        List<CheckSetting> out = new ArrayList<>();
        for (Check c : refdata.library().checks()) out.add(new CheckSetting(c.id(), c.rule(), c.severity(), over.getOrDefault(c.id(), c.severity()), over.containsKey(c.id())));
        // a severity stored under an earlier id (T3.row-sum) still applies: listed so that it can be seen, changed and reset
        over.keySet().stream().filter(id -> !CheckCatalogue.resolve(id).equals(id)).sorted().forEach(id -> catalogueCheck(id).ifPresent(c ->
            out.add(new CheckSetting(id, c.rule() + "（旧编号，即现在的 " + c.id() + (id.matches("T\\d+\\..+") ? "，仅" + id.substring(0, id.indexOf('.')).replace("T", "表") : "")
                    + "）", c.severity(), over.get(id), true))));
        return out;
    }

    /** A check of the catalogue in effect (the generic checks and every profile's), by its id or an earlier one (T3.row-sum). */
    private java.util.Optional<Check> catalogueCheck(String id) {
        String now = CheckCatalogue.resolve(id);
        return refdata.library().checks().stream().filter(x -> x.id().equals(now)).findFirst();
    }

    @Transactional
    public void setSeverity(BudgetUser u, String checkId, Severity s) {
        admin(u);
        Check c = catalogueCheck(checkId).orElseThrow(() -> new NotFoundException("没有审核公式 " + checkId));
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

    /** A page of the audit trail as searched, with the total count. */
    public AuditPage auditSearch(BudgetUser u, AuditLogRepository.Query q, int page, int size) {
        admin(u);
        int p = Math.max(page, 1);
        long total = audit.count(q);
        return new AuditPage(audit.search(q, (p - 1) * size, size), total, p, size, (int) Math.max(1, (total + size - 1) / size), audit.actions());
    }

    /** The whole audit trail as searched (at most {@code max} records), for an export, which is itself recorded. */
    public List<AuditLogRepository.Entry> auditExport(BudgetUser u, AuditLogRepository.Query q, int max) {
        admin(u);
        List<AuditLogRepository.Entry> all = audit.search(q, 0, max);
        audit.record(u.username(), "导出操作记录", null, null, all.size() + " 条");
        return all;
    }

    public record AuditPage(List<AuditLogRepository.Entry> entries, long total, int page, int size, int pages, List<String> actions) {}

    public record NewAccount(String username, String password, Role role, String agencyCode, String regionCode, String displayName) {}

    public record AccountDto(String username, Role role, String agencyCode, String regionCode, String displayName, boolean enabled) {
        static AccountDto of(BudgetUser u) { return new AccountDto(u.username(), u.role(), u.agencyCode(), u.regionCode(), u.displayName(), u.enabled()); }
    }

    public record CheckSetting(String id, String rule, Severity catalogueSeverity, Severity severity, boolean overridden) {}

    public record RefData(List<ReferenceDataService.YearState> years, List<ReferenceDataService.ProfileState> profiles, Map<String, String> regions,
                          List<org.openbudget.web.db.repositories.Agency> agencies) {}
}
