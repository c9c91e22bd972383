package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Narrative.Assets;
import org.openbudget.core.ledger.Narrative.Procurement;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.money.Fen;

/**
 * 第三部分 十二 其他重要事项的情况说明: （一）机关/事业单位运行经费 (= 表6 公用经费, wording by agency
 * type) with its change; （二）政府采购; （三）国有资产占用使用情况; （四）预算绩效 counts and amounts;
 * （五）other matters.
 */
final class Section12Other {
    private static final BigDecimal Z = Writer.ZERO;

    private Section12Other() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        running(w, p);
        procurement(w, p);
        assets(w, p);
        performance(w, p);
        String h5 = w.subHeading(5);
        p.add(h5 + w.fill(w.pattern("s12.heading5"), Map.of()));
        if (w.narrative.otherMatters().isEmpty()) p.add(w.sentence("十二", h5, "s12.no_other_matters").done());
        else for (String m : w.narrative.otherMatters()) p.add(otherMatter(w, h5, m));
        return new Section("十二", w.fill(w.t.title("十二"), Map.of()), p);
    }

    /**
     * A paragraph of 其他需说明的事项 as the dataset gives it; its numbers may be placeholders, then derived
     * and recorded: {classified_count} {classified_amount} (当年财政拨款涉密项目, from 表7),
     * {carry_count} {carry_total} (上年结转结余项目, from 表11), each amount with its modifiers (|plain, |0).
     */
    private static String otherMatter(Writer w, String part, String text) {
        Writer.Sentence s = w.literal("十二", part, text);
        if (text.contains("{classified_")) {
            Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
            int count = 0;
            BigDecimal amount = Z;
            for (Map.Entry<String, ProjectMoney> e : money.entrySet()) {
                Project pr = w.budget.allProjects().get(e.getKey());
                if (pr != null && pr.classified() && e.getValue().gpb() != 0) { count++; amount = amount.add(wan(e.getValue().gpb())); }
            }
            s.count("classified_count", "other.classified", "当年财政拨款涉密项目", count, "表7 涉密项目数")
                    .amount("classified_amount", "other.classified", "当年财政拨款涉密项目", amount, "表7 涉密项目之和");
        }
        if (text.contains("{carry_")) {
            int count = w.d.table(11).map(t -> t.rows(r -> r.kind() == org.openbudget.core.disclosure.RowKind.PROJECT).size()).orElse(0);
            s.count("carry_count", "other.carry", "上年结转结余项目", count, "表11 项目数")
                    .amount("carry_total", "other.carry", "上年结转结余项目", w.now("carry.total"), "表11 总计");
        }
        return s.done();
    }

    private static void running(Writer w, List<String> p) {
        String h = w.subHeading(1);
        p.add(h + w.fill(w.pattern("s12.heading1"), Map.of()));
        String label = w.budget.agency().type() == AgencyType.PUBLIC_INSTITUTION
                ? w.profile.rules().runningTermInstitution() : w.profile.rules().runningTermAdmin();
        BigDecimal cur = w.now("running");
        p.add(w.sentence("十二", h, "s12.running").var("running_label", label)
                .amount("amount", "running", label, cur, "表6 总计 公用经费")
                .change("", "running", label, cur, w.last("running"), "reason_sentence").done());
    }

    private static void procurement(Writer w, List<String> p) {
        String h = w.subHeading(2);
        p.add(h + w.fill(w.pattern("s12.heading2"), Map.of()));
        Procurement pr = w.narrative.procurement();
        if (pr == null) pr = new Procurement(Z, Z, Z, Z, Z);
        p.add(w.sentence("十二", h, "s12.procurement")
                .amount("total", "proc.total", "政府采购预算", scale(pr.total()), "货物 + 工程 + 服务")
                .amount("goods", "proc.goods", "政府采购货物预算", scale(pr.goods()), "数据集 procurement.goods")
                .amount("works", "proc.works", "政府采购工程预算", scale(pr.works()), "数据集 procurement.works")
                .amount("services", "proc.services", "政府采购服务预算", scale(pr.services()), "数据集 procurement.services").done());
        p.add(w.sentence("十二", h, "s12.reserved")
                .amount("sme", "proc.sme", "面向中小企业预留", scale(pr.sme()), "数据集 procurement.sme")
                .amount("micro", "proc.micro", "小微企业预留", scale(pr.micro()), "数据集 procurement.micro").done());
    }

    private static void assets(Writer w, List<String> p) {
        String h = w.subHeading(3);
        p.add(h + w.fill(w.pattern("s12.heading3"), Map.of()));
        Assets a = w.narrative.assets();
        if (a == null) a = new Assets(Z, Z, 0, Z, 0, Z, 0, Z, Z, Z, 0, 0, 0, 0, 0);
        p.add(w.sentence("十二", h, "s12.assets").done());
        p.add(w.sentence("十二", h, "s12.building").var("n", w.itemNumber(1))
                .quantity("area", "assets.building", "房屋", a.buildingArea(), "数据集 assets.building.area")
                .amount("value", "assets.building", "房屋", scale(a.buildingValue()), "数据集 assets.building.value").done());
        p.add(w.sentence("十二", h, "s12.vehicles").var("n", w.itemNumber(2))
                .count("count", "assets.vehicle", "车辆", a.cars(), "一般公务用车 + 执法执勤用车 + 其他车辆")
                .amount("value", "assets.vehicle", "车辆", scale(a.carsValue()), "一般公务用车 + 执法执勤用车 + 其他车辆")
                .count("official_count", "assets.vehicle.official", "一般公务用车", a.officialCars(), "数据集 assets.vehicles.official")
                .amount("official_value", "assets.vehicle.official", "一般公务用车", scale(a.officialCarsValue()), "数据集 assets.vehicles.official")
                .count("enforcement_count", "assets.vehicle.enforcement", "执法执勤用车", a.enforcementCars(), "数据集 assets.vehicles.enforcement")
                .amount("enforcement_value", "assets.vehicle.enforcement", "执法执勤用车", scale(a.enforcementCarsValue()), "数据集 assets.vehicles.enforcement")
                .count("other_count", "assets.vehicle.other", "其他车辆", a.otherCars(), "数据集 assets.vehicles.other")
                .amount("other_value", "assets.vehicle.other", "其他车辆", scale(a.otherCarsValue()), "数据集 assets.vehicles.other").done());
        p.add(w.sentence("十二", h, "s12.furniture").var("n", w.itemNumber(3))
                .amount("value", "assets.furniture", "办公家具", scale(a.furniture()), "数据集 assets.furniture").done());
        p.add(w.sentence("十二", h, "s12.other_assets").var("n", w.itemNumber(4))
                .amount("value", "assets.other", "其他资产", scale(a.other()), "数据集 assets.other").done());
        p.add(w.sentence("十二", h, "s12.equipment")
                .count("e50", "assets.equipment50", "单位价值50万元以上大型设备", a.equipment50(), "数据集 assets.equipment_50")
                .count("e100", "assets.equipment100", "单位价值100万元以上大型设备", a.equipment100(), "数据集 assets.equipment_100").done());
        Writer.Sentence s = w.sentence("十二", h, "s12.purchase");
        String vehicles = a.purchaseVehicles() == 0
                ? w.sentence("十二", h, "s12.purchase_no_vehicle")
                        .count("count", "assets.purchase.vehicle", "购置车辆", 0, "数据集 assets.purchase.vehicles").into(s)
                : w.sentence("十二", h, "s12.purchase_vehicle")
                        .count("count", "assets.purchase.vehicle", "购置车辆", a.purchaseVehicles(), "数据集 assets.purchase.vehicles").into(s);
        p.add(s.var("vehicles", vehicles)
                .count("e50", "assets.purchase.equipment50", "购置50万元以上大型设备", a.purchaseEquipment50(), "数据集 assets.purchase.equipment_50")
                .count("e100", "assets.purchase.equipment100", "购置100万元以上大型设备", a.purchaseEquipment100(), "数据集 assets.purchase.equipment_100").done());
    }

    private static void performance(Writer w, List<String> p) {
        String h = w.subHeading(4);
        p.add(h + w.fill(w.pattern("s12.heading4"), Map.of()));
        Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
        Map<String, Project> projects = w.budget.allProjects();
        // 当年财政拨款项目 = the projects of 表7 (一般公共预算 current year), their amount 表7's total
        int fiscalCount = 0, classifiedCount = 0, nonFiscalCount = 0;
        BigDecimal classified = Z;
        long nonFiscal = 0;
        for (Map.Entry<String, ProjectMoney> e : money.entrySet()) {
            ProjectMoney m = e.getValue();
            if (m.gpb() != 0) {
                fiscalCount++;
                Project pr = projects.get(e.getKey());
                if (pr != null && pr.classified()) { classifiedCount++; classified = classified.add(wan(m.gpb())); }
            }
            if (m.nonFiscal() != 0) { nonFiscalCount++; nonFiscal = Math.addExact(nonFiscal, m.nonFiscal()); }
        }
        BigDecimal fiscal = w.now("gpb.project");
        boolean overall = w.narrative.overall() != null;
        Writer.Sentence s = w.sentence("十二", h, "s12.performance")
                .count("overall_count", "perf.overall", "整体预算绩效目标", overall ? 1 : 0, "数据集 performance.overall")
                .amount("overall_amount", "perf.overall", "整体预算绩效目标", overall ? w.now("total") : Z, "表1 收入总计")
                .count("fiscal_count", "perf.fiscal", "当年财政拨款项目", fiscalCount, "有当年财政拨款的项目数")
                .amount("fiscal_amount", "perf.fiscal", "当年财政拨款项目", fiscal, "表7 总计（= 表5 项目支出）")
                .count("nonfiscal_count", "perf.nonfiscal", "当年非财政拨款项目", nonFiscalCount, "有当年非财政拨款的项目数")
                .amount("nonfiscal_amount", "perf.nonfiscal", "当年非财政拨款项目", wan(nonFiscal), "这些项目的当年非财政拨款");
        String classifiedClause = classifiedCount == 0 ? "" : w.sentence("十二", h, "s12.performance_classified")
                .count("count", "perf.classified", "涉密项目", classifiedCount, "涉密项目数")
                .amount("amount", "perf.classified", "涉密项目", classified, "表7 涉密项目之和").into(s);
        p.add(s.var("classified", classifiedClause).done());
    }

    private static BigDecimal wan(long fen) {
        return Amounts.printed(Fen.toWan(fen));
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? Z : Amounts.printed(v);
    }
}
