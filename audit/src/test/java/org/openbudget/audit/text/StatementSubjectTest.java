package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * What a 决算's "年初预算为A万元，支出决算为B万元" statement is about is not read back over the section's heading before it:
 * 普陀区财政局 2024's text (pdftotext -layout) prints the end of the structure's last sentence ("15.16%；") above its
 * line, so that "…住房保障支出（类）445.69万元，占" runs on to "（三）一般公共预算财政拨款支出决算具体情况" and the
 * statement after it; the statement is the section's (一般公共预算财政拨款支出), not 住房保障支出's. The fixture is its
 * section 五 as printed.
 */
class StatementSubjectTest {
    private static final List<String> LINES = List.of(
            "第三部分上海市普陀区财政局2024年度部门决算情况说明",
            "  五、一般公共预算财政拨款支出决算情况说明",
            "",
            "  （一）一般公共预算财政拨款支出决算总体情况",
            "",
            "  一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年",
            "度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。主要原因：基本支",
            "出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。",
            "",
            "  （二）一般公共预算财政拨款支出决算结构情况",
            "",
            "    一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出",
            "（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；",
            "",
            "15.16%；",
            "卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占",
            "",
            "",
            "  （三）一般公共预算财政拨款支出决算具体情况",
            "",
            "  一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完",
            "成年初预算的98.20%。 决算数小于预算数的主要原因：因年度工作计划安排，个别信",
            "息化项目和中介机构服务调减。其中：",
            "\f1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人",
            "员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万",
            "元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。",
            "",
            "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于："
);

    @Test
    void aStatementsSubjectIsNotReadBackOverTheHeadingBeforeIt() {
        DocumentText t = FinalTextReader.read(new ArrayList<>(LINES), ReferenceLibrary.standard().profile("shanghai-final-2024").text());
        TextFact all = t.facts().stream().filter(f -> f.value() != null && f.value().compareTo(new java.math.BigDecimal("2940.05")) == 0 && !f.items().isEmpty()
                && f.items().get(0).equals("2993.92")).findFirst().orElseThrow(() -> new AssertionError(t.facts()));
        assertThat(all.subject()).doesNotContain("住房保障").contains("一般公共预算财政拨款支出");
    }
}
