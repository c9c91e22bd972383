package org.openbudget.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ProfileReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The options a regional profile writes (order:, closing rows, unit rows, print options, number_format) as read, and their mistakes located. */
class ProfileOptionsReaderTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static TemplateProfile read(String yaml) {
        return ProfileReader.read("profiles/t-2026.yaml", yaml, LIB::builtInProfile, ReferenceLibrary.builtInMeasures());
    }

    private static final String HEAD = """
            extends: national-2016
            id: t-2026
            name: 测试模板
            year: 2026
            number_format: {unit: 元, decimals: 0, thousands_separator: true, zeros: true}
            labels: {unit: 单位名称, total: 合计, income_total: 收入总计, expense_total: 支出总计}
            """;

    @Test
    void orderNumbersTheInheritedTablesAndLeavesOutTheRest() {
        TemplateProfile p = read(HEAD + """
                order: [fiscal, summary]
                tables:
                  summary:
                    class_numbers: true
                    class_codes: false
                    levels: [类, 款]
                    income_closing: [gpb]
                    expense_closing: [本年支出合计, 结转下年]
                """);
        assertThat(p.tables()).containsOnlyKeys(1, 2);
        assertThat(p.table(1).id()).isEqualTo("fiscal");
        TableTemplate summary = p.table(2);
        assertThat(summary.id()).isEqualTo("summary");
        TableShape s = summary.shape();
        assertThat(s.print().classNumbers()).isTrue();
        assertThat(s.print().classCodes()).isFalse();
        assertThat(s.levels()).containsExactly(3, 5);
        assertThat(s.incomeClosing()).containsExactly("gpb");
        assertThat(s.expenseClosing()).containsExactly("本年支出合计", "结转下年");
        assertThat(p.table(1).shape().levels()).as("a summary lists 类 unless told").containsExactly(3);
        assertThat(p.table(1).shape().print().sideHeadings()).containsExactly("财政拨款收入", "财政拨款支出");
        assertThat(p.amountFormat().format(new java.math.BigDecimal("1.23456"))).isEqualTo("12,346");
        assertThat(p.amountFormat().format(null)).isEqualTo("0");
        assertThat(p.unitCaption("部门", "某局")).isEqualTo("单位名称：某局");
    }

    @Test
    void mistakesAreReportedWithTheirLineAndWhatIsExpected() {
        String yaml = HEAD + """
                tables:
                  summary:
                    income_closing: [nothing]
                    side_headings: [收入]
                  income:
                    unit_rows: sometimes
                """;
        InputException e = catchThrowableOfType(() -> read(yaml), InputException.class);
        List<String> messages = e.problems().stream().map(InputProblem::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("不是本表的收入行：nothing"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("应为两项"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("never、department、always 或 only"));
        assertThat(e.problems()).allSatisfy(pr -> assertThat(pr.line()).isPositive());

        InputException order = catchThrowableOfType(() -> read(HEAD + "order: [summary, nosuch]\n"), InputException.class);
        assertThat(order.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.message()).contains("order 中的表不存在：nosuch");
            assertThat(pr.line()).isEqualTo(7);
        });
    }

    /** A 决算 profile's options (expense_total_of, panels, the sum kind) as read, and their mistakes located. */
    @Test
    void aFinalAccountsProfileReadsAndItsMistakesAreLocated() {
        TemplateProfile national = LIB.profile("national-final-2016");
        assertThat(national.meta().basis()).isEqualTo("决算");
        TableShape summary = national.tableById("summary").orElseThrow().shape();
        assertThat(summary.expenseTotalOf()).containsExactly("本年支出合计", "结余分配", "年末结转和结余");
        assertThat(summary.closingKey("年末结转和结余")).isEqualTo("expense.closing.2");
        assertThat(national.tableById("gpb_basic").orElseThrow().shape().panels()).isTrue();
        assertThat(national.measures().get("closing").printedOnly()).isTrue();
        assertThat(LIB.profile("shanghai-final-2024").meta().crossChecks()).extracting(c -> c.id()).contains("F.T4.budget");

        String yaml = """
                extends: national-final-2016
                id: t-2024
                name: 测试决算模板
                year: 2024
                basis: 决算
                labels: {unit: 无, total: 合计, income_total: 总计, expense_total: 总计}
                tables:
                  summary:
                    expense_total_of: [本年支出合计, 年末结余]
                checks:
                  between:
                    - {id: T.sum, kind: sum, a: {table: fiscal, row: expense.total, column: 2}}
                    - {id: T.row, kind: cells, a: {table: summary, row: 没有的行}, b: {table: income, row: total}}
                """;
        InputException e = catchThrowableOfType(() -> ProfileReader.read("profiles/t-2024.yaml", yaml, LIB::builtInProfile,
                ReferenceLibrary.builtInMeasures()), InputException.class);
        List<String> messages = e.problems().stream().map(InputProblem::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("不是本表 expense_closing 中的行：年末结余"));
        assertThat(e.problems()).allSatisfy(pr -> assertThat(pr.line()).isPositive());
        InputException between = catchThrowableOfType(() -> ProfileReader.read("profiles/t-2024.yaml",
                yaml.replace("年末结余]", "年末结转和结余]"), LIB::builtInProfile, ReferenceLibrary.builtInMeasures()), InputException.class);
        List<String> m2 = between.problems().stream().map(InputProblem::message).toList();
        assertThat(m2).anySatisfy(m -> assertThat(m).contains("sum 应列出 of:"));
        assertThat(m2).anySatisfy(m -> assertThat(m).contains("没有键为 没有的行 的行"));
    }
}
