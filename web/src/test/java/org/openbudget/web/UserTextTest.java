package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.io.InputProblem;
import org.openbudget.web.pages.UserText;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What users read names fields, rules and facts in words: no YAML key, check id or English gloss where Chinese belongs. */
class UserTextTest extends WebTestBase {
    final UserText text = new UserText(org.openbudget.io.refdata.ReferenceLibrary.standard());
    @org.springframework.beans.factory.annotation.Autowired org.openbudget.web.service.WorkflowService workflow;

    @Test
    void fieldsFactsAndMessagesInWords() {
        assertThat(text.field("agency.agency_name")).isEqualTo("单位信息 › 单位名称");
        assertThat(text.field("projects[2].pro_code")).isEqualTo("项目 第 3 项 › 项目代码");
        assertThat(text.field("lines[0].amount")).isEqualTo("预算明细 第 1 行 › 金额");
        assertThat(text.field("last_year.amounts.income.gpb.local")).isEqualTo("上年数 › 上年金额 › 二 一般公共预算");
        assertThat(text.field("reasons.tpe.total")).isEqualTo("变动原因 › 十 财政拨款“三公”经费");
        assertThat(text.field("no_such.key")).as("unknown: left as it is").isEqualTo("no_such.key");
        assertThat(new UserText().field("reasons.tpe.total")).as("the pages' problem lines, without the application's library")
                .isEqualTo("变动原因 › 十 财政拨款“三公”经费");
        assertThat(text.message("单位代码 650100 重复 (duplicate unit)")).isEqualTo("单位代码 650100 重复");
        assertThat(text.message("顺序 2 重复（第 3 行已有）")).as("Chinese stays").isEqualTo("顺序 2 重复（第 3 行已有）");
        assertThat(text.message("代码应为 650100417003（乌鲁木齐市中小企业服务中心）")).isEqualTo("代码应为 650100417003（乌鲁木齐市中小企业服务中心）");
        assertThat(text.problem(new InputProblem("sme.yaml", 12, "projects[0].pro_code", "项目代码重复 (duplicate project)")))
                .isEqualTo("sme.yaml 第 12 行「项目 第 1 项 › 项目代码」：项目代码重复");
        assertThat(text.problem(new InputProblem("sme.xlsx", 0, "单位信息 单位代码", "应为 650100417003", "B3")))
                .isEqualTo("sme.xlsx B3「单位信息 单位代码」：应为 650100417003");
        assertThat(text.check("text.reason")).isEqualTo("有增减变动的项目应说明主要原因");
        assertThat(text.check("XR.reason")).as("the id it had").isEqualTo("有增减变动的项目应说明主要原因");
        assertThat(text.check("T3.row-sum")).as("an earlier id").startsWith("每行");
    }

    @Test
    void theWorkPageShowsProblemsAndFindingsInWords() throws Exception {
        // an upload with a wrong project code key: the flash lists the problem in words
        String bad = smeDataset().replace("agency_type: 事业", "agency_type: 企业");
        MvcResult r = mvc.perform(MockMvcRequestBuilders.multipart("/work/" + SME + "/2024/upload")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "sme.yaml", "application/yaml", bad.getBytes(StandardCharsets.UTF_8)))
                .param("version", "-1").with(user(as("sme"))).with(csrf())).andReturn();
        Object problems = r.getFlashMap().get("problems");
        assertThat(problems).isNotNull();
        assertThat(problems.toString()).contains("「单位信息 › 单位性质」").doesNotContain("agency_type", "[agency");

        // the demo's documents with findings: each finding's check named by its rule, its id only in a title
        int shown = 0;
        for (String[] who : new String[][] {{"sme", SME}, {"industry", BUREAU}, {"scitech", SCITECH}}) {
            var e = workflow.view(as(who[0]), who[1], 2024).evaluation();
            if (e == null || !e.readable() || e.findings().isEmpty()) continue;
            MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/work/" + who[1] + "/2024").with(user(as(who[0])))).andReturn().getResponse();
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            for (var f : e.findings()) {
                assertThat(html).doesNotContain("<code>" + f.id() + "</code>").contains("title=\"编号 " + f.id() + "\"");
                assertThat(html).contains(text.check(f.id()).replace("“", "&ldquo;").replace("”", "&rdquo;").substring(0, 2));
            }
            shown++;
        }
        assertThat(shown).as("a demo document with findings").isPositive();
        String textTab = mvc.perform(MockMvcRequestBuilders.get("/work/" + SME + "/2024?tab=text").with(user(as("sme")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(textTab).doesNotContain("text.reason");
        // where the text states them, from the profile's outline (xinjiang-2024: 十二's second, third and fifth parts)
        assertThat(textTab).contains("政府采购（第三部分 十二（二），万元）", "国有资产占用使用情况（第三部分 十二（三），上年末）",
                "其他需说明的事项（第三部分 十二（五），");
    }
}
