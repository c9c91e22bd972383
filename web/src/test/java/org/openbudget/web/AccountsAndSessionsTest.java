package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Login protection, password rules and self-service change, sessions that end with their account, the audit trail. */
class AccountsAndSessionsTest extends WebTestBase {
    static final String GOOD = "Tianshan#Road9";

    @Autowired AdminService admin;
    @Autowired AuditLogRepository audit;

    static RequestPostProcessor from(String address) {
        return r -> { r.setRemoteAddr(address); return r; };
    }

    MockHttpServletResponse login(String username, String password, String address) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
                .andReturn().getResponse();
    }

    MockHttpSession session(String username, String password) throws Exception {
        var r = mvc.perform(MockMvcRequestBuilders.post("/login").param("username", username).param("password", password).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).as("login of " + username).endsWith("/work");
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    int get(String path, MockHttpSession s) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).session(s)).andReturn().getResponse().getStatus();
    }

    void reviewer(String name) {
        admin.createAccount(as("admin"), new AdminService.NewAccount(name, GOOD, Role.REVIEWER, null, "650100", name));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilAReset() throws Exception {
        reviewer("lockme");
        for (int i = 1; i <= 5; i++) assertThat(login("lockme", "Wrong#Pass" + i, "10.1.1.1").getRedirectedUrl()).endsWith("/login?error");
        assertThat(login("lockme", GOOD, "10.1.1.1").getRedirectedUrl()).as("locked: the right password is refused").endsWith("/login?locked");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/login").param("locked", "")).andReturn().getResponse().getContentAsString())
                .contains("账号已暂时锁定");

        var trail = audit.search(new AuditLogRepository.Query(null, "lockme", null, null, null), 0, 50);
        assertThat(trail).filteredOn(e -> e.action().equals("登录失败")).hasSize(5).allSatisfy(e -> assertThat(e.source()).isEqualTo("10.1.1.1"));
        assertThat(trail).anySatisfy(e -> assertThat(e.action()).isEqualTo("账号锁定"));
        assertThat(trail).anySatisfy(e -> assertThat(e.action()).isEqualTo("登录被拒（已锁定）"));

        admin.resetPassword(as("admin"), "lockme", "Reset#Pass77");
        assertThat(login("lockme", "Reset#Pass77", "10.1.1.1").getRedirectedUrl()).as("a reset unlocks").endsWith("/work");
        assertThat(audit.search(new AuditLogRepository.Query(null, "lockme", "登录", null, null), 0, 5))
                .first().satisfies(e -> assertThat(e.source()).isEqualTo("10.1.1.1"));
    }

    @Test
    void anAddressGuessingAcrossManyNamesIsRefusedForAWhile() throws Exception {
        reviewer("throttled");
        for (int i = 0; i < 20; i++) login("nobody" + i, "Wrong#Pass" + i, "10.2.2.2");
        assertThat(login("throttled", GOOD, "10.2.2.2").getRedirectedUrl()).endsWith("/login?throttled");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("throttled:" + GOOD).getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/me").header("Authorization", basic).with(from("10.2.2.2"))).andReturn().getResponse().getStatus())
                .isEqualTo(429);
        assertThat(login("throttled", GOOD, "10.2.2.3").getRedirectedUrl()).as("another address").endsWith("/work");
        assertThat(audit.search(new AuditLogRepository.Query("10.2.2.2", null, "登录失败", null, null), 0, 100)).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void passwordsFollowTheRulesAndTheOwnerChangesItsOwn() throws Exception {
        assertThatThrownBy(() -> admin.createAccount(as("admin"), new AdminService.NewAccount("weak", "password1", Role.REVIEWER, null, "650100", "w")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("密码");
        reviewer("changer");
        MockHttpSession other = session("changer", GOOD);
        MockHttpSession mine = session("changer", GOOD);

        String page = mvc.perform(MockMvcRequestBuilders.post("/account/password").session(mine).with(csrf())
                .param("current", "Not#TheOne1").param("password", "New#Secret42").param("repeated", "New#Secret42"))
                .andReturn().getFlashMap().get("error").toString();
        assertThat(page).contains("原密码不对");
        var bad = mvc.perform(MockMvcRequestBuilders.post("/account/password").session(mine).with(csrf())
                .param("current", GOOD).param("password", "short").param("repeated", "short")).andReturn();
        assertThat(bad.getFlashMap().get("error").toString()).contains("太短");

        var ok = mvc.perform(MockMvcRequestBuilders.post("/account/password").session(mine).with(csrf())
                .param("current", GOOD).param("password", "New#Secret42").param("repeated", "New#Secret42")).andReturn();
        assertThat(ok.getFlashMap().get("ok").toString()).contains("密码已修改");
        assertThat(get("/work", mine)).as("the session that changed it goes on").isEqualTo(200);
        assertThat(get("/api/me", other)).as("another session of the account ends").isEqualTo(401);
        assertThat(login("changer", GOOD, "10.3.3.3").getRedirectedUrl()).endsWith("/login?error");
        assertThat(login("changer", "New#Secret42", "10.3.3.3").getRedirectedUrl()).endsWith("/work");

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("changer:New#Secret42".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/me/password").header("Authorization", basic).contentType("application/json")
                .content("{\"current\":\"New#Secret42\",\"password\":\"changer\"}")).andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/me/password").header("Authorization", basic).contentType("application/json")
                .content("{\"current\":\"New#Secret42\",\"password\":\"Third#Secret3\"}")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(audit.search(new AuditLogRepository.Query(null, "changer", "修改密码", null, null), 0, 5)).hasSize(2);
    }

    @Test
    void disablingOrMovingAnAccountEndsItsSessionsAtOnce() throws Exception {
        reviewer("movable");
        reviewer("disabled");
        MockHttpSession moving = session("movable", GOOD);
        MockHttpSession disabling = session("disabled", GOOD);
        assertThat(get("/api/me", moving)).isEqualTo(200);
        assertThat(get("/work", disabling)).isEqualTo(200);

        admin.updateAccount(as("admin"), "movable", new AdminService.AccountDto("movable", Role.REVIEWER, null, "650200", "movable", true));
        admin.updateAccount(as("admin"), "disabled", new AdminService.AccountDto("disabled", Role.REVIEWER, null, "650100", "disabled", false));
        assertThat(get("/api/me", moving)).as("moved to another region: its session no longer reads the old one").isEqualTo(401);
        var page = mvc.perform(MockMvcRequestBuilders.get("/work").session(disabling)).andReturn().getResponse();
        assertThat(page.getRedirectedUrl()).as("disabled").contains("/login");
        assertThat(login("disabled", GOOD, "10.4.4.4").getRedirectedUrl()).endsWith("/login?error");
        assertThat(session("movable", GOOD)).as("the moved account logs in again, in its new place").isNotNull();
        assertThat(audit.search(new AuditLogRepository.Query(null, "admin", "停用账号", null, null), 0, 50))
                .anySatisfy(e -> assertThat(e.detail()).startsWith("disabled"));
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabledNorDemoted() throws Exception {
        admin.createAccount(as("admin"), new AdminService.NewAccount("admin2", GOOD, Role.ADMIN, null, null, "第二管理员"));
        admin.updateAccount(as("admin"), "admin2", new AdminService.AccountDto("admin2", Role.ADMIN, null, null, "第二管理员", false));
        assertThatThrownBy(() -> admin.updateAccount(as("admin"), "admin", new AdminService.AccountDto("admin", Role.ADMIN, null, null, "系统管理员", false)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("最后一个启用的系统管理员");
        assertThatThrownBy(() -> admin.updateAccount(as("admin"), "admin", new AdminService.AccountDto("admin", Role.REVIEWER, null, "650100", "系统管理员", true)))
                .isInstanceOf(RuleViolation.class);
        int viaApi = mvc.perform(MockMvcRequestBuilders.put("/api/admin/accounts/admin").with(user(as("admin"))).with(csrf()).contentType("application/json")
                .content("{\"username\":\"admin\",\"role\":\"ADMIN\",\"displayName\":\"系统管理员\",\"enabled\":false}")).andReturn().getResponse().getStatus();
        assertThat(viaApi).isEqualTo(422);
        assertThat(as("admin").enabled()).isTrue();
    }

    @Test
    void theAuditTrailIsSearchedPagedAndExported() throws Exception {
        login("=HYPERLINK(\"http://x\")", "Wrong#Pass1", "10.5.5.5");
        var r = mvc.perform(MockMvcRequestBuilders.get("/api/admin/audit-log").param("q", "10.5.5.5").param("size", "10").with(user(as("admin"))))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("\"total\":1", "登录失败", "10.5.5.5");
        var csv = mvc.perform(MockMvcRequestBuilders.get("/admin/audit/csv").param("q", "10.5.5.5").with(user(as("admin")))).andReturn().getResponse();
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF时间,人员,操作").contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "\"登录失败\"", "\"10.5.5.5\"");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment");
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/audit").param("action", "登录失败").with(user(as("admin"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("操作记录", "导出 CSV", "第 1 /");
        assertThat(audit.search(new AuditLogRepository.Query(null, "admin", "导出操作记录", null, null), 0, 5)).isNotEmpty();
        List<AuditLogRepository.Entry> none = audit.search(new AuditLogRepository.Query(null, null, null, java.time.LocalDate.of(2001, 1, 1),
                java.time.LocalDate.of(2001, 1, 2)), 0, 5);
        assertThat(none).isEmpty();
    }
}
