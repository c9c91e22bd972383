package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.refdata.ReferenceLibrary.ListKind;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.ReferenceDataRepository;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.Evaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reference data and template profiles stored by the administrator (embedded PostgreSQL): uploaded
 * lists and profiles are read by the io readers before they are stored, take effect at once, are
 * versioned and can be rolled back. Each test works on years or profile ids of its own (2026, 2027,
 * its own profile ids), or puts back what it changed, so the other tests see the built-in files.
 */
class ReferenceDataTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ReferenceLibrary FILES = new ReferenceLibrary(null);

    @Autowired ReferenceDataRepository repo;
    @Autowired AuditLogRepository audit;
    @Autowired ReferenceLibrary library;
    @Autowired BudgetService budgets;
    @Autowired JdbcClient db;

    JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, ResultMatcher expect) throws Exception {
        return json(mvc.perform(b.with(user(as("admin"))).with(csrf())).andExpect(expect).andReturn());
    }

    JsonNode uploadList(int year, ListKind kind, String csv, String params, ResultMatcher expect) throws Exception {
        return send(put("/api/admin/refdata/" + year + "/" + kind.id() + params).contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)), expect);
    }

    JsonNode check(String yaml) throws Exception {
        var result = mvc.perform(post("/api/check").contentType("application/yaml").content(yaml)).andReturn();
        JsonNode r = json(result);
        // read: 200; not readable: 422 with the same body
        org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus()).isEqualTo(r.get("readable").asBoolean() ? 200 : 422);
        return r;
    }

    static List<JsonNode> findings(JsonNode r, String id) {
        List<JsonNode> out = new java.util.ArrayList<>();
        r.get("findings").forEach(f -> { if (f.get("id").asText().equals(id)) out.add(f); });
        return out;
    }

    static String builtIn(int year, ListKind kind) { return FILES.builtInList(year, kind).orElseThrow().csv(); }

    static String profileYaml(String from, String id, int year) {
        return FILES.builtInProfile(from).orElseThrow().yaml().replace("id: " + from, "id: " + id).replace("year: " + from.substring(from.length() - 4), "year: " + year);
    }

    @Test
    void aCompleteListMakesAnUnknownCodeAnErrorInTheCheck() throws Exception {
        // the sci-tech center in 2026, a year without built-in reference data; 2060598 is well-formed but in no list
        String yaml = forYear(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), 2026).replace("2060599", "2060598");
        JsonNode none = check(yaml);
        assertThat(none.get("readable").asBoolean()).isFalse();
        assertThat(none.get("problems").get(0).get("message").asText()).contains("2026");

        // the year's three lists (the 2025 ones) and its profile: usable without a restart
        uploadList(2026, ListKind.ECONOMIC, builtIn(2025, ListKind.ECONOMIC), "", status().isOk());
        uploadList(2026, ListKind.FUNDING_SOURCES, builtIn(2025, ListKind.FUNDING_SOURCES), "", status().isOk());
        assertThat(check(yaml).get("readable").asBoolean()).as("still one list missing").isFalse();
        JsonNode v1 = uploadList(2026, ListKind.FUNCTIONAL, builtIn(2025, ListKind.FUNCTIONAL), "?complete=false&comment=部分目录", status().isOk());
        assertThat(v1.get("versionNo").asInt()).isEqualTo(1);
        assertThat(v1.get("items").asInt()).isEqualTo(FILES.year(2025).functional().items().size());
        send(put("/api/admin/profiles/xinjiang-2026").contentType("application/yaml")
                .content(profileYaml("xinjiang-2025", "xinjiang-2026", 2026).getBytes(StandardCharsets.UTF_8)), status().isOk());

        JsonNode partial = check(yaml);
        assertThat(partial.get("readable").asBoolean()).isTrue();
        assertThat(findings(partial, "C.func.unknown")).isNotEmpty().allSatisfy(f -> assertThat(f.get("severity").asText()).isEqualTo("NOTICE"));
        assertThat(partial.get("counts").get("errors").asInt()).isZero();

        // the complete official list (here: the same codes, declared complete): the unknown code is now an error
        JsonNode v2 = uploadList(2026, ListKind.FUNCTIONAL, builtIn(2025, ListKind.FUNCTIONAL),
                "?complete=true&source=" + java.net.URLEncoder.encode("财政部 2026 年政府收支分类科目", StandardCharsets.UTF_8) + "&baseVersion=1", status().isOk());
        assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
        assertThat(v2.get("complete").asBoolean()).isTrue();
        JsonNode complete = check(yaml);
        assertThat(findings(complete, "C.func.unknown")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("ERROR");
            assertThat(f.get("code").asText()).isEqualTo("2060598");
        });
        assertThat(check(yaml.replace("2060598", "2060599")).get("findings").findValuesAsText("id")).as("a known code is fine").doesNotContain("C.func.unknown");

        // a stale base version is refused, nothing stored
        uploadList(2026, ListKind.FUNCTIONAL, builtIn(2025, ListKind.FUNCTIONAL), "?baseVersion=1", status().isConflict());
        assertThat(repo.listHistory(2026, "functional")).hasSize(2);

        // the list with search, its state and versions
        JsonNode view = send(get("/api/admin/refdata/2026/functional").param("q", "20605"), status().isOk());
        assertThat(view.get("state").get("version").asInt()).isEqualTo(2);
        assertThat(view.get("state").get("complete").asBoolean()).isTrue();
        assertThat(view.get("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.get("code").asText()).startsWith("20605"));
        assertThat(view.get("history")).hasSize(2);
        JsonNode byName = send(get("/api/admin/refdata/2026/functional").param("q", "科学技术"), status().isOk());
        assertThat(byName.get("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.get("name").asText()).contains("科学技术"));
        assertThat(mvc.perform(get("/admin/refdata/2026/functional").param("q", "20605").with(user(as("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("完整的官方目录", "第 2 版", "20605");

        // and the year's blank workbook has its drop-down lists from them
        assertThat(budgets.blankWorkbook(new org.openbudget.web.db.repositories.Agency(SCITECH, "科技信息服务中心", "单位", "事业", "650100", null, 0), 2026)).isNotEmpty();
        assertThat(audit.latest(50)).extracting(AuditLogRepository.Entry::detail).anyMatch(d -> d.contains("2026 年支出功能分类 第 2 版：完整目录"));
    }

    @Test
    void aBadListIsRefusedLineByLineAndNothingIsStored() throws Exception {
        String csv = "code,name\n201,一般公共服务支出\n20101,人大事务\n2010x,行政运行\n";
        JsonNode err = uploadList(2027, ListKind.FUNCTIONAL, csv, "?complete=true", status().isBadRequest());
        assertThat(err.get("problems")).hasSize(1);
        assertThat(err.get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(err.get("problems").get(0).get("field").asText()).isEqualTo("code");
        assertThat(repo.listHistory(2027, "functional")).isEmpty();

        // a list saved by Excel on a Chinese system (GB18030) reads as well
        byte[] gbk = "code,name\n201,一般公共服务支出\n".getBytes(Charset.forName("GB18030"));
        JsonNode ok = send(put("/api/admin/refdata/2027/functional").contentType("text/csv").content(gbk), status().isOk());
        assertThat(ok.get("items").asInt()).isEqualTo(1);
        assertThat(send(get("/api/admin/refdata/2027/functional"), status().isOk()).get("rows").get(0).get("name").asText()).isEqualTo("一般公共服务支出");
    }

    @Test
    void aBadProfileIsRefusedWithItsLineAndNothingIsStored() throws Exception {
        String good = profileYaml("xinjiang-2024", "badtest-2025", 2025); // 2025 holds only its differences from 2024
        String bad = good.replaceFirst(java.util.regex.Pattern.quote("when_zero: 未安排}"), "when_zero: sometimes}");   // one line of the outline
        int line = WorkflowServiceTest.lineOf(bad, "sometimes");
        int before = audit.latest(1000).size();
        JsonNode err = send(put("/api/admin/profiles/badtest-2025").contentType("application/yaml").content(bad.getBytes(StandardCharsets.UTF_8)),
                status().isBadRequest());
        assertThat(err.get("error").asText()).contains("模板", "未保存");
        assertThat(err.get("problems")).hasSize(1);
        assertThat(err.get("problems").get(0).get("line").asInt()).isEqualTo(line);
        assertThat(err.get("problems").get(0).get("field").asText()).endsWith("when_zero");
        assertThat(err.get("problems").get(0).get("message").asText()).contains("sometimes");

        // an id that is not the profile's own: located at the id line
        JsonNode wrongId = send(put("/api/admin/profiles/badtest-2025").contentType("application/yaml")
                .content(profileYaml("xinjiang-2024", "other-2025", 2025).getBytes(StandardCharsets.UTF_8)), status().isBadRequest());
        assertThat(wrongId.get("problems").get(0).get("line").asInt()).isEqualTo(WorkflowServiceTest.lineOf(good, "id: badtest-2025"));
        assertThat(wrongId.get("problems").get(0).get("field").asText()).isEqualTo("id");

        // a profile that reads but cannot make a document (the 三公 subtotal summing the total that sums it): refused too
        String noTable3 = good.replace("sum_of: [vehicles.buy, vehicles.run]}", "sum_of: [total]}");
        assertThat(noTable3).isNotEqualTo(good);
        JsonNode broken = send(put("/api/admin/profiles/badtest-2025").contentType("application/yaml").content(noTable3.getBytes(StandardCharsets.UTF_8)),
                status().isBadRequest());
        assertThat(broken.get("problems").get(0).get("message").asText()).contains("无法生成示例文档", "sums itself");

        // the editor page: refused, the text kept in the editor with the located problem
        MvcResult page = mvc.perform(post("/admin/profiles/badtest-2025").param("yaml", bad).param("baseVersion", "0")
                .with(user(as("admin"))).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(page.getFlashMap().get("draft")).isEqualTo(bad);
        assertThat((List<?>) page.getFlashMap().get("problems")).singleElement().asString().contains(" 第 " + line + " 行");

        assertThat(repo.profileHistory("badtest-2025")).as("nothing stored").isEmpty();
        assertThat(library.hasProfile("badtest-2025")).isFalse();
        send(get("/api/admin/profiles/badtest-2025"), status().isNotFound());
        assertThat(audit.latest(1000)).as("no audit record").hasSize(before);
    }

    @Test
    void rollbackMakesAnEarlierVersionCurrentAndKeepsEveryVersion() throws Exception {
        // a new profile for another bureau, copied from xinjiang-2025
        JsonNode v1 = send(post("/api/admin/profiles").contentType("application/json")
                .content(JSON.writeValueAsString(Map.of("id", "hami-2025", "copyOf", "xinjiang-2025"))), status().isOk());
        assertThat(v1.get("versionNo").asInt()).isEqualTo(1);
        assertThat(library.profile("hami-2025").id()).isEqualTo("hami-2025");
        String text1 = send(get("/api/admin/profiles/hami-2025"), status().isOk()).get("yaml").asText();
        assertThat(text1).contains("id: hami-2025").doesNotContain("id: xinjiang-2025");

        // edited: a new name
        String text2 = text1.replace("name: 新疆维吾尔自治区 2025年部门（单位）预算公开模板", "name: 哈密市 2025年部门（单位）预算公开模板");
        assertThat(text2).isNotEqualTo(text1);
        send(put("/api/admin/profiles/hami-2025?baseVersion=1").contentType("application/yaml").content(text2.getBytes(StandardCharsets.UTF_8)), status().isOk());
        assertThat(library.profile("hami-2025").name()).startsWith("哈密市");
        send(put("/api/admin/profiles/hami-2025?baseVersion=1").contentType("application/yaml").content(text2.getBytes(StandardCharsets.UTF_8)), status().isConflict());

        // back to version 1: a third version with its content; version 2 is still there
        JsonNode v3 = send(post("/api/admin/profiles/hami-2025/rollback").contentType("application/json").content("{\"version\":1,\"comment\":\"撤销改名\"}"), status().isOk());
        assertThat(v3.get("versionNo").asInt()).isEqualTo(3);
        assertThat(v3.get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(library.profile("hami-2025").name()).startsWith("新疆维吾尔自治区");
        assertThat(repo.profileHistory("hami-2025")).extracting(ReferenceDataRepository.ProfileVersion::versionNo).containsExactly(3, 2, 1);
        assertThat(repo.profileVersion("hami-2025", 2).orElseThrow().content()).isEqualTo(text2);
        assertThat(mvc.perform(get("/api/admin/profiles/hami-2025/yaml").param("version", "2").with(user(as("admin")))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(text2);
        send(post("/api/admin/profiles/hami-2025/rollback").contentType("application/json").content("{\"version\":3}"), status().isUnprocessableEntity());
        send(post("/api/admin/profiles/hami-2025/rollback").contentType("application/json").content("{\"version\":0}"), status().isUnprocessableEntity());

        // a list back to its built-in file (version 0): the 2025 economic list, uploaded unchanged, then back
        uploadList(2025, ListKind.ECONOMIC, builtIn(2025, ListKind.ECONOMIC), "?comment=same", status().isOk());
        JsonNode back = send(post("/api/admin/refdata/2025/economic/rollback").contentType("application/json").content("{\"version\":0}"), status().isOk());
        assertThat(back.get("builtIn").asBoolean()).isTrue();
        assertThat(back.get("restoredFrom").asInt()).isZero();
        JsonNode state = send(get("/api/admin/refdata/2025/economic"), status().isOk()).get("state");
        assertThat(state.get("builtIn").asBoolean()).isTrue();
        assertThat(state.get("items").asInt()).isEqualTo(FILES.year(2025).economic().items().size());

        // stored versions cannot be changed nor deleted, not even by SQL
        assertThatThrownBy(() -> db.sql("update template_profile_version set comment = 'x' where profile_id = 'hami-2025'").update())
                .hasMessageContaining("不可修改");
        assertThatThrownBy(() -> db.sql("delete from refdata_list_version where budget_year = 2025").update()).hasMessageContaining("不可修改");
        assertThat(audit.latest(50)).extracting(AuditLogRepository.Entry::action).contains("新建模板", "保存模板", "恢复模板版本", "恢复参考数据版本");
    }

    @Test
    void aCopyGetsItsNewIdEvenWithACommentOnTheIdLine() throws Exception {
        String yaml = profileYaml("xinjiang-2025", "commented-2025", 2025).replace("id: commented-2025", "id: commented-2025    # 带注释");
        send(put("/api/admin/profiles/commented-2025").contentType("application/yaml").content(yaml.getBytes(StandardCharsets.UTF_8)), status().isOk());
        send(post("/api/admin/profiles").contentType("application/json").content("{\"id\":\"copied-2025\",\"copyOf\":\"commented-2025\"}"), status().isOk());
        assertThat(library.profile("copied-2025").id()).isEqualTo("copied-2025");
        assertThat(library.profileText("copied-2025").orElseThrow().yaml()).contains("id: copied-2025    # 带注释");
        send(post("/api/admin/profiles").contentType("application/json").content("{\"id\":\"copied-2025\",\"copyOf\":\"xinjiang-2025\"}"),
                status().isUnprocessableEntity());
        send(post("/api/admin/profiles").contentType("application/json").content("{\"id\":\"Bad Id\",\"copyOf\":\"xinjiang-2025\"}"),
                status().isUnprocessableEntity());
    }

    @Test
    void aChangedProfileIsUsedAtOnceButPublishedVersionsStayAsPublished() throws Exception {
        byte[] published = mvc.perform(get("/api/public/documents/1/files/html")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String changed = FILES.builtInProfile("xinjiang-2024").orElseThrow().yaml().replace("title: \"{kind}收支总体情况表\"", "title: \"{kind}收支总体情况表（试行）\"");
        try {
            send(put("/api/admin/profiles/xinjiang-2024").contentType("application/yaml").content(changed.getBytes(StandardCharsets.UTF_8)), status().isOk());
            Evaluation e = budgets.evaluateUnit("sme.yaml", smeDataset());
            assertThat(e.disclosure().table(1).orElseThrow().title()).endsWith("收支总体情况表（试行）");
            assertThat(mvc.perform(get("/api/public/documents/1/files/html")).andReturn().getResponse().getContentAsByteArray())
                    .as("a published version is never rendered again").isEqualTo(published);
        } finally {
            send(post("/api/admin/profiles/xinjiang-2024/rollback").contentType("application/json").content("{\"version\":0}"), status().isOk());
        }
        assertThat(budgets.evaluateUnit("sme.yaml", smeDataset()).disclosure().table(1).orElseThrow().title()).doesNotContain("试行");
    }

    @Test
    void aVersionStoredByAnotherServerIsSeenWithinSeconds() throws Exception {
        String yaml = profileYaml("xinjiang-2025", "elsewhere-2025", 2025);
        assertThat(library.hasProfile("elsewhere-2025")).isFalse();
        // written straight to the database (committed, no service told), as another server on the same database would
        repo.insertProfile("elsewhere-2025", yaml, "x", 2025, "0".repeat(64), null, "", "admin");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!library.hasProfile("elsewhere-2025") && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(library.hasProfile("elsewhere-2025")).isTrue();
        assertThat(library.profile("elsewhere-2025").id()).isEqualTo("elsewhere-2025");
    }

    @Test
    void theAdminPagesShowTheListsAndProfiles() throws Exception {
        String index = mvc.perform(get("/admin").with(user(as("admin")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("/admin/refdata/2025/functional", "/admin/profiles/xinjiang-2025", "新建模板");
        String profile = mvc.perform(get("/admin/profiles/xinjiang-2025").with(user(as("admin")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(profile).contains("内置文件", "校验并保存", "id: xinjiang-2025");
        // an upload through the page
        MvcResult up = mvc.perform(multipart("/admin/refdata/2027/economic")
                .file(new MockMultipartFile("file", "eco.csv", "text/csv", "code,name\n301,工资福利支出\n".getBytes(StandardCharsets.UTF_8)))
                .param("comment", "页面上传").with(user(as("admin"))).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(up.getFlashMap().get("ok")).asString().contains("eco.csv");
        assertThat(repo.listHistory(2027, "economic")).singleElement().satisfies(v -> assertThat(v.comment()).isEqualTo("页面上传"));
    }
}
