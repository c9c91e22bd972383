package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.TextTemplate.FiscalBudget;

/**
 * 第三部分 四 财政拨款收支预算情况的总体说明: 表4's total, which of the three budgets it comes from,
 * and per budget the 类 it pays for with the dataset's 主要用于 note. A note may cite a 项's
 * 一般公共预算 amount as {2060501}; it prints as that 项's 表5 amount.
 */
final class Section04Fiscal {
    private static final Pattern ITEM = Pattern.compile("\\{(\\d{7})\\}");

    private Section04Fiscal() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        p.add(w.sentence("四", "", "s4.total").amount("total", "fiscal.total", "财政拨款收支总预算", w.now("fiscal.total"), "表4 收入总计").done());
        List<FiscalBudget> present = new ArrayList<>();
        List<FiscalBudget> absent = new ArrayList<>();
        for (FiscalBudget b : w.t.fiscalBudgets()) (w.now(b.key()).signum() != 0 ? present : absent).add(b);
        String presentLabels = String.join("、", present.stream().map(FiscalBudget::label).toList());
        String absentLabels = String.join("和", absent.stream().map(FiscalBudget::absentLabel).toList());
        String sourcesKey = present.size() == 1 ? "s4.sources_one" : absent.isEmpty() ? "s4.sources_all" : "s4.sources_some";
        if (!present.isEmpty()) p.add(w.sentence("四", "", sourcesKey).var("present", presentLabels).var("absent", absentLabels).done());
        Writer.Sentence income = w.sentence("四", "", "s4.income");
        List<String> items = new ArrayList<>();
        for (FiscalBudget b : present) {
            items.add(w.sentence("四", "", "s4.income_item").var("label", b.label())
                    .amount("amount", b.key(), b.label(), w.now(b.key()), "表4 " + b.label()).into(income));
        }
        if (!present.isEmpty()) p.add(income.var("list", String.join("、", items)).done());
        w.d.table(4).ifPresent(t4 -> {
            for (FiscalBudget b : present) {
                Writer.Sentence s = w.sentence("四", "", "s4.expense").var("budget", b.expenseLabel());
                List<String> classes = new ArrayList<>();
                for (Row r : t4.rows()) {
                    if (r.side() != Side.EXPENSE || r.kind() != RowKind.CLASS) continue;
                    BigDecimal v = TextAmounts.printed(r.value(b.column()));
                    if (v.signum() == 0) continue;
                    String key = b.column() == 1 ? "fiscal.class:" + r.code() : b.key().substring("fiscal.".length()) + ".class:" + r.code();
                    String note = w.narrative.classNotes().getOrDefault(r.code(), "").trim();
                    while (note.endsWith("。") || note.endsWith("；")) note = note.substring(0, note.length() - 1);
                    String printedNote = note.isEmpty() ? "" : expandItems(w, note, s);
                    String finalNote = printedNote;
                    Writer.Sentence item = w.sentence("四", "", note.isEmpty() ? "s4.expense_item" : "s4.expense_item_noted")
                            .var("class", r.name()).var("note", printedNote)
                            .fact(sentence -> new TextFact("四", "", key, r.name(), FactKind.AMOUNT, v, "", finalNote, List.of(),
                                    "表4 " + r.code() + " " + t4.columns().get(b.column()), sentence));
                    item.var("amount", w.money(v));
                    classes.add(item.into(s));
                }
                p.add(s.var("list", String.join("；", classes)).done());
            }
        });
        return new Section("四", w.fill(w.t.title("四"), Map.of()), p);
    }

    /** Replaces {2060501} in a note by that 项's printed 一般公共预算 amount, recording the fact. */
    private static String expandItems(Writer w, String note, Writer.Sentence s) {
        Matcher m = ITEM.matcher(note);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String code = m.group(1);
            BigDecimal v = w.now("gpb.item:" + code);
            s.amountFact("fiscal.item:" + code, w.ref.functional().nameOrCode(code), v, "表5 合计 · " + code);
            m.appendReplacement(b, Matcher.quoteReplacement(w.money(v)));
        }
        m.appendTail(b);
        return b.toString();
    }
}
