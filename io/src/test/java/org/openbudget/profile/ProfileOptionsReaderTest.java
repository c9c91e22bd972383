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
}
