package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.check.TextChecks;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.Workspace;

/**
 * The two roads agree on the keys: the text the generator writes from the SME center's ledger,
 * printed and read back by the reader of published documents, gives the facts the generator
 * recorded — same keys, kinds, values and direction words — and the text checks find nothing in it.
 */
class GeneratedTextRoundTripTest {
    static final String NAME = "urumqi-sme-center-2024";

    @Test
    void theGeneratedTextReadBackGivesTheGeneratorsFacts() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(PublishedTextReaderTest.SHARED.resolve(NAME + ".txt")),
                "shared examples not present at " + PublishedTextReaderTest.SHARED.toAbsolutePath());
        Disclosure derived = new Workspace(PublishedTextReaderTest.LIB).load(PublishedTextReaderTest.EXAMPLES.resolve(NAME)).disclosure();
        DocumentText t = derived.text();
        assertThat(t.facts()).hasSizeGreaterThan(100);
        // the published 第一部分 and tables, then the generated 第三部分, performance tables, 第四部分 and closing
        String published = Files.readString(PublishedTextReaderTest.SHARED.resolve(NAME + ".txt"), StandardCharsets.UTF_8);
        PublishedTextReaderTest.read(NAME);
        StringBuilder b = new StringBuilder(published.substring(0, published.lastIndexOf("第三部分")));
        String kind = derived.kind().label();
        b.append("第三部分 ").append(derived.year()).append("年").append(kind).append("预算情况说明\n");
        for (Section s : t.sections()) {
            b.append('\n').append(s.numeral()).append('、').append(s.title()).append('\n');
            for (String p : s.paragraphs()) b.append(p).append('\n');
        }
        for (PerformanceTable p : t.performance()) {
            if (!p.kind().equals("项目")) continue;
            b.append("\n项目支出绩效目标表\n（").append(derived.year()).append("年）\n");
            b.append("预算单位：").append(p.unitName()).append('\n');
            b.append("项目名称：").append(p.projectName()).append("\t项目负责人：").append(p.manager()).append('\n');
            b.append("项目资金（万元）：年度预算总额 ").append(p.total().toPlainString()).append("\t其中：财政拨款 ")
                    .append(p.fiscal().toPlainString()).append("\t其他资金 ").append(p.other().toPlainString()).append('\n');
            b.append("一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料\n");
            for (PerformanceTable.Indicator i : p.indicators()) {
                b.append(String.join("\t", i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(),
                        i.weight() == null ? "" : i.weight().toPlainString(), i.scoringRule(), i.evidence())).append('\n');
            }
        }
        b.append("\n（五）其他需说明的事项\n\n第四部分 名词解释\n");
        for (DocumentText.GlossaryEntry g : t.glossary()) b.append("一、").append(g.term()).append("：").append(g.definition()).append('\n');
        b.append('\n').append(t.closingName()).append('\n').append(t.closingDate()).append('\n');

        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("generated.txt", b.toString(), PublishedTextReaderTest.LIB);
        assertThat(r.notes()).isEmpty();
        assertThat(summary(r.disclosure().text().facts())).containsExactlyInAnyOrderElementsOf(summary(t.facts()));
        assertThat(r.disclosure().text().performance()).extracting(PerformanceTable::weightTotal)
                .containsExactlyElementsOf(t.performance().stream().filter(p -> p.kind().equals("项目")).map(PerformanceTable::weightTotal).toList());

        List<Finding> findings = CheckCatalogue.run(derived, PublishedTextReaderTest.LIB.profile(derived.profileId()),
                PublishedTextReaderTest.LIB.year(derived.year()));
        assertThat(findings).filteredOn(f -> TextChecks.ids().contains(f.id()) && f.severity() != Severity.NOTICE).isEmpty();
    }

    /** section · key · kind · value · word of every number (names and lists aside). */
    static List<String> summary(List<TextFact> facts) {
        List<String> out = new ArrayList<>();
        for (TextFact f : facts) {
            if (f.value() == null || f.key().equals("agency.type")) continue;
            out.add(f.section() + " " + f.key() + " " + f.kind() + " " + f.value().stripTrailingZeros().toPlainString() + " " + f.word());
        }
        return out;
    }
}
