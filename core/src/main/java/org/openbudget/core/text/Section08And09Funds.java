package org.openbudget.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.text.Section;

/**
 * 第三部分 八 政府性基金预算拨款 (表8) and 九 国有资本经营预算拨款 (表9): the amounts by 人员经费, 公用经费
 * and 项目支出, or the table's empty-table sentence.
 */
final class Section08And09Funds {
    private Section08And09Funds() {}

    static Section governmentFund(Writer w) {
        return write(w, "八", 8, "gfb", "s8.amount");
    }

    static Section stateCapital(Writer w) {
        return write(w, "九", 9, "soc", "s9.amount");
    }

    private static Section write(Writer w, String numeral, int no, String prefix, String pattern) {
        List<String> p = new ArrayList<>();
        DisclosureTable t = w.d.table(no).orElseThrow();
        if (t.empty() || t.total(null).isEmpty()) {
            String note = t.emptyNote() == null ? "" : t.emptyNote();
            p.add(w.literal(numeral, "", note).name(null, "table" + no + ".empty", t.title(), note, "表" + no + " 空表说明").done());
        } else {
            Row total = t.total(null).get();
            p.add(w.sentence(numeral, "", pattern)
                    .amount("total", prefix + ".total", t.title(), TextAmounts.printed(total.value(0)), "表" + no + " 总计 合计")
                    .amount("personnel", prefix + ".personnel", "人员经费", TextAmounts.printed(total.value(1)), "表" + no + " 总计 人员经费")
                    .amount("public", prefix + ".public", "公用经费", TextAmounts.printed(total.value(2)), "表" + no + " 总计 公用经费")
                    .amount("project", prefix + ".project", "项目支出", TextAmounts.printed(total.value(3)), "表" + no + " 总计 项目支出").done());
        }
        return new Section(numeral, w.fill(w.t.title(numeral), Map.of()), p);
    }
}
