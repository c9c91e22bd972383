package org.openbudget.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.PerformanceLabels;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.text.Numbering;
import org.openbudget.io.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./budget text PATH}: the document's generated text — 第一部分, 第三部分, 绩效目标表, 第四部分, closing. */
@Command(name = "text", description = "打印生成的文字部分：概况、情况说明、绩效目标表、名词解释 (print the generated document text)")
final class TextCommand extends BudgetCli.DatasetCommand implements Callable<Integer> {
    @Option(names = "--facts", description = "同时列出文字中的每个数字及其来源 (also list every number the text states, with its source)")
    boolean facts;

    @Override
    public Integer call() {
        Workspace.Loaded l = load();
        Disclosure d = l.disclosure();
        DocumentText t = d.text();
        PrintWriter out = out();
        if (t.isEmpty()) {
            if (l.profile().text().isEmpty()) {
                out.println(d.unitName() + "：模板 " + l.profile().id() + " 没有文字部分的大纲 (the template profile has no text outline; see docs/text-facts.md)");
            } else {
                out.println(d.unitName() + "：数据集没有文字部分的数据 (the dataset has no text data; see docs/dataset.md)");
            }
            return BudgetCli.OK;
        }
        String kind = d.kind().label();
        TextTemplate text = l.profile().text();
        TextTemplate.Parts parts = text.parts();
        out.println(TextTemplate.Parts.printed(parts.overview(), d.year(), d.unitName(), kind));
        out.println();
        for (String p : t.overview().paragraphs()) out.println(p);
        out.println();
        // headed as the document heads it (a 决算: 第三部分 {unit}2024年度单位决算情况说明)
        out.println(TextTemplate.Parts.printed(parts.explanation(), d.year(), d.unitName(), kind));
        for (Section s : t.sections()) {
            out.println();
            // numbered as the document numbers it (text.section_number), the renderer's way
            out.println(Numbering.heading(text.sectionNumber(), s.numeral(), s.title()));
            for (String p : s.paragraphs()) out.println(p);
        }
        // the 绩效目标表 in the profile's words (text.performance_labels), a table's rows one line each
        PerformanceLabels pl = text.performanceLabels();
        for (PerformanceTable p : t.performance()) {
            out.println();
            out.println(p.kind().equals("整体") ? pl.overallTitle(kind) : pl.projectTitle());
            out.println("（" + d.year() + "年）");
            if (p.kind().equals("整体")) {
                out.println(pl.overallUnit(kind) + "：" + p.unitName() + "\t" + pl.contact(kind) + "：" + p.manager() + "\t联系电话：" + p.phone());
                out.println(pl.overallFunds() + "：" + plain(p.total()) + "\t" + pl.fiscalSource() + " " + pl.upper() + " " + plain(p.fiscalUpper())
                        + "\t" + pl.local() + " " + plain(p.fiscalLocal()) + "\t" + pl.otherFunds() + " " + pl.otherItem() + " " + plain(p.other()));
                out.println(pl.overallGoal() + "：" + p.goal());
            } else {
                out.println(pl.unit() + "：" + p.unitName());
                out.println(pl.project() + "：" + p.projectName() + "\t" + pl.manager() + "：" + p.manager());
                out.println(pl.projectFunds() + "：" + pl.total() + " " + plain(p.total()) + "\t" + pl.fiscal() + " " + plain(p.fiscal())
                        + "\t" + pl.other() + " " + plain(p.other()));
                out.println(pl.projectGoal() + "：" + p.goal());
            }
            out.println(String.join("\t", pl.indicators()));
            for (PerformanceTable.Indicator i : p.indicators()) {
                out.println(String.join("\t", i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(),
                        i.weight() == null ? "" : i.weight().toPlainString(), i.scoringRule(), i.evidence()));
            }
        }
        out.println();
        out.println(TextTemplate.Parts.printed(parts.glossary(), d.year(), d.unitName(), kind));
        for (int i = 0; i < t.glossary().size(); i++) {
            out.println(Numbering.format(text.glossaryNumber(), i + 1) + t.glossary().get(i).term() + "：" + t.glossary().get(i).definition());
        }
        out.println();
        out.println(t.closingName());
        out.println(t.closingDate());
        if (facts) {
            out.println();
            out.println("section\tpart\tkey\tsubject\tkind\tvalue\tword\tsource");
            for (TextFact f : t.facts()) {
                out.println(String.join("\t", f.section(), f.part(), f.key(), f.subject(), f.kind().name(),
                        f.value() == null ? String.join("、", f.items()) : f.value().toPlainString(), f.word(), f.source()));
            }
        }
        return BudgetCli.OK;
    }

    /** An amount as the text prints it in a table's line (blank when not stated). */
    private static String plain(java.math.BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
