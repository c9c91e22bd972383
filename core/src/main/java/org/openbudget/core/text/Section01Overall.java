package org.openbudget.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.profile.TextTemplate.Named;

/** 第三部分 一 收支预算情况总体说明: 收支总预算, the income groups and the expense 类 of 表1. */
final class Section01Overall {
    private Section01Overall() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        p.add(w.sentence("一", "", "s1.total").amount("total", "total", "收支总预算", w.now("total"), "表1 收入总计").done());
        List<String> groups = new ArrayList<>();
        for (Named g : w.t.incomeGroups()) if (w.now("income." + g.key()).signum() != 0) groups.add(g.label());
        p.add(w.sentence("一", "", "s1.income").list("list", "income.sources", "收入预算包括", groups, "、", "表1 非零收入").done());
        List<String> classes = new ArrayList<>();
        w.d.table(1).ifPresent(t -> {
            for (Row r : t.rows()) {
                if (r.side() == Side.EXPENSE && r.kind() == RowKind.CLASS && TextAmounts.printed(r.value(0)).signum() != 0) classes.add(r.name());
            }
        });
        p.add(w.sentence("一", "", "s1.expense").list("list", "expense.classes", "支出预算包括", classes, "、", "表1 非零支出类").done());
        return new Section("一", w.fill(w.t.title("一"), Map.of()), p);
    }
}
