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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/** A 决算 dataset (docs/dataset.md, "A 决算 dataset"): read with its accounts, its tables closing; bad input refused where it is. */
class FinalDatasetReaderTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    static final String HEAD = """
            format: budget-dataset/1
            basis: 决算
            budget_year: 2024
            profile: national-final-2016
            agency: {agency_code: "001", agency_name: 测试单位, agency_kind: 单位, agency_type: 事业}
            lines:
              - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "1000"}
            accounts:
            """;

    @TempDir Path dir;

    @Test
    void theExampleIsReadWithItsAccountsAndItsTablesClose() {
        Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples/urumqi-sme-center-final-2024"));
        Budget b = l.budget();
        assertThat(b.isFinal()).isTrue();
        assertThat(b.accounts().flow("received")).hasSize(7);
        // 年初预算数: the lines of the year's 预算 dataset it names
        Budget budget = new Workspace(LIB).read(Path.of("../examples/urumqi-sme-center-2024"));
        assertThat(b.accounts().flow("budget.initial")).isEqualTo(budget.lines());
        DisclosureTable summary = l.disclosure().tables().get(0);
        BigDecimal income = value(summary, "income.total"), expense = value(summary, "expense.total");
        BigDecimal spent = value(summary, "expense.current"), closing = value(summary, "expense.closing.2");
        assertThat(income).isEqualByComparingTo(expense);
        // 年末结转和结余 = what came in less what was spent: money was left (the project's, 事业收入's)
        assertThat(closing).isPositive().isEqualByComparingTo(income.subtract(spent));
        assertThat(l.check()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    private static BigDecimal value(DisclosureTable t, String key) {
        Row r = t.rows().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
        return r.value(0) == null ? BigDecimal.ZERO : r.value(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            closing typed          | '  closing: [{exp_func_code: "2010101", fund_source: CO_GPB, amount: "1"}]' | 9  |              | 年末结转和结余由数据计算
            unknown flow           | '  income: []'                                                               | 9  |              | 未知的决算数据 income
            经营支出 of 财政拨款     | '  spent.ops: [{exp_func_code: "2010101", fund_source: GPB, amount: "5"}]'   | 9  | fund_source  | 不由财政拨款安排
            more spent than came   | '  received: [{exp_func_code: "2010101", fund_source: GPB, amount: "900"}]'  | 9  |              | 年末结转和结余不能为负
            bad 功能分类 in an entry | '  received: [{exp_func_code: "201", fund_source: GPB, amount: "1000"}]'     | 9  | exp_func_code | 7 位数字
            财政专户 in a 决算       | '  received: [{exp_func_code: "2010101", fund_source: EDU, amount: "1000"}]' | 9  | fund_source  | 财政专户
            missing 预算 dataset     | '  budget.initial: ../nowhere/dataset.yaml'                                 | 9  |              | 预算数据集不存在
            """)
    void badAccountsAreRefusedWhereTheyAre(String what, String accounts, int line, String field, String message) throws IOException {
        InputProblem p = problems(HEAD + accounts + "\n").get(0);
        assertThat(p.file()).as(what).endsWith("dataset.yaml");
        assertThat(p.line()).as(what).isEqualTo(line);
        if (field != null) assertThat(p.field()).as(what).startsWith("accounts.").endsWith("." + field);
        assertThat(p.message()).as(what).contains(message);
    }

    @Test
    void aBasisAndATemplateOfAnotherBasisAreRefused() throws IOException {
        assertThat(problems(HEAD.replace("national-final-2016", "xinjiang-2024") + "  received: []\n"))
                .anySatisfy(p -> assertThat(p.field()).isEqualTo("profile"));
        assertThat(problems(HEAD.replace("basis: 决算", "basis: 预算").replace("national-final-2016", "xinjiang-2024") + "  received: []\n"))
                .anySatisfy(p -> assertThat(p.message()).contains("accounts 只用于决算数据集"));
    }

    private List<InputProblem> problems(String text) throws IOException {
        Path p = dir.resolve("x/dataset.yaml");
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        try {
            new DatasetReader(LIB).read(p);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("no error for:\n" + text);
    }
}
