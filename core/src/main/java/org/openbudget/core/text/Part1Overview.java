package org.openbudget.core.text;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Narrative.Personnel;

/**
 * 第一部分 概况: 主要职能 (numbered), 机构设置 (a unit: its offices; a department: its 本级's offices
 * and its units, counted by type) and 人员情况 (实有人数 = 在职 + 退休 + 离休, each with its change).
 */
final class Part1Overview {
    static final String SECTION = "第一部分";

    private Part1Overview() {}

    static Overview write(Writer w) {
        Narrative n = w.narrative;
        List<String> p = new ArrayList<>();
        p.add(w.sentence(SECTION, "", "p1.functions_heading").done());
        for (int i = 0; i < n.functions().size(); i++) p.add(w.subHeading(i + 1) + n.functions().get(i));
        p.add(w.sentence(SECTION, "", "p1.structure_heading")
                .name(null, "agency.type", "单位类型", w.budget.agency().type().label(), "数据集 agency.agency_type").done());
        String offices = n.offices().isEmpty() ? w.pattern("p1.no_offices") : String.join("、", n.offices()) + "。";
        List<String> units = new ArrayList<>();
        if (w.budget.isDepartment()) {
            List<Budget> members = w.budget.units();
            p.add(w.sentence(SECTION, "", "p1.department_structure")
                    .count("count", "units.subordinate", "下属预算单位", members.size() - 1, "部门数据集 units − 本级").done());
            p.add(w.sentence(SECTION, "", "p1.department_offices").count("count", "offices", "内设处室", n.offices().size(), "数据集 offices")
                    .var("offices", offices).done());
            int admin = (int) members.stream().filter(u -> u.agency().type() == AgencyType.ADMINISTRATIVE).count();
            p.add(w.sentence(SECTION, "", "p1.department_units")
                    .count("admin", "units.administrative", "行政单位", admin, "单位类型 行政")
                    .count("institution", "units.institution", "事业单位", members.size() - admin, "单位类型 事业、参公").done());
            int i = 0;
            for (Budget u : members) {
                String name = u.agency().name();
                String printed = name.equals(w.unit) ? w.fill(w.pattern("p1.benji"), java.util.Map.of("name", name)) : name;
                units.add(printed);
                p.add(w.fill(w.pattern("p1.department_unit"), java.util.Map.of("n", w.listNumber(++i), "name", printed)));
            }
        } else {
            p.add(w.sentence(SECTION, "", "p1.unit_structure").count("count", "offices", "内设处室", n.offices().size(), "数据集 offices")
                    .var("offices", offices).done());
        }
        Staffing staffing = null;
        Personnel s = n.personnel();
        if (s != null) {
            // each number's key and subject as the dictionary declares them (refdata/measures.yaml, statements: overview:)
            p.add(w.sentence(SECTION, "", "p1.staffing")
                    .stated(staffing(w, "authorized"), s.authorized(), "数据集 personnel.authorized")
                    .stated(staffing(w, "actual"), s.actual(), "在职 + 退休 + 离休")
                    .stated(staffing(w, "active"), s.active(), "数据集 personnel.active")
                    .signed(staffing(w, "active_change"), "active_word", s.activeChange(), "数据集 personnel.active_change")
                    .stated(staffing(w, "retired"), s.retired(), "数据集 personnel.retired")
                    .signed(staffing(w, "retired_change"), "retired_word", s.retiredChange(), "数据集 personnel.retired_change")
                    .stated(staffing(w, "honorary"), s.honorary(), "数据集 personnel.honorary")
                    .signed(staffing(w, "honorary_change"), "honorary_word", s.honoraryChange(), "数据集 personnel.honorary_change")
                    .done());
            staffing = new Staffing(s.authorized(), s.actual(), s.active(), s.activeChange(), s.retired(), s.retiredChange(),
                    s.honorary(), s.honoraryChange());
        }
        return new Overview(n.functions(), units, n.offices(), staffing, p);
    }

    /** What the staffing sentence states under a placeholder (the dictionary's {@code overview} statements). */
    private static org.openbudget.core.measure.Statement staffing(Writer w, String var) {
        return w.statement(org.openbudget.core.measure.Statement.OVERVIEW, "staffing", var);
    }
}
