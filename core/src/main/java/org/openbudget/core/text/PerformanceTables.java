package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Narrative.Indicator;
import org.openbudget.core.ledger.Narrative.ProjectText;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.money.Fen;

/**
 * The 绩效目标表 after 十二（四）: the 部门（单位）整体绩效目标表 (amounts by measure: 上级安排 = the
 * transfers, 本级安排 = the rest of 财政拨款, 其他 = everything else) and one 项目支出绩效目标表 per
 * project the dataset gives targets for, in the dataset's performance_order (else the order of its
 * project descriptions). 其中：财政拨款 = the project's 一般公共预算 money this year, 其他资金 =
 * its other current-year money, 年度预算总额 = their sum as printed. Classified projects have none.
 */
final class PerformanceTables {
    private PerformanceTables() {}

    static List<PerformanceTable> write(Writer w) {
        List<PerformanceTable> out = new ArrayList<>();
        Narrative n = w.narrative;
        if (n.overall() != null) {
            BigDecimal total = w.amount("total");
            BigDecimal fiscal = w.amount("fiscal");
            BigDecimal upper = w.amount("gpb.transfer").add(w.amount("gfb.transfer")).add(w.amount("soc.transfer"));
            out.add(new PerformanceTable("整体", w.unit, "", "", n.overall().contact(), total, fiscal, total.subtract(fiscal),
                    n.overall().goal(), indicators(n.overall().indicators()), n.overall().phone(), upper));
        }
        Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
        Map<String, Project> projects = w.budget.allProjects();
        List<ProjectText> ordered = new ArrayList<>();
        for (String code : n.performanceOrder()) n.project(code).ifPresent(ordered::add);
        for (ProjectText pt : n.projects()) if (!ordered.contains(pt)) ordered.add(pt);
        for (ProjectText pt : ordered) {
            Project pr = projects.get(pt.proCode());
            if (pt.target() == null || pr == null || pr.classified()) continue;
            ProjectMoney m = money.getOrDefault(pt.proCode(), new ProjectMoney(0, 0, 0, 0));
            BigDecimal fiscal = Amounts.printed(Fen.toWan(m.gpb()));
            BigDecimal other = Amounts.printed(Fen.toWan(m.fiscal() - m.gpb() + m.nonFiscal()));
            String unitName = w.budget.unit(pr.agencyCode()).map(Budget::agency).map(a -> a.name()).orElse(w.unit);
            out.add(new PerformanceTable("项目", unitName, pr.code(), pr.name(), pt.manager(),
                    fiscal.add(other), fiscal, other,
                    pt.target().goal(), indicators(pt.target().indicators()), "", null));
        }
        return out;
    }

    private static List<PerformanceTable.Indicator> indicators(List<Indicator> in) {
        List<PerformanceTable.Indicator> out = new ArrayList<>();
        for (Indicator i : in) {
            out.add(new PerformanceTable.Indicator(i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(),
                    i.weight(), i.scoringRule(), i.evidence()));
        }
        return out;
    }
}
