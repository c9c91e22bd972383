package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative.Allocation;
import org.openbudget.core.ledger.Narrative.ProjectText;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.money.Fen;

/**
 * 第三部分 七 一般公共预算项目支出情况说明: each project of 表7 — 项目名称, 设立的政策依据, 预算安排规模
 * (its 表7 amount), 项目承担单位, 资金分配情况, 资金执行时间. A classified project says 完全不予公开
 * for its basis, allocation and period. Order: the dataset's project descriptions, then any other
 * project of 表7 in table order.
 */
final class Section07Projects {
    private Section07Projects() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
        Map<String, Project> projects = w.budget.allProjects();
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (ProjectText pt : w.narrative.projects()) {
            ProjectMoney m = money.get(pt.proCode());
            if (m != null && m.gpb() != 0) order.add(pt.proCode());
        }
        Map<String, String> byName = new java.util.HashMap<>();
        projects.values().forEach(pr -> byName.putIfAbsent(pr.name(), pr.code()));
        w.d.table(7).ifPresent(t -> {
            for (Row r : t.rows(x -> x.kind() == RowKind.PROJECT)) {
                String code = byName.get(r.project());
                if (code != null) order.add(code);
            }
        });
        if (order.isEmpty()) p.add(w.sentence("七", "", "s7.none").done());
        int n = 0;
        for (String code : order) {
            Project pr = projects.get(code);
            String h = w.subHeading(++n);
            ProjectText text = w.narrative.project(code).orElse(new ProjectText(code, "", List.of(), "", "", null));
            p.add(w.sentence("七", h, "s7.name").var("h", h).name("name", "project.name", pr.name(), pr.name(), "表7 项目名称").done());
            String withheld = w.pattern("s7.withheld");
            if (pr.classified()) {
                p.add(w.sentence("七", h, "s7.basis").var("basis", withheld).name(null, "project.withheld", pr.name(), withheld, "涉密项目").done());
            } else {
                p.add(w.sentence("七", h, "s7.basis").var("basis", text.basis()).done());
            }
            BigDecimal amount = Amounts.printed(Fen.toWan(money.get(code).gpb()));
            p.add(w.sentence("七", h, "s7.amount").amount("amount", "project.amount", pr.name(), amount, "表7 " + pr.name() + " 项目支出合计").done());
            String unitName = w.budget.unit(pr.agencyCode()).map(Budget::agency).map(a -> a.name()).orElse(w.unit);
            p.add(w.sentence("七", h, "s7.unit").name("unit_name", "project.unit", pr.name(), unitName, "项目承担单位").done());
            if (pr.classified()) {
                p.add(w.sentence("七", h, "s7.alloc").var("list", withheld.replaceAll("。$", "")).done());
                p.add(w.sentence("七", h, "s7.period").var("period", withheld).done());
                continue;
            }
            Writer.Sentence alloc = w.sentence("七", h, "s7.alloc");
            List<String> items = new ArrayList<>();
            for (Allocation a : text.allocation()) {
                items.add(w.literal("七", h, w.pattern("s7.alloc_item")).var("item", a.item())
                        .var("amount", a.amount().stripTrailingZeros().toPlainString())
                        .amountFact("project.alloc", a.item(), a.amount(), "资金分配情况 · " + pr.name()).into(alloc));
            }
            p.add(alloc.var("list", String.join(w.pattern("s7.alloc_separator"), items)).done());
            p.add(w.sentence("七", h, "s7.period").var("period", text.period()).done());
        }
        return new Section("七", w.fill(w.t.title("七"), Map.of()), p);
    }
}
