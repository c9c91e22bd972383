package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A 决算's 说明 as pdftotext -layout prints it. What a "年初预算为A万元，支出决算为B万元" statement is about is not read back
 * over the section's heading before it:
 * 普陀区财政局 2024's text (pdftotext -layout) prints the end of the structure's last sentence ("15.16%；") above its
 * line, so that "…住房保障支出（类）445.69万元，占" runs on to "（三）一般公共预算财政拨款支出决算具体情况" and the
 * statement after it; the statement is the section's (一般公共预算财政拨款支出), not 住房保障支出's. The fixture is its
 * section 五 as printed. A placeholder's "。。。" wrapped in a narrow cell ("4    。" over "      。。", 上海's blank 决算
 * template) is no doubled full stop.
 */
class FinalTextLayoutTest {
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

    /** 上海's blank 决算 template: its list of units, rows 4 to 8 a placeholder "。。。" each, wrapped in its cell. */
    private static final List<String> UNITS = List.of(
            "     纳入上海市 XX 局 2024 年度部门决算编制范围的单位包括：",
            "",
            "序号                单位名称            备注",
            "",
            " 1    上海市 XX 局（本级）",
            "",
            " 2    上海市 XX 中心",
            "",
            " 3    上海市 XX 研究所",
            "",
            " 4    。",
            "      。。",
            "",
            " 5    。",
            "      。。",
            "",
            " 6    。",
            "      。。",
            "",
            " 7    。",
            "      。。",
            "",
            " 8    。",
            "      。。");

    @Test
    void aPlaceholdersFullStopsWrappedInTheirCellAreNoDoubledFullStop() {
        TextTemplate text = ReferenceLibrary.standard().profile("shanghai-final-2024").text();
        List<String> lines = new ArrayList<>(LINES);
        lines.addAll(UNITS);
        assertThat(doubled(FinalTextReader.read(lines, text))).isZero();
        // a doubled full stop of the text's own is still one, and a line's lone full stop after a sentence's is none
        lines.add("  决算数与预算数基本持平。。");
        lines.add("  主要原因是人员变动。");
        lines.add("  。");
        assertThat(doubled(FinalTextReader.read(lines, text))).isEqualTo(1);
    }

    private static long doubled(DocumentText t) {
        return t.facts().stream().filter(f -> f.key().startsWith("text.double-stop.")).count();
    }
}
