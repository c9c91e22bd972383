package org.openbudget.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.Section;

/**
 * 第三部分 十 财政拨款"三公"经费预算情况说明 (表10): the total and its four items, then the change of
 * the total and of each item against last year with its reason.
 */
final class Section10ThreePublic {
    /** key, label — in the order the text names them. */
    static final String[][] ITEMS = {
            {"tpe.abroad", "因公出国（境）费"}, {"tpe.vehicle.purchase", "公务用车购置费"},
            {"tpe.vehicle.run", "公务用车运行费"}, {"tpe.reception", "公务接待费"}};

    private Section10ThreePublic() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        p.add(w.sentence("十", "", "s10.total")
                .amount("total", "tpe.total", "财政拨款“三公”经费", w.now("tpe.total"), "表10 合计 合计")
                .amount("abroad", "tpe.abroad", ITEMS[0][1], w.now("tpe.abroad"), "表10 因公出国（境）费 合计")
                .amount("purchase", "tpe.vehicle.purchase", ITEMS[1][1], w.now("tpe.vehicle.purchase"), "表10 公务用车购置费 合计")
                .amount("run", "tpe.vehicle.run", ITEMS[2][1], w.now("tpe.vehicle.run"), "表10 公务用车运行费 合计")
                .amount("reception", "tpe.reception", ITEMS[3][1], w.now("tpe.reception"), "表10 公务接待费 合计").done());
        Writer.Sentence s = w.sentence("十", "", "s10.change")
                .change("", "tpe.total", "财政拨款“三公”经费", w.now("tpe.total"), w.last("tpe.total"), null);
        List<String> items = new ArrayList<>();
        for (String[] i : ITEMS) {
            items.add(w.sentence("十", "", "s10.item").var("label", i[1])
                    .change("", i[0], i[1], w.now(i[0]), w.last(i[0]), "reason").into(s));
        }
        p.add(s.var("items", String.join(w.pattern("s10.item_separator"), items)).done());
        return new Section("十", w.fill(w.t.title("十"), Map.of()), p);
    }
}
