package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.ledger.Narrative.CarryOverNote;
import org.openbudget.core.ledger.Project;

/**
 * 第三部分 十一 上年结转结余预算情况说明 (表11): the total, its 财政拨款 and 非财政拨款 parts, then each
 * project (in the order of the dataset's carry-over notes, then 表11's) with what it is 主要用于;
 * a classified project says 完全不予公开. An empty 表11 gives its empty-table sentence.
 */
final class Section11CarryOver {
    private Section11CarryOver() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        DisclosureTable t = w.d.table(11).orElseThrow();
        if (t.empty() || t.total(null).isEmpty()) {
            String note = t.emptyNote() == null ? "" : t.emptyNote();
            p.add(w.literal("十一", "", note).name(null, "table11.empty", t.title(), note, "表11 空表说明").done());
            return new Section("十一", w.fill(w.t.title("十一"), Map.of()), p);
        }
        p.add(w.sentence("十一", "", "s11.total")
                .amount("total", "carry.total", "上年结转结余", w.now("carry.total"), "表11 总计 总计")
                .amount("fiscal", "carry.fiscal", "财政拨款", w.now("carry.fiscal"), "表11 总计 财政拨款合计")
                .amount("nonfiscal", "carry.nonfiscal", "非财政拨款", w.now("carry.nonfiscal"), "表11 总计 非财政拨款合计").done());
        Map<String, Project> projects = w.budget.allProjects();
        Map<String, String> byName = new java.util.HashMap<>();
        projects.values().forEach(pr -> byName.putIfAbsent(pr.name(), pr.code()));
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Row> basics = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.kind() == RowKind.PROJECT && byName.containsKey(r.project())) rows.put(byName.get(r.project()), r);
            if (r.kind() == RowKind.LINE && r.key().equals("basic")) basics.add(r);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (CarryOverNote c : w.narrative.carryOver()) notes.put(c.proCode(), c.note());
        List<String> order = new ArrayList<>();
        for (String code : notes.keySet()) if (rows.containsKey(code)) order.add(code);
        for (String code : rows.keySet()) if (!order.contains(code)) order.add(code);
        int n = 0;
        for (String code : order) {
            Project pr = projects.get(code);
            BigDecimal v = TextAmounts.printed(rows.get(code).value(0));
            String number = w.itemNumber(++n);
            String part = number.trim();
            String note = notes.getOrDefault(code, "").trim().replaceAll("[。；]+$", "");
            p.add(w.sentence("十一", part, pr.classified() ? "s11.withheld" : "s11.project").var("n", number)
                    .var("note", note).var("name", Writer.spaced(pr.name())).amount("amount", "carry.project", pr.name(), v, "表11 " + pr.name() + " 总计").done());
        }
        for (Row r : basics) {
            String number = w.itemNumber(++n);
            String part = number.trim();
            p.add(w.sentence("十一", part, "s11.basic").var("n", number).var("unit_name", r.unit())
                    .amount("amount", "carry.basic", r.unit() + " 基本支出", TextAmounts.printed(r.value(0)), "表11 " + r.unit() + " 基本支出 总计").done());
        }
        return new Section("十一", w.fill(w.t.title("十一"), Map.of()), p);
    }
}
