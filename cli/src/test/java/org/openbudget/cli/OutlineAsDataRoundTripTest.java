package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;

/**
 * The text outline is data end to end (issue 10 item 3): a bureau's own copy of its profile, dropped in a directory
 * given at run time, that numbers 第三部分's sections and sub-parts otherwise (第一节, （1）), numbers its glossary with
 * digits, heads 第三部分 otherwise (a heading short of the right margin: the PDF reader joins a line that does not start
 * with a mark of the common numbering — （一）, 一、, 1、, 第X部分/节/章/条 — to a line that ran to the margin) and labels its 绩效目标表 with other titles and labels — the SME center's ledger
 * rendered under it (PDF) is read back by the audit under the same profile with the text facts, project tables,
 * glossary and closing the generator wrote. No Java knows the new words.
 */
class OutlineAsDataRoundTripTest {
    static final String NAME = "urumqi-sme-center-2024";

    /** The profile's text as shipped, with these replacements (each must apply: the profile changed as meant). */
    static String changed(String yaml, String... pairs) {
        String out = yaml;
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(out).as("the shipped profile prints " + pairs[i]).contains(pairs[i]);
            out = out.replace(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    record Read(DocumentText generated, DocumentText read, List<String> notes, List<String> headings) {}

    static Read roundTrip(ReferenceLibrary lib, Path pdf) throws Exception {
        Workspace.Loaded l = new Workspace(lib).load(Path.of("../examples").resolve(NAME));
        DocumentView view = new DocumentView(l.disclosure(), l.profile());
        List<String> headings = new ArrayList<>();
        for (Block b : view.blocks()) {
            if (b instanceof Block.Heading h) headings.add(h.text());
            if (b instanceof Block.Performance p) headings.add(p.title());
            if (b instanceof Block.Para p) headings.add((p.lead() == null ? "" : p.lead()) + (p.text() == null ? "" : p.text()));
        }
        try (OutputStream o = Files.newOutputStream(pdf)) {
            Renderers.of(Format.PDF).write(view, o);
        }
        DocumentAudit.Result a = DocumentAudit.run(pdf, lib);
        assertThat(a.disclosure().profileId()).isEqualTo(l.profile().id());
        return new Read(l.disclosure().text(), a.disclosure().text(), a.notes(), headings);
    }

    @Test
    void aProfileThatNumbersAndLabelsItsTextOtherwiseIsReadBackWithTheSameFacts(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("own/profiles"));
        Files.writeString(dir.resolve("own/profiles/xinjiang-2024.yaml"), changed(yaml,
                "section_number: \"{cn}、\"", "section_number: \"第{cn}节 \"",
                "sub_heading: \"（{cn}）\"", "sub_heading: \"（{n}）\"",
                "glossary_number: \"{cn}、\"", "glossary_number: \"{n}. \"",
                "explanation: \"第三部分 {year}年{kind}预算情况说明\"", "explanation: \"第三部分 {year}年{kind}预算编制说明\"",
                "project_title: 项目支出绩效目标表", "project_title: 项目绩效目标申报表",
                "overall_titles: [\"{kind}整体绩效目标表\", \"{kind}整体预算绩效目标表\"]", "overall_titles: [\"{kind}整体支出绩效目标表\"]",
                "    project: 项目名称", "    project: 项目全称",
                "    manager: 项目负责人", "    manager: 项目责任人",
                "    total: 年度预算总额", "    total: 年度资金总额",
                "indicators: [一级指标, 二级指标, 三级指标,", "indicators: [一级指标名称, 二级指标名称, 三级指标名称,"), StandardCharsets.UTF_8);
        Read own = roundTrip(new ReferenceLibrary(dir.resolve("own")), dir.resolve("own.pdf"));

        // the document printed the new words …
        assertThat(own.headings()).anyMatch(h -> h.startsWith("第一节 关于")).anyMatch(h -> h.startsWith("（1）"))
                .anyMatch(h -> h.startsWith("1. ")).contains("项目绩效目标申报表").anyMatch(h -> h.endsWith("预算编制说明"))
                .noneMatch(h -> h.startsWith("一、关于")).doesNotContain("项目支出绩效目标表");
        // … and the reader read back what the generator wrote: every number, the project tables, the glossary, the closing
        assertThat(summary(own.read().facts())).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(summary(own.generated().facts()));
        assertThat(projects(own.read())).isNotEmpty().containsExactlyElementsOf(projects(own.generated()));
        assertThat(own.read().glossary()).isNotEmpty().containsExactlyElementsOf(own.generated().glossary());
        assertThat(own.read().closingDate()).isNotEmpty().isEqualTo(own.generated().closingDate());
        assertThat(own.notes()).noneMatch(n -> n.contains("第三部分") || n.contains("绩效目标表"));
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

    /** Each 项目支出绩效目标表: project, manager, amounts, indicator count and weights. */
    static List<String> projects(DocumentText t) {
        List<String> out = new ArrayList<>();
        for (PerformanceTable p : t.performance()) {
            if (!p.kind().equals("项目")) continue;
            out.add(p.unitName() + " " + p.projectName() + " " + p.manager() + " " + p.total().stripTrailingZeros() + " "
                    + p.fiscal().stripTrailingZeros() + " " + p.other().stripTrailingZeros() + " " + p.indicators().size() + " " + p.weightTotal());
        }
        return out;
    }
}
