package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A paragraph's line pdftotext prints above the line it continues ({@link RaisedLines}): 普陀区财政局 2024's 决算 text,
 * "603.14万元，占20.51%；" over "本年支出合计…项目支出", "449.52万元。决算数小于预算数的主要原因：…" over "…年初预算为
 * 450.52万元，支出决算为" ("15.16%；" over "…住房保障支出（类）445.69万元，占": {@code FinalTextLayoutTest}). The fixture is its
 * section 三, 五's (三) up to its first item, and its items 4 and 6, as printed; the facts are those its PDF states.
 */
class RaisedLinesTest {
    private static final List<String> LINES = List.of(
            "第三部分上海市普陀区财政局2024年度部门决算情况说明",
            "  三、支出决算情况说明",
            "",
            "",
            "603.14万元，占20.51%；",
            "    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出",
            "",
            "",
            "  五、一般公共预算财政拨款支出决算情况说明",
            "",
            "  （三）一般公共预算财政拨款支出决算具体情况",
            "",
            "  一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完",
            "成年初预算的98.20%。 决算数小于预算数的主要原因：因年度工作计划安排，个别信",
            "息化项目和中介机构服务调减。其中：",
            " 4、一般公共服务支出（类）财政事务（款）财政委托业务支出（项）。主要用于：",
            "",
            "449.52万元。决算数小于预算数的主要原因：因个别项目评审费未能实施或未来得及",
            "委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为",
            "",
            "支付完毕，于明年重新申请。",
            "",
            " 6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老",
            "",
            "161.62万元，支出决算为160.75万元。 决算数小于预算数的主要原因：预算按充分保",
            "保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为",
            "",
            "障预估，实际执行基本贴合预期。",
            "");

    private static DocumentText read() {
        return FinalTextReader.read(new ArrayList<>(LINES), ReferenceLibrary.standard().profile("shanghai-final-2024").text());
    }

    @Test
    void anAmountPrintedAboveTheWordsItFollowsIsTheirs() {
        DocumentText t = read();
        assertThat(share(t, "项目支出")).isEqualByComparingTo("20.51");
        TextFact entrusted = item(t, "财政委托业务支出");
        assertThat(entrusted.value()).isEqualByComparingTo("449.52");
        assertThat(entrusted.items()).contains("450.52");
        TextFact pension = item(t, "机关事业单位基本养老保险缴费支出");
        assertThat(pension.value()).isEqualByComparingTo("160.75");
        assertThat(pension.items()).contains("161.62");
    }

    @Test
    void linesInOrderStayAsTheyAre() {
        List<String> lines = List.of("", "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出", "603.14万元，占20.51%；", "",
                "603.14万元是项目支出。", "（三）一般公共预算财政拨款支出决算具体情况");
        assertThat(RaisedLines.inOrder(lines, l -> l.startsWith("（"))).isSameAs(lines);
    }

    private static TextFact item(DocumentText t, String words) {
        return t.facts().stream().filter(f -> f.subject().contains(words) && f.value() != null).findFirst()
                .orElseThrow(() -> new AssertionError(words + ": " + t.facts()));
    }

    private static BigDecimal share(DocumentText t, String subject) {
        return t.facts().stream().filter(f -> f.subject().equals(subject) && f.key().contains("share")).findFirst()
                .orElseThrow(() -> new AssertionError(subject + ": " + t.facts())).value();
    }
}
