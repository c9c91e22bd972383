package org.openbudget.web.forms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Narrative.Indicator;
import org.openbudget.core.ledger.Project;
import org.openbudget.io.dataset.DatasetReader;

/**
 * A unit's budget written as a dataset (docs/dataset.md): how a dataset uploaded as an Excel workbook
 * becomes YAML when it is edited in the browser. Reading the text back gives the same budget.
 */
public final class BudgetYaml {
    private BudgetYaml() {}

    public static String write(Budget b) {
        if (b.isDepartment()) throw new IllegalArgumentException("a unit's budget is expected");
        Map<String, YamlOut.Node> keys = new LinkedHashMap<>();
        keys.put("format", YamlOut.literal(DatasetReader.FORMAT, null));
        if (b.isFinal()) keys.put("basis", YamlOut.scalar(org.openbudget.core.ledger.Accounts.FINAL, null));
        keys.put("budget_year", YamlOut.literal(String.valueOf(b.year()), null));
        keys.put("profile", YamlOut.scalar(b.profileId(), null));
        keys.put("agency", YamlOut.map(null).put("agency_code", YamlOut.scalar(b.agency().code(), null))
                .put("agency_name", YamlOut.scalar(b.agency().name(), null)).put("agency_kind", YamlOut.scalar(b.agency().kind().label(), null))
                .put("agency_type", YamlOut.scalar(b.agency().type().label(), null)));
        if (!b.projects().isEmpty()) {
            YamlOut.Seq ps = YamlOut.seq(null);
            for (Project p : b.projects()) {
                ps.add(YamlOut.map(null).put("pro_code", YamlOut.scalar(p.code(), null)).put("pro_name", YamlOut.scalar(p.name(), null))
                        .put("agency_code", YamlOut.scalar(p.agencyCode(), null)).put("classified", YamlOut.literal(String.valueOf(p.classified()), null)));
            }
            keys.put("projects", ps);
        }
        if (!b.lines().isEmpty()) {
            YamlOut.Seq ls = YamlOut.seq(null);
            for (LedgerLine l : b.lines()) {
                YamlOut.Mapping m = YamlOut.flowMap(null).put("exp_func_code", YamlOut.scalar(l.funcCode(), null))
                        .put("dep_bgt_eco_code", YamlOut.scalar(l.ecoCode(), null)).put("nature", YamlOut.scalar(l.nature().label(), null));
                if (l.projectCode() != null) m.put("pro_code", YamlOut.scalar(l.projectCode(), null));
                m.put("fund_source", YamlOut.scalar(l.fundSource(), null)).put("amount", YamlOut.scalar(yuan(l.amountFen()), null));
                ls.add(m);
            }
            keys.put("lines", ls);
        }
        accounts(b, keys);
        narrative(b.narrative(), keys);
        StringBuilder out = new StringBuilder();
        keys.forEach((k, v) -> out.append(YamlOut.topLevel(k, v).text()));
        return out.toString();
    }

    /** A 决算's accounts: each flow's entries (the 年初预算数 as entries: a browser's dataset names no other file). */
    private static void accounts(Budget b, Map<String, YamlOut.Node> keys) {
        if (!b.isFinal() || b.accounts().flows().isEmpty()) return;
        YamlOut.Mapping a = YamlOut.map(null);
        b.accounts().flows().forEach((flow, entries) -> {
            YamlOut.Seq s = YamlOut.seq(null);
            for (LedgerLine l : entries) {
                YamlOut.Mapping m = YamlOut.flowMap(null).put("exp_func_code", YamlOut.scalar(l.funcCode(), null))
                        .put("fund_source", YamlOut.scalar(l.fundSource(), null)).put("amount", YamlOut.scalar(yuan(l.amountFen()), null));
                if (l.ecoCode() != null && !l.ecoCode().isEmpty()) m.put("dep_bgt_eco_code", YamlOut.scalar(l.ecoCode(), null));
                if (l.nature() != null) m.put("nature", YamlOut.scalar(l.nature().label(), null));
                if (l.projectCode() != null) m.put("pro_code", YamlOut.scalar(l.projectCode(), null));
                s.add(m);
            }
            a.put(flow, s.isEmpty() ? YamlOut.flowSeq(null) : s);
        });
        keys.put("accounts", a);
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal v) { return v == null ? "" : v.toPlainString(); }

    private static void narrative(Narrative n, Map<String, YamlOut.Node> keys) {
        if (n.isEmpty()) return;
        if (!n.functions().isEmpty() || !n.offices().isEmpty() || n.personnel() != null) {
            YamlOut.Mapping o = YamlOut.map(null);
            if (!n.functions().isEmpty()) o.put("functions", strings(n.functions()));
            o.put("offices", n.offices().isEmpty() ? YamlOut.flowSeq(null) : strings(n.offices()));
            var p = n.personnel();
            if (p != null) {
                o.put("personnel", YamlOut.flowMap(null).put("authorized", num(p.authorized())).put("active", num(p.active()))
                        .put("active_change", num(p.activeChange())).put("retired", num(p.retired())).put("retired_change", num(p.retiredChange()))
                        .put("honorary", num(p.honorary())).put("honorary_change", num(p.honoraryChange())));
            }
            keys.put("overview", o);
        }
        if (!n.lastYear().amounts().isEmpty()) {
            YamlOut.Mapping a = YamlOut.map(null);
            n.lastYear().amounts().forEach((k, v) -> a.put(k, YamlOut.scalar(plain(v), null)));
            keys.put("last_year", YamlOut.map(null).put("amounts", a));
        }
        if (!n.reasons().isEmpty()) keys.put("reasons", texts(n.reasons()));
        if (!n.classNotes().isEmpty()) keys.put("class_notes", texts(n.classNotes()));
        if (!n.projects().isEmpty()) {
            YamlOut.Seq s = YamlOut.seq(null);
            for (Narrative.ProjectText t : n.projects()) {
                YamlOut.Mapping m = YamlOut.map(null).put("pro_code", YamlOut.scalar(t.proCode(), null)).text("basis", t.basis(), null);
                if (!t.allocation().isEmpty()) {
                    YamlOut.Seq a = YamlOut.seq(null);
                    for (Narrative.Allocation al : t.allocation()) {
                        a.add(YamlOut.flowMap(null).put("item", YamlOut.scalar(al.item(), null)).put("amount", YamlOut.scalar(plain(al.amount()), null)));
                    }
                    m.put("allocation", a);
                }
                m.text("period", t.period(), null).text("manager", t.manager(), null);
                if (t.target() != null) {
                    YamlOut.Mapping target = YamlOut.map(null).text("goal", t.target().goal(), null);
                    if (!t.target().indicators().isEmpty()) target.put("indicators", indicators(t.target().indicators()));
                    m.put("target", target);
                }
                s.add(m);
            }
            keys.put("project_texts", s);
        }
        if (!n.performanceOrder().isEmpty()) keys.put("performance_order", flowStrings(n.performanceOrder()));
        if (n.overall() != null) {
            var o = n.overall();
            YamlOut.Mapping m = YamlOut.map(null).text("contact", o.contact(), null).text("phone", o.phone(), null).text("goal", o.goal(), null);
            if (!o.indicators().isEmpty()) m.put("indicators", indicators(o.indicators()));
            keys.put("performance_overall", m);
        }
        if (!n.carryOver().isEmpty()) {
            YamlOut.Seq s = YamlOut.seq(null);
            for (Narrative.CarryOverNote c : n.carryOver()) s.add(YamlOut.flowMap(null).put("pro_code", YamlOut.scalar(c.proCode(), null)).text("note", c.note(), null));
            keys.put("carry_over_notes", s);
        }
        if (n.procurement() != null) {
            var p = n.procurement();
            keys.put("procurement", YamlOut.flowMap(null).put("goods", wan(p.goods())).put("works", wan(p.works())).put("services", wan(p.services()))
                    .put("sme", wan(p.sme())).put("micro", wan(p.micro())));
        }
        if (n.assets() != null) {
            var a = n.assets();
            keys.put("assets", YamlOut.map(null)
                    .put("building", YamlOut.flowMap(null).put("area", wan(a.buildingArea())).put("value", wan(a.buildingValue())))
                    .put("vehicles", YamlOut.map(null)
                            .put("official", YamlOut.flowMap(null).put("count", num(a.officialCars())).put("value", wan(a.officialCarsValue())))
                            .put("enforcement", YamlOut.flowMap(null).put("count", num(a.enforcementCars())).put("value", wan(a.enforcementCarsValue())))
                            .put("other", YamlOut.flowMap(null).put("count", num(a.otherCars())).put("value", wan(a.otherCarsValue()))))
                    .put("furniture", wan(a.furniture())).put("other", wan(a.other()))
                    .put("equipment_50", num(a.equipment50())).put("equipment_100", num(a.equipment100()))
                    .put("purchase", YamlOut.flowMap(null).put("vehicles", num(a.purchaseVehicles())).put("equipment_50", num(a.purchaseEquipment50()))
                            .put("equipment_100", num(a.purchaseEquipment100()))));
        }
        if (!n.otherMatters().isEmpty()) keys.put("other_matters", strings(n.otherMatters()));
        if (!n.closingDate().isEmpty()) keys.put("closing_date", YamlOut.scalar(n.closingDate(), null));
        var t = n.threePublic();
        if (t != null) {
            YamlOut.Mapping m = YamlOut.flowMap(null);
            for (int i = 0; i < t.values().size(); i++) m.put(Narrative.ThreePublic.FIELDS.get(i), num(t.values().get(i)));
            keys.put("three_public", m);
        }
        var ev = n.evaluation();
        if (ev != null) {
            keys.put("performance_evaluation", YamlOut.flowMap(null).put("target_projects", num(ev.targetProjects())).put("target_amount", wan(ev.targetAmount()))
                    .put("monitored_projects", num(ev.monitoredProjects())).put("self_evaluated", num(ev.selfEvaluated()))
                    .put("self_amount", wan(ev.selfAmount())).put("average_score", wan(ev.averageScore())).put("excellent", num(ev.excellent()))
                    .put("good", num(ev.good())).put("pass", num(ev.pass())).put("fail", num(ev.fail())));
        }
    }

    private static YamlOut.Scalar num(int v) { return YamlOut.literal(String.valueOf(v), null); }

    private static YamlOut.Scalar wan(BigDecimal v) { return YamlOut.scalar(plain(v), null); }

    private static YamlOut.Seq strings(List<String> l) {
        YamlOut.Seq s = YamlOut.seq(null);
        for (String t : l) s.add(YamlOut.scalar(t, null));
        return s;
    }

    private static YamlOut.Seq flowStrings(List<String> l) {
        YamlOut.Seq s = YamlOut.flowSeq(null);
        for (String t : l) s.add(YamlOut.scalar(t, null));
        return s;
    }

    private static YamlOut.Mapping texts(Map<String, String> m) {
        YamlOut.Mapping out = YamlOut.map(null);
        m.forEach((k, v) -> out.put(k, YamlOut.scalar(v, null)));
        return out;
    }

    private static YamlOut.Seq indicators(List<Indicator> list) {
        YamlOut.Seq s = YamlOut.seq(null);
        for (Indicator i : list) {
            String[] c = {i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(), plain(i.weight()), i.scoringRule(), i.evidence()};
            int last = 2;
            for (int k = 0; k < 9; k++) if (c[k] != null && !c[k].isEmpty()) last = Math.max(last, k);
            YamlOut.Seq row = YamlOut.flowSeq(null);
            for (int k = 0; k <= last; k++) row.add(YamlOut.scalar(c[k] == null ? "" : c[k], null));
            s.add(row);
        }
        return s;
    }
}
