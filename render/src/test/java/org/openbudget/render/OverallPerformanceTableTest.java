package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.DocumentView;

/**
 * Issue 10 item 5: the overall 绩效目标表 prints its money as the published Xinjiang tables do — 资金来源 and 资金总额,
 * 财政资金 by 上级安排 and 本级安排, 其他资金 其他 — in the profile's words (text.performance_labels.sources), and our own PDF
 * of it is read back by the audit to the same amounts.
 */
class OverallPerformanceTableTest {
    static final String EXAMPLE = "urumqi-industry-it-bureau-2024";

    private static PerformanceTable overall(Disclosure d) {
        return d.text().performance().stream().filter(p -> p.kind().equals("整体")).findFirst().orElseThrow();
    }

    @Test
    void theOverallTablePrintsTheSourcesOfItsMoneyAndReadsBack() {
        Workspace.Loaded l = Fixtures.load(EXAMPLE);
        PerformanceTable o = overall(l.disclosure());
        assertThat(o.fiscalUpper()).isPositive();
        DocumentView v = new DocumentView(l.disclosure(), l.profile());
        String html = new String(Rendered.render(Format.HTML, v), StandardCharsets.UTF_8);
        String table = html.substring(html.indexOf("部门整体绩效目标表："));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains(">资金来源<", ">资金总额（万元）<", ">财政资金（万元）<", ">上级安排<", ">本级安排<", ">其他资金（万元）<", ">其他<")
                .contains(">" + Amounts.format(o.fiscalUpper(), true) + "<", ">" + Amounts.format(o.fiscalLocal(), true) + "<",
                        ">" + Amounts.format(o.other(), true) + "<")
                .doesNotContain("年度预算总额").doesNotContain("其中：财政拨款");
        // our PDF, read back as a published document: 上级安排, 本级安排 and 其他 as derived
        byte[] pdf = Rendered.render(Format.PDF, v);
        DocumentAudit.Result a = DocumentAudit.run(EXAMPLE + ".pdf", pdf, ReferenceLibrary.standard());
        PerformanceTable read = overall(a.disclosure());
        assertThat(read.fiscalUpper()).isEqualByComparingTo(o.fiscalUpper());
        assertThat(read.fiscal()).isEqualByComparingTo(o.fiscal());
        assertThat(read.other()).isEqualByComparingTo(o.other());
        assertThat(read.total()).isEqualByComparingTo(o.total());
    }

    @Test
    void aProfileNamesTheSourcesInItsOwnWords(@TempDir Path dir) throws Exception {
        String yaml = ReferenceLibrary.builtIn("profiles/xinjiang-2024.yaml").orElseThrow();
        String sources = "    sources: [资金来源, 资金总额（万元）, 财政资金（万元）, 其他资金（万元）, 其他]\n";
        assertThat(yaml).contains(sources);
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/own-2024.yaml"), yaml.replace("id: xinjiang-2024", "id: own-2024")
                .replace(sources, "    sources: [资金构成, 金额（万元）, 财政拨款资金, 非财政拨款资金, 单位资金]\n"), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        Workspace w = new Workspace(lib);
        Workspace.Loaded l = w.loaded(w.read(Fixtures.examplesDir().resolve(EXAMPLE)), "own-2024");
        String html = new String(Rendered.render(Format.HTML, new DocumentView(l.disclosure(), l.profile())), StandardCharsets.UTF_8);
        String table = html.substring(html.indexOf("部门整体绩效目标表："));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains(">资金构成<", ">金额（万元）<", ">财政拨款资金<", ">非财政拨款资金<", ">单位资金<", ">上级安排<")
                .doesNotContain("财政资金（万元）").doesNotContain("其他资金（万元）");
    }
}
