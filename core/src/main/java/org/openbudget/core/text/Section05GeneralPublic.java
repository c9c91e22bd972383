package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.Section;

/**
 * 第三部分 五 一般公共预算当年拨款情况说明 (表5): （一）total, 基本支出 and 项目支出 with changes;
 * （二）each 类 with its share; （三）each 项 of this year or last year — a 项 that fell to zero is
 * still listed — with amount, change, rate and reason.
 */
final class Section05GeneralPublic {
    private Section05GeneralPublic() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        String h1 = w.subHeading(1);
        p.add(h1 + w.pattern("s5.heading1"));
        BigDecimal total = w.now("gpb.total");
        p.add(w.sentence("五", h1, "s5.total").amount("total", "gpb.total", "一般公共预算拨款合计", total, "表5 总计 合计").done());
        for (String[] l : new String[][]{{"gpb.basic", "基本支出"}, {"gpb.project", "项目支出"}}) {
            BigDecimal cur = w.now(l[0]);
            p.add(w.sentence("五", h1, "s5.line").var("label", l[1])
                    .amount("amount", l[0], l[1], cur, "表5 总计 " + l[1])
                    .change("", l[0], l[1], cur, w.last(l[0]), "reason_sentence").done());
        }
        String h2 = w.subHeading(2);
        p.add(h2 + w.pattern("s5.heading2"));
        List<Row> classes = w.d.table(5).map(t -> t.rows(r -> r.kind() == RowKind.CLASS && r.level() == 1)).orElse(List.of());
        int n = 0;
        for (Row r : classes) {
            String key = "gpb.class:" + r.code();
            BigDecimal v = w.now(key);
            String subject = r.name() + "（类）";
            p.add(w.sentence("五", h2, "s5.class").var("n", w.listNumber(++n)).var("class", r.name())
                    .amount("amount", key, subject, v, "表5 " + r.code() + " 合计")
                    .share("share", key, subject, v, total, "表5 " + r.code() + " ÷ 总计 × 100").done());
        }
        String h3 = w.subHeading(3);
        p.add(h3 + w.pattern("s5.heading3"));
        TreeSet<String> items = new TreeSet<>();
        for (String k : w.now.keySet()) if (k.startsWith("gpb.item:")) items.add(k.substring(9));
        for (Map.Entry<String, BigDecimal> e : w.last.entrySet()) {
            if (e.getKey().startsWith("gpb.item:") && e.getValue().signum() != 0) items.add(e.getKey().substring(9));
        }
        n = 0;
        Classification f = w.ref.functional();
        for (String code : items) {
            String key = "gpb.item:" + code;
            String cls = f.nameOrCode(code.substring(0, 3));
            String sec = f.nameOrCode(code.substring(0, 5));
            String item = f.nameOrCode(code);
            String subject = cls + "（类）" + sec + "（款）" + item + "（项）";
            BigDecimal cur = w.now(key);
            p.add(w.sentence("五", h3, "s5.item").var("n", w.listNumber(++n)).var("class", cls).var("section", sec).var("item", item)
                    .amount("amount", key, subject, cur, "表5 " + code + " 合计")
                    .change("", key, subject, cur, w.last(key), "reason_sentence").done());
        }
        return new Section("五", w.fill(w.t.title("五"), Map.of()), p);
    }
}
