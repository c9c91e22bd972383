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

    /**
     * A department's 决算 (examples/urumqi-industry-it-bureau-final-2024): its four units' 决算 consolidated. Per budget
     * (一般公共预算, 政府性基金预算) 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, in 分, for every unit and for the
     * department, whose figures are its units' sums; its 财政拨款收入支出决算总表 prints them (万元) and closes; no check
     * finds an error in the department's document or in any unit's; its 年初预算数 are its units' 预算 on the year's own
     * money (a 预算's 上年结转 is not 年初预算).
     */
    @Test
    void theDepartmentExampleConsolidatesItsUnitsAndEveryBudgetCloses() {
        Workspace w = new Workspace(LIB);
        Budget dept = w.read(Path.of("../examples/urumqi-industry-it-bureau-final-2024"));
        assertThat(dept.isDepartment()).isTrue();
        assertThat(dept.units()).hasSize(4).allMatch(Budget::isFinal);
        var ref = LIB.year(2024);
        var spending = org.openbudget.core.derive.FinalBalances.spendingFlows(LIB.profile(dept.profileId()).measures());
        java.util.Map<String, long[]> deptSums = new java.util.TreeMap<>();
        for (Budget u : dept.units()) {
            java.util.Map<String, long[]> own = flows(u, ref, spending);
            own.forEach((budget, v) -> {
                assertThat(v[0] + v[1]).as("%s %s: 年初 + 本年收入 = 本年支出 + 年末", u.agency().name(), budget).isEqualTo(v[2] + v[3]);
                long[] d = deptSums.computeIfAbsent(budget, k -> new long[4]);
                for (int i = 0; i < 4; i++) d[i] += v[i];
            });
        }
        assertThat(deptSums).containsKeys("一般公共预算", "政府性基金预算");
        assertThat(deptSums.get("政府性基金预算")[3]).as("冷链物流's unspent special bonds carried forward").isEqualTo(5_800_000_000L);
        // the department's document: consolidated from the units, its fiscal summary closing per budget
        var derived = org.openbudget.core.pipeline.Pipeline.deriveWithUnits(dept, ref, LIB.profile(dept.profileId()));
        DisclosureTable fiscal = derived.department().tables().stream().filter(t -> t.id().equals("fiscal")).findFirst().orElseThrow();
        String[] row = {"gpb", "gfb"};   // the income side's rows per budget (its first column)
        String[] budgets = {"一般公共预算", "政府性基金预算"};
        for (int c = 0; c < 2; c++) {
            long[] v = deptSums.get(budgets[c]);
            assertThat(cell(fiscal, "carry." + row[c], 0)).as(budgets[c] + " 年初").isEqualByComparingTo(wan(v[0]));
            assertThat(cell(fiscal, row[c], 0)).as(budgets[c] + " 本年收入").isEqualByComparingTo(wan(v[1]));
        }
        for (var d : derived.units()) {
            assertThat(errors(d, dept)).as(d.unitName()).isEmpty();
        }
        assertThat(errors(derived.department(), dept)).isEmpty();
        // 年初预算数: the units' 预算 without their 上年结转 lines (CO_*)
        Budget plan = w.read(Path.of("../examples/urumqi-industry-it-bureau-2024"));
        long initial = dept.allFlow("budget.initial").stream().mapToLong(org.openbudget.core.ledger.LedgerLine::amountFen).sum();
        long current = plan.allLines().stream().filter(l -> !l.fundSource().startsWith("CO_")).mapToLong(org.openbudget.core.ledger.LedgerLine::amountFen).sum();
        assertThat(initial).isEqualTo(current).isLessThan(plan.allLines().stream().mapToLong(org.openbudget.core.ledger.LedgerLine::amountFen).sum());
    }

    /** Per budget of a unit's 决算, in 分: [年初结转和结余, 本年收入, 本年支出 (its lines and spending flows), 年末结转和结余]. */
    private static java.util.Map<String, long[]> flows(Budget u, org.openbudget.core.classification.ReferenceData ref, java.util.Set<String> spending) {
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        java.util.function.BiConsumer<org.openbudget.core.ledger.LedgerLine, Integer> add = (l, i) -> {
            var s = ref.source(l.fundSource()).orElseThrow();
            out.computeIfAbsent(s.budget(), k -> new long[4])[i == 1 && !s.currentYear() ? 0 : i] += l.amountFen();
        };
        for (var l : u.accounts().flow("received")) add.accept(l, 1);
        for (var l : u.lines()) add.accept(l, 2);
        for (String f : spending) for (var l : u.accounts().flow(f)) add.accept(l, 2);
        for (var l : org.openbudget.core.derive.FinalBalances.closing(u, ref, spending)) add.accept(l, 3);
        return out;
    }

    private static BigDecimal wan(long fen) {
        return org.openbudget.core.money.Fen.toWan(fen);   // a cell holds the exact sum, rounded when printed
    }

    private static BigDecimal cell(DisclosureTable t, String key, int column) {
        Row r = t.rows().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + t.rows().stream().map(Row::key).toList()));
        return r.value(column) == null ? BigDecimal.ZERO : r.value(column);
    }

    private static List<String> errors(org.openbudget.core.disclosure.Disclosure d, Budget dept) {
        return org.openbudget.core.check.CheckCatalogue.run(d, LIB.profile(dept.profileId()), LIB.year(2024)).stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.id() + " " + f.message()).toList();
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a score over 100           | 'performance_evaluation: {self_evaluated: 2, average_score: "101"}'                  | performance_evaluation.average_score | 0 到 100
            more graded than evaluated | 'performance_evaluation: {self_evaluated: 1, average_score: "90", excellent: 1, good: 1}' | performance_evaluation.excellent  | 多于绩效自评项目数
            a count not whole          | 'performance_evaluation: {target_projects: "3.5"}'                                  | performance_evaluation.target_projects | 整数
            an unknown field           | 'performance_evaluation: {grade: 1}'                                                | performance_evaluation.grade      | 未知
            """)
    void badEvaluationResultsAreRefusedWhereTheyAre(String what, String evaluation, String field, String message) throws IOException {
        InputProblem p = problems(HEAD + "  received: [{exp_func_code: \"2010101\", fund_source: GPB, amount: \"1000\"}]\n" + evaluation + "\n").get(0);
        assertThat(p.field()).as(what).isEqualTo(field);
        assertThat(p.message()).as(what).contains(message);
    }

    /**
     * 十 预算绩效管理情况 (上海; the national template's 十 ends with it): a dataset without 绩效评价 results gets the profile's
     * "nothing to state" sentence ({@code f10.evaluation_none}), one with them states them and not that sentence.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
            "urumqi-sme-center-final-2024,         shanghai-final-2024, 十, true",
            "urumqi-sme-center-final-2024,         national-final-2016, 十, true",
            "urumqi-industry-it-bureau-final-2024, shanghai-final-2024, 十, false"})
    void aSectionWithoutEvaluationResultsSaysSo(String example, String profile, String section, boolean none) {
        Workspace w = new Workspace(LIB);
        Workspace.Loaded l = w.loaded(w.read(Path.of("../examples/" + example)), profile);
        List<String> paragraphs = l.disclosure().text().section(section).orElseThrow().paragraphs();
        String sentence = "年度未开展项目绩效评价，无绩效评价结果需要说明。";
        if (none) {
            assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains(l.disclosure().unitName() + "2024" + sentence));
        } else {
            assertThat(paragraphs).noneSatisfy(p -> assertThat(p).contains(sentence)).anySatisfy(p -> assertThat(p).contains("开展了绩效自评"));
        }
    }

    @Test
    void evaluationResultsBelongToA决算() throws IOException {
        assertThat(problems(HEAD.replace("basis: 决算", "basis: 预算").replace("national-final-2016", "xinjiang-2024").replace("accounts:\n", "")
                + "performance_evaluation: {target_projects: 1}\n"))
                .anySatisfy(p -> assertThat(p.message()).contains("performance_evaluation（绩效评价结果）只用于决算数据集"));
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
