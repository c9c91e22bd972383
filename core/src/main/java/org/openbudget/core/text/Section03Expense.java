package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.Section;

/** 第三部分 三 支出预算情况说明: 基本支出 and 项目支出 of 表3 with shares, changes, rates and reasons. */
final class Section03Expense {
    private Section03Expense() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        BigDecimal total = w.now("expense.total");
        p.add(w.sentence("三", "", "s3.total").amount("total", "expense.total", "支出预算", total, "表3 总计 合计").done());
        for (String[] l : new String[][]{{"expense.basic", "基本支出"}, {"expense.project", "项目支出"}}) {
            BigDecimal cur = w.now(l[0]);
            p.add(w.sentence("三", "", "s3.line").var("label", l[1])
                    .amount("amount", l[0], l[1], cur, "表3 总计 " + l[1])
                    .share("share", l[0], l[1], cur, total, "表3 " + l[1] + " ÷ 合计 × 100")
                    .change("", l[0], l[1], cur, w.last(l[0]), "reason").done());
        }
        return new Section("三", w.fill(w.t.title("三"), Map.of()), p);
    }
}
