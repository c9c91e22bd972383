package org.openbudget.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
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
        out.println("第一部分 " + d.year() + "年" + d.unitName() + kind + "概况");
        out.println();
        for (String p : t.overview().paragraphs()) out.println(p);
        out.println();
        // headed as the document heads it (a 决算: 第三部分 {unit}2024年度单位决算情况说明)
        out.println("决算".equals(l.profile().meta().basis()) ? "第三部分 " + d.unitName() + d.year() + "年度" + kind + "决算情况说明"
                : "第三部分 " + d.year() + "年" + kind + "预算情况说明");
        for (Section s : t.sections()) {
            out.println();
            out.println(s.numeral() + "、" + s.title());
            for (String p : s.paragraphs()) out.println(p);
        }
        for (PerformanceTable p : t.performance()) {
            out.println();
            out.println(p.kind().equals("整体") ? kind + "整体绩效目标表" : "项目支出绩效目标表");
            out.println("（" + d.year() + "年）");
            if (p.kind().equals("整体")) {
                out.println(kind + "名称：" + p.unitName() + "\t" + kind + "联系人：" + p.manager() + "\t联系电话：" + p.phone());
                out.println("年度预算（万元）：" + p.total().toPlainString() + "\t财政资金 上级安排 " + p.fiscalUpper().toPlainString()
                        + "\t本级安排 " + p.fiscal().subtract(p.fiscalUpper()).toPlainString() + "\t其他资金 " + p.other().toPlainString());
                out.println("年度绩效目标：" + p.goal());
            } else {
                out.println("预算单位：" + p.unitName());
                out.println("项目名称：" + p.projectName() + "\t项目负责人：" + p.manager());
                out.println("项目资金（万元）：年度预算总额 " + p.total().toPlainString() + "\t其中：财政拨款 " + p.fiscal().toPlainString()
                        + "\t其他资金 " + p.other().toPlainString());
                out.println("项目总体目标：" + p.goal());
            }
            out.println("一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料");
            for (PerformanceTable.Indicator i : p.indicators()) {
                out.println(String.join("\t", i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(),
                        i.weight() == null ? "" : i.weight().toPlainString(), i.scoringRule(), i.evidence()));
            }
        }
        out.println();
        out.println("第四部分 名词解释");
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"};
        for (int i = 0; i < t.glossary().size(); i++) {
            out.println(numerals[Math.min(i, numerals.length - 1)] + "、" + t.glossary().get(i).term() + "：" + t.glossary().get(i).definition());
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
}
