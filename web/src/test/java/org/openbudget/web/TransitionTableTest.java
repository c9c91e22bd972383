package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.WorkflowService;
import org.openbudget.web.workflow.Transitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workflow's transition table, through the REST API: a unit's and a department's document put in each state
 * (none yet, 草稿, 已提交, 已退回, 审核通过, 已发布), and every action sent by every role — the unit's preparer, its
 * department, the region's reviewer, another region's reviewer, another unit, another department, the administrator
 * and the public. What the table below allows succeeds and leaves the document in the state it says, recorded as it
 * says; everything else is refused and changes nothing: 401/403 for whoever takes no part in that action, 404 (no
 * document yet) or 422 naming the state for whoever does. The document's {@code actions} and its page's buttons are
 * the allowed actions, state by state. The matrix is written to target/transition-matrix.md.
 */
class TransitionTableTest extends WebTestBase {
    static final String DEPT = "650100601", UNIT = "650100601001";
    static final int YEAR = 2025;
    static final String ANON = "(公众)";
    static final List<String> WHO = List.of("tt-unit", "tt-dept", "reviewer", "karamay", "sme", "industry", "admin", ANON);
    static final List<String> ACTIONS = List.of("save", "edit-text", "consolidate", "submit", "withdraw", "department-return", "return", "approve", "publish");
    static final Status NONE = null;
    static final List<Status> STATES = Arrays.asList(NONE, Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED, Status.PUBLISHED);

    /** What is allowed, written out from docs/web.md ("The workflow"): who, action, from, to, what is recorded. Anything else is refused. */
    static final List<String> UNIT_ALLOWED = List.of(
            "tt-unit save NONE DRAFT 保存数据集", "tt-unit save DRAFT DRAFT 保存数据集", "tt-unit save RETURNED DRAFT 保存数据集",
            "tt-unit save APPROVED DRAFT 保存数据集", "tt-unit save PUBLISHED DRAFT 保存数据集",
            "tt-unit submit DRAFT SUBMITTED 提交", "tt-unit submit RETURNED SUBMITTED 提交",
            "tt-unit withdraw SUBMITTED DRAFT 撤回提交",
            "tt-dept department-return SUBMITTED RETURNED 主管部门退回",
            "reviewer return SUBMITTED RETURNED 退回", "reviewer approve SUBMITTED APPROVED 审核通过", "reviewer publish APPROVED PUBLISHED 发布");
    static final List<String> DEPT_ALLOWED = List.of(
            "tt-dept consolidate NONE DRAFT 汇总", "tt-dept consolidate DRAFT DRAFT 汇总", "tt-dept consolidate RETURNED DRAFT 汇总",
            "tt-dept consolidate APPROVED DRAFT 汇总", "tt-dept consolidate PUBLISHED DRAFT 汇总",
            "tt-dept edit-text DRAFT DRAFT 保存部门文字", "tt-dept edit-text RETURNED DRAFT 保存部门文字",
            "tt-dept edit-text APPROVED DRAFT 保存部门文字", "tt-dept edit-text PUBLISHED DRAFT 保存部门文字",
            "tt-dept submit DRAFT SUBMITTED 提交", "tt-dept submit RETURNED SUBMITTED 提交",
            "tt-dept withdraw SUBMITTED DRAFT 撤回提交",
            "reviewer return SUBMITTED RETURNED 退回", "reviewer approve SUBMITTED APPROVED 审核通过", "reviewer publish APPROVED PUBLISHED 发布");

    /** The page's button (or editor) of each action. */
    static final Map<String, String> BUTTON = Map.of("save", "id=\"upload\"", "edit-text", "id=\"tab-text\"", "consolidate", "id=\"consolidate\"",
            "submit", "id=\"submit\"", "withdraw", "id=\"withdraw\"", "department-return", "id=\"department-return\"", "return", "id=\"return\"",
            "approve", "id=\"approve\"", "publish", "id=\"publish\"");

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AgencyRepository agencies;
    @Autowired DocumentRepository documents;
    @Autowired AuditLogRepository audit;
    @Autowired WorkflowService workflow;
    @Autowired JdbcClient db;

    record Allowed(Status to, String recorded) {}

    static Map<String, Allowed> spec(List<String> rows) {
        Map<String, Allowed> m = new LinkedHashMap<>();
        for (String r : rows) {
            String[] f = r.split(" ");
            m.put(f[0] + " " + f[1] + " " + f[2], new Allowed(Status.valueOf(f[3]), f[4]));
        }
        return m;
    }

    static String name(Status s) { return s == null ? "NONE" : s.name(); }

    String unitYaml() {
        return asUnit(forYear(smeDataset(), YEAR), SME, UNIT);
    }

    Optional<Document> doc(String code) { return documents.find(code, YEAR); }

    void setUnit(Status s) {
        db.sql("delete from document where agency_code = ? and budget_year = ?").params(UNIT, YEAR).update();
        if (s != null) documents.create(UNIT, YEAR, s, unitYaml(), "xinjiang-" + YEAR, "test");
    }

    /** The department consolidated on its (approved) unit, then put in the state. */
    void setDept(Status s) {
        db.sql("delete from document where agency_code = ? and budget_year = ?").params(DEPT, YEAR).update();
        if (s == null) return;
        workflow.consolidate(as("tt-dept"), DEPT, YEAR, null);
        Document d = doc(DEPT).orElseThrow();
        if (s != Status.DRAFT) documents.update(d, d.rowVersion(), s, d.datasetYaml(), d.profileId(), null, null, "test");
    }

    MockHttpServletResponse call(String who, String code, String action, Integer version, String textForm) throws Exception {
        String base = "/api/documents/" + code + "/" + YEAR;
        String v = version == null ? "" : "?version=" + version;
        MockHttpServletRequestBuilder b = switch (action) {
            case "save" -> MockMvcRequestBuilders.put(base + "/dataset" + v).contentType("application/yaml").content(unitYaml());
            case "edit-text" -> MockMvcRequestBuilders.put(base + "/forms/text" + v).contentType("application/json").content(textForm);
            default -> MockMvcRequestBuilders.request(HttpMethod.POST, base + "/" + action).contentType("application/json")
                    .content(JSON.writeValueAsString(Map.of("version", version == null ? -1 : version, "comment", "请按意见修改")));
        };
        b.with(csrf());
        if (!who.equals(ANON)) b.with(user(as(who)));
        return mvc.perform(b).andReturn().getResponse();
    }

    void setUp() {
        if (agencies.find(DEPT).isPresent()) return;
        agencies.upsert(new Agency(DEPT, "状态表测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("tt-unit", "{noop}x", Role.PREPARER, UNIT, null, "单位", true));
        accounts.insert(new BudgetUser("tt-dept", "{noop}x", Role.DEPARTMENT, DEPT, null, "部门", true));
    }

    @Test
    void everyTransitionAllowedAndEveryOtherRefusedThroughTheApi() throws Exception {
        setUp();
        StringBuilder md = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        int allowedCalls = 0;
        // the unit first (its department is not published yet), then the department on the unit approved
        for (String code : List.of(UNIT, DEPT)) {
            boolean dept = code.equals(DEPT);
            Map<String, Allowed> spec = spec(dept ? DEPT_ALLOWED : UNIT_ALLOWED);
            String textForm = "{}";
            if (dept) {
                setUnit(Status.APPROVED);
                setDept(Status.DRAFT);
                textForm = mvc.perform(MockMvcRequestBuilders.get("/api/documents/" + DEPT + "/" + YEAR + "/forms/text").with(user(as("tt-dept"))))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(textForm).startsWith("{");
            }
            md.append("\n## ").append(dept ? "部门 " : "单位 ").append(code).append("\n\n| 状态 | 操作 |");
            for (String w : WHO) md.append(' ').append(w).append(" |");
            md.append("\n|---|---|").append("---|".repeat(WHO.size())).append('\n');
            for (Status from : STATES) {
                boolean dirty = true;
                // what each reader is offered in this state: the document's actions and the page's buttons
                if (dept) setDept(from); else setUnit(from);
                dirty = false;
                for (String who : List.of("tt-unit", "tt-dept", "reviewer")) {
                    Set<String> expected = new TreeSet<>();
                    for (String a : ACTIONS) if (spec.containsKey(who + " " + a + " " + name(from))) expected.add(a);
                    MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/api/documents/" + code + "/" + YEAR).with(user(as(who))))
                            .andReturn().getResponse();
                    if (who.equals("tt-unit") && dept) {
                        if (r.getStatus() != 403) wrong.add("GET " + code + " as " + who + ": " + r.getStatus());
                        continue;
                    }
                    Set<String> offered = new TreeSet<>();
                    JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("actions").forEach(n -> offered.add(n.asText()));
                    if (!offered.equals(expected)) wrong.add(name(from) + " " + code + " as " + who + ": actions " + offered + ", expected " + expected);
                    String page = mvc.perform(MockMvcRequestBuilders.get("/work/" + code + "/" + YEAR).with(user(as(who))))
                            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                    for (String a : ACTIONS) {
                        if (a.equals("save") && dept || a.equals("edit-text") && !dept) continue;
                        if (page.contains(BUTTON.get(a)) != expected.contains(a))
                            wrong.add(name(from) + " " + code + " page as " + who + ": button " + a + (expected.contains(a) ? " missing" : " shown"));
                    }
                }
                for (String action : ACTIONS) {
                    // a unit's online forms are its dataset's save ("save"); a department saves no dataset of its own
                    if (action.equals("edit-text") && !dept) continue;
                    md.append("| ").append(name(from)).append(" | ").append(action).append(" |");
                    for (String who : WHO) {
                        if (dirty) { if (dept) setDept(from); else setUnit(from); dirty = false; }
                        Optional<Document> before = doc(code);
                        Allowed allowed = spec.get(who + " " + action + " " + name(from));
                        boolean takesPart = spec.keySet().stream().anyMatch(k -> k.startsWith(who + " " + action + " "));
                        MockHttpServletResponse r = call(who, code, action, before.map(Document::rowVersion).orElse(null), textForm);
                        String body = r.getContentAsString(StandardCharsets.UTF_8);
                        Optional<Document> after = doc(code);
                        String cell = who + " " + action + " from " + name(from) + " on " + code;
                        if (allowed != null) {
                            allowedCalls++;
                            dirty = true;
                            md.append(" ✓").append(r.getStatus()).append("→").append(after.map(d -> d.status().name()).orElse("?")).append(" |");
                            if (r.getStatus() != 200) { wrong.add(cell + ": should be allowed, got " + r.getStatus() + " " + body); continue; }
                            if (after.isEmpty() || after.get().status() != allowed.to())
                                wrong.add(cell + ": should end " + allowed.to() + ", is " + after.map(Document::status).orElse(null));
                            String recorded = audit.forDocument(code, YEAR).get(0).action();
                            if (!recorded.equals(allowed.recorded())) wrong.add(cell + ": recorded " + recorded + ", expected " + allowed.recorded());
                        } else {
                            md.append(" ✗").append(r.getStatus()).append(" |");
                            int expected = !takesPart ? (who.equals(ANON) ? 401 : 403) : from == null ? 404 : 422;
                            boolean ok = r.getStatus() == expected || takesPart && from == null && r.getStatus() == 422;
                            if (!ok) wrong.add(cell + ": should be refused with " + expected + ", got " + r.getStatus() + " " + body);
                            if (takesPart && from != null && !body.contains("当前状态「" + from.label() + "」"))
                                wrong.add(cell + ": the refusal does not name the state: " + body);
                            boolean same = before.isEmpty() ? after.isEmpty()
                                    : after.isPresent() && after.get().rowVersion() == before.get().rowVersion() && after.get().status() == before.get().status();
                            if (!same) { wrong.add(cell + ": refused but changed the document"); dirty = true; }
                        }
                    }
                    md.append('\n');
                }
            }
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/transition-matrix.md"), md.toString());
        assertThat(wrong).as("transition matrix, see target/transition-matrix.md").isEmpty();
        assertThat(allowedCalls).isEqualTo(UNIT_ALLOWED.size() + DEPT_ALLOWED.size());
    }

    /** The code's table is the one the test states: no row more, no row less. */
    @Test
    void theTableIsTheOneDocumented() {
        Set<String> code = new TreeSet<>();
        for (var t : Transitions.all()) {
            String who = switch (t.by()) {
                case PREPARER -> "tt-unit";
                case DEPARTMENT, PARENT_DEPARTMENT -> "tt-dept";
                case REVIEWER -> "reviewer";
            };
            code.add(who + " " + t.action().id() + " " + name(t.from()) + " " + t.to().name() + " " + t.recorded());
        }
        Set<String> documented = new TreeSet<>();
        for (String r : UNIT_ALLOWED) if (!r.startsWith("reviewer")) documented.add(r);
        for (String r : DEPT_ALLOWED) documented.add(r);
        assertThat(code).isEqualTo(documented);
    }
}
