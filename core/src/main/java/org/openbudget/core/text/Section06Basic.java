package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.Section;

/** 第三部分 六 一般公共预算基本支出情况说明 (表6): 人员经费 and 公用经费 with the names of their non-zero 经济分类款. */
final class Section06Basic {
    private Section06Basic() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        p.add(w.sentence("六", "", "s6.total").amount("total", "gpb.basic", "一般公共预算基本支出", w.now("gpb.basic"), "表6 总计 合计").done());
        List<Row> rows = w.d.table(6).map(t -> t.rows(r -> r.kind() == RowKind.CLASS && r.code().length() == 5)).orElse(List.of());
        String[][] cols = {{"gpb.basic.personnel", "人员经费", "s6.personnel", "1"}, {"gpb.basic.public", "公用经费", "s6.public", "2"}};
        for (String[] c : cols) {
            BigDecimal v = w.now(c[0]);
            if (v.signum() == 0) continue;
            int col = Integer.parseInt(c[3]);
            List<String> names = new ArrayList<>();
            for (Row r : rows) if (TextAmounts.printed(r.value(col)).signum() != 0) names.add(r.name());
            p.add(w.sentence("六", "", c[2]).amount("amount", c[0], c[1], v, "表6 总计 " + c[1])
                    .list("list", c[0], c[1], names, "、", "表6 " + c[1] + " 非零款").done());
        }
        return new Section("六", w.fill(w.t.title("六"), Map.of()), p);
    }
}
