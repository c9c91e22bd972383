package org.openbudget.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The text part of a dataset: read exactly, every problem located by file, line and field. */
class NarrativeReaderTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    static String unit(int year) {
        return """
                format: budget-dataset/1
                budget_year: %d
                profile: xinjiang-%d
                agency: {agency_code: "001", agency_name: 测试单位, agency_kind: 单位, agency_type: 事业}
                projects:
                  - {pro_code: P1, pro_name: 测试项目}
                lines:
                  - {exp_func_code: "2060499", dep_bgt_eco_code: "30213", nature: 项目, pro_code: P1, fund_source: GPB, amount: "100000"}
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "500000"}
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30201", nature: 基本, fund_source: GPB, amount: "20000"}
                """.formatted(year, year);
    }

    @TempDir Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    List<InputProblem> problems(String text) throws IOException {
        Path p = write("dataset.yaml", text);
        try {
            new DatasetReader(LIB).read(p);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void aDatasetWithoutTextHasAnEmptyNarrativeAndNoText() throws IOException {
        Path p = write("dataset.yaml", unit(2024));
        assertThat(new DatasetReader(LIB).read(p).narrative()).isEqualTo(Narrative.EMPTY);
        assertThat(new Workspace(LIB).load(p).disclosure().text()).isEqualTo(DocumentText.EMPTY);
    }

    @Test
    void readsTheTextPartExactly() throws IOException {
        Budget b = new DatasetReader(LIB).read(write("dataset.yaml", unit(2024) + """
                overview:
                  functions: [职能一, 职能二]
                  offices: [综合科]
                  personnel: {authorized: 5, active: 4, active_change: -1, retired: 2, retired_change: 1}
                last_year:
                  amounts: {income.gpb.local: "1,200.50", gpb.item:2150805: "3"}
                reasons: {income.gpb.local: 工资调整, gpb.item:2150805: 项目完结}
                class_notes: {"215": 人员经费}
                project_texts:
                  - pro_code: P1
                    basis: 文件
                    allocation: [{item: 维修(护)费, amount: "10"}]
                    period: 2024年1月1日-2024年12月31日
                    target:
                      goal: 目标
                      indicators:
                        - [产出指标, 数量指标, 次数, "=1次", 计划标准, 1次, 90, 按照完成比例赋分, 工作资料]
                procurement: {goods: "1.5", services: "2"}
                closing_date: 2024-02-22
                """));
        Narrative n = b.narrative();
        assertThat(n.functions()).containsExactly("职能一", "职能二");
        assertThat(n.personnel().actual()).isEqualTo(6);
        assertThat(n.personnel().activeChange()).isEqualTo(-1);
        assertThat(n.lastYear().amounts().get("income.gpb.local")).isEqualByComparingTo("1200.50");
        assertThat(n.reasons()).containsEntry("gpb.item:2150805", "项目完结");
        assertThat(n.project("P1").orElseThrow().allocation().get(0).amount()).isEqualByComparingTo("10");
        assertThat(n.project("P1").orElseThrow().target().indicators().get(0).weight()).isEqualByComparingTo("90");
        assertThat(n.procurement().total()).isEqualByComparingTo("3.5");
        assertThat(n.closingDate()).isEqualTo("2024-02-22");
    }

    @Test
    void unknownKeysReasonsForMissingItemsAndBadAmountsAreLocated() throws IOException {
        List<InputProblem> ps = problems(unit(2024) + """
                overview:
                  functions: [职能]
                  staff: 3
                last_year:
                  amounts: {income.gpb.locl: "1", expense.basic: 一百}
                reasons:
                  gpb.item:2010101: 没有这个项
                  expense.basics: 拼错
                class_notes: {"201": 没有这个类, "2150": 位数不对}
                project_texts:
                  - {pro_code: P9, basis: 不存在的项目}
                  - pro_code: P1
                    allocation: [{item: 劳务费, amount: 12万}]
                    target: {indicators: [[产出指标, 数量指标, 次数, "=1次", 计划标准, 1次, 十分]]}
                assets: {vehicles: {official: {count: 一辆}}}
                closing_date: 2024年2月22日
                """);
        assertThat(ps).extracting(InputProblem::file).allMatch(f -> f.endsWith("dataset.yaml"));
        assertThat(ps).allMatch(p -> p.line() > 0);
        assertThat(ps).extracting(InputProblem::field).contains(
                "overview.staff", "last_year.amounts.income.gpb.locl", "last_year.amounts.expense.basic",
                "reasons.gpb.item:2010101", "reasons.expense.basics", "class_notes.201", "class_notes.2150",
                "project_texts[1].pro_code", "project_texts[2].allocation[1].amount",
                "project_texts[2].target.indicators[1][7]", "assets.vehicles.official.count", "closing_date");
        assertThat(ps).anyMatch(p -> p.field().equals("reasons.gpb.item:2010101") && p.message().contains("都没有"));
        assertThat(ps).anyMatch(p -> p.field().equals("last_year.amounts.expense.basic") && p.message().contains("一百"));
    }

    @Test
    void placeholdersMustBeKnown() throws IOException {
        List<InputProblem> ps = problems(unit(2024) + """
                class_notes: {"215": "人员经费{2150899}万元，其他{2010101}万元，{amount}"}
                other_matters:
                  - 上年结转结余项目{carry_count}个，涉及{carry_totl}万元。
                """);
        // ({2010101}, a 项 without 一般公共预算 money, is no input error: it prints 0.00, as 表5 has it)
        assertThat(ps).extracting(InputProblem::field, InputProblem::message)
                .anySatisfy(t -> assertThat(t.toList().get(1).toString()).contains("{amount}"))
                .anySatisfy(t -> assertThat(t.toList().get(0)).isEqualTo("other_matters[1]"));
        assertThat(ps).hasSize(2);
    }

    @Test
    void aUnitDatasetNamesNoUnknownTopLevelKey() throws IOException {
        List<InputProblem> ps = problems(unit(2024) + "reason: {running: 拼错}\n");
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("reason");
            assertThat(p.message()).contains("未知字段");
        });
    }

    /**
     * Comparatives derived from last year's whole dataset: a 2025 dataset naming a 2024 one gets last
     * year's figures as the 2024 document prints them; an item of 2024 only is still listed (fell to zero).
     */
    @Test
    void lastYearsDatasetGivesTheComparatives() throws IOException {
        write("2024/dataset.yaml", unit(2024) + """
                  - {exp_func_code: "2150805", dep_bgt_eco_code: "31299", nature: 项目, pro_code: P1, fund_source: GPB_TR, amount: "300000"}
                """);
        Path p = write("2025/dataset.yaml", unit(2025).replace("\"100000\"", "\"150000\"") + """
                last_year:
                  dataset: ../2024/dataset.yaml
                  amounts: {running: "1.50"}        # an explicit figure wins over the derived one (2.00)
                reasons:
                  gpb.item:2150805: 项目完结
                  gpb.item:2060499: 运维费增加
                closing_date: 2025-02-20
                """);
        DocumentText t = new Workspace(LIB).load(p).disclosure().text();
        assertThat(fact(t, "income.gpb.local", FactKind.CHANGE)).satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("5.00");       // 67.00 − 62.00
            assertThat(f.word()).isEqualTo("增加");
        });
        assertThat(fact(t, "income.gpb.transfer", FactKind.RATE)).satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("100.00");
            assertThat(f.word()).isEqualTo("下降");
        });
        List<TextFact> items = t.facts("gpb.item:2150805");
        assertThat(items).extracting(TextFact::kind).contains(FactKind.AMOUNT, FactKind.CHANGE, FactKind.RATE);
        assertThat(items.get(0).value()).isEqualByComparingTo("0");
        assertThat(items.stream().filter(f -> f.kind() == FactKind.CHANGE).findFirst().orElseThrow().reason()).isEqualTo("项目完结");
        assertThat(fact(t, "gpb.item:2060499", FactKind.RATE).value()).isEqualByComparingTo("50.00");   // 15 vs 10
        assertThat(fact(t, "running", FactKind.CHANGE).value()).isEqualByComparingTo("0.50");          // 2.00 − 1.50
        assertThat(t.closingDate()).isEqualTo("2025年2月20日");
        assertThat(t.glossary()).anyMatch(g -> g.definition().contains("新能源汽车充电费"));
    }

    @Test
    void lastYearsDatasetMustBeOfLastYear() throws IOException {
        write("other/dataset.yaml", unit(2024));
        List<InputProblem> ps = problems(unit(2024) + "last_year: {dataset: other/dataset.yaml}\n");
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("last_year.dataset");
            assertThat(p.message()).contains("2024").contains("2023");
        });
    }

    static TextFact fact(DocumentText t, String key, FactKind kind) {
        return t.fact(key, kind).orElseThrow(() -> new AssertionError("no " + kind + " fact " + key));
    }
}
