package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative.Allocation;
import org.openbudget.core.ledger.Narrative.Assets;
import org.openbudget.core.ledger.Narrative.CarryOverNote;
import org.openbudget.core.ledger.Narrative.Procurement;
import org.openbudget.core.ledger.Narrative.ProjectText;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Fen;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Stated;
import org.openbudget.core.text.OutlineWalker.Place;

/**
 * The outline's blocks that walk more than the tables: the budgets a table of 财政拨款 splits into and the
 * 类 each pays for ({@code budgets}), the projects ({@code projects}), the carried-over projects
 * ({@code carry_over}), and the dataset's procurement, assets, performance counts and other matters.
 * Each writes with the patterns under its prefix ({@link org.openbudget.core.profile.TextOutline#NARRATIVE})
 * and reads its tables by shape and scope ({@code table:}), its amounts by measure.
 */
final class NarrativeBlocks {
    private static final BigDecimal Z = Writer.ZERO;
    private static final Pattern ITEM = Pattern.compile("\\{(\\d{7})\\}");

    private NarrativeBlocks() {}

    static void write(Writer w, Place at, Block b) {
        switch (b.kind()) {
            case "budgets" -> budgets(w, at, b);
            case "projects" -> projects(w, at, b);
            case "carry_over" -> carryOver(w, at, b);
            case "procurement" -> procurement(w, at, b);
            case "three_public" -> threePublic(w, at, b);
            case "evaluation" -> evaluation(w, at, b);
            case "assets" -> assets(w, at, b);
            case "performance" -> performance(w, at, b);
            case "other_matters" -> otherMatters(w, at, b);
            default -> throw new IllegalStateException("template profile " + w.profile.id() + ": unknown outline block " + b.kind());
        }
    }

    private static String p(Block b, String suffix) {
        return b.sentence() + "." + suffix;
    }

    /**
     * The budgets (items: key, measure, label, absent_label, expense_label, class_key) that the summary table of
     * {@code table} splits its money into: which are present, their amounts, and per present budget the 类 of
     * the table's expense side in that budget's column, each with the dataset's 主要用于 note. A note may cite
     * a 项 as {2060501}: it prints as that row's amount in the table of {@code rows}, a fact of {@code key}.
     */
    private static void budgets(Writer w, Place at, Block b) {
        List<Item> present = new ArrayList<>();
        List<Item> absent = new ArrayList<>();
        for (Item i : b.items()) (w.amount(i.measure()).signum() != 0 ? present : absent).add(i);
        String presentLabels = String.join("、", present.stream().map(Item::label).toList());
        String absentLabels = String.join("和", absent.stream().map(i -> i.word("absent_label")).toList());
        String sourcesKey = present.size() == 1 ? "sources_one" : absent.isEmpty() ? "sources_all" : "sources_some";
        if (!present.isEmpty()) at.paragraphs.add(w.sentence(at.section, at.part, p(b, sourcesKey)).var("present", presentLabels).var("absent", absentLabels).done());
        Writer.Sentence income = w.sentence(at.section, at.part, p(b, "income"));
        List<String> items = new ArrayList<>();
        for (Item i : present) {
            items.add(w.sentence(at.section, at.part, p(b, "income_item")).var("label", i.label())
                    .amount("amount", i.key(), i.label(), w.amount(i.measure()), w.tables.source(i.measure())).into(income));
        }
        if (!present.isEmpty()) at.paragraphs.add(income.var("list", String.join("、", items)).done());
        Optional<TableAmounts.Found> table = w.tables.table(b.table());
        if (table.isEmpty()) return;
        TableAmounts.Found t = table.get();
        for (Item i : present) {
            int col = w.tables.column(t, i.measure());
            if (col < 0) continue;
            Writer.Sentence s = w.sentence(at.section, at.part, p(b, "expense")).var("budget", i.word("expense_label"));
            List<String> classes = new ArrayList<>();
            for (Row r : t.table().rows()) {
                if (r.side() != Side.EXPENSE || r.kind() != RowKind.CLASS) continue;
                BigDecimal v = w.printed(r.value(col));
                if (v.signum() == 0) continue;
                String key = i.word("class_key") + ":" + r.code();
                String note = w.narrative.classNotes().getOrDefault(r.code(), "").trim();
                while (note.endsWith("。") || note.endsWith("；")) note = note.substring(0, note.length() - 1);
                String printedNote = note.isEmpty() ? "" : expandItems(w, b, note, s);
                String finalNote = printedNote;
                String src = t.name() + " " + r.code() + " " + t.table().columns().get(col);
                Writer.Sentence item = w.sentence(at.section, at.part, p(b, note.isEmpty() ? "expense_item" : "expense_item_noted"))
                        .var("class", r.name()).var("note", printedNote)
                        .fact(sentence -> new TextFact(at.section, at.part, key, r.name(), FactKind.AMOUNT, v, "", finalNote, List.of(), src, sentence));
                item.var("amount", w.money(v));
                classes.add(item.into(s));
            }
            at.paragraphs.add(s.var("list", String.join("；", classes)).done());
        }
    }

    /** Replaces {2060501} in a note by that row's printed amount in the block's rows table, recording the fact. */
    private static String expandItems(Writer w, Block b, String note, Writer.Sentence s) {
        Matcher m = ITEM.matcher(note);
        StringBuilder out = new StringBuilder();
        TableAmounts.ClassRows rows = b.rows() == null ? null : w.tables.rows(b.rows());
        while (m.find()) {
            String code = m.group(1);
            BigDecimal v = Z;
            String src = "";
            if (rows != null && rows.table() != null && rows.column() >= 0) {
                for (Row r : rows.rows()) if (r.code().equals(code)) { v = w.printed(r.value(rows.column())); break; }
                src = rows.table().name() + " " + rows.table().table().columns().get(rows.column()) + " · " + code;
            }
            s.amountFact(b.key() + ":" + code, w.ref.functional().nameOrCode(code), v, src);
            m.appendReplacement(out, Matcher.quoteReplacement(w.money(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Each project of the table of {@code table} (a row per project) — 项目名称, 设立的政策依据, 预算安排规模 (its
     * 一般公共预算 money this year), 项目承担单位, 资金分配情况, 资金执行时间. A classified project says the
     * withheld pattern for its basis, allocation and period. Order: the dataset's project descriptions, then
     * any other project of the table in table order.
     */
    private static void projects(Writer w, Place at, Block b) {
        Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
        Map<String, Project> projects = w.budget.allProjects();
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (ProjectText pt : w.narrative.projects()) {
            ProjectMoney m = money.get(pt.proCode());
            if (m != null && m.gpb() != 0) order.add(pt.proCode());
        }
        Map<String, String> byName = new HashMap<>();
        projects.values().forEach(pr -> byName.putIfAbsent(pr.name(), pr.code()));
        Optional<TableAmounts.Found> table = w.tables.table(b.table());
        String where = table.map(TableAmounts.Found::name).orElse("");
        table.ifPresent(t -> {
            for (Row r : t.table().rows(x -> x.kind() == RowKind.PROJECT)) {
                String code = byName.get(r.project());
                if (code != null) order.add(code);
            }
        });
        if (order.isEmpty()) at.paragraphs.add(w.sentence(at.section, at.part, p(b, "none")).done());
        int n = 0;
        for (String code : order) {
            Project pr = projects.get(code);
            String h = w.subHeading(++n);
            ProjectText text = w.narrative.project(code).orElse(new ProjectText(code, "", List.of(), "", "", null));
            at.paragraphs.add(w.sentence(at.section, h, p(b, "name")).var("h", h).name("name", "project.name", pr.name(), pr.name(), where + " 项目名称").done());
            String withheld = w.pattern(p(b, "withheld"));
            if (pr.classified()) {
                at.paragraphs.add(w.sentence(at.section, h, p(b, "basis")).var("basis", withheld).name(null, "project.withheld", pr.name(), withheld, "涉密项目").done());
            } else {
                at.paragraphs.add(w.sentence(at.section, h, p(b, "basis")).var("basis", text.basis()).done());
            }
            BigDecimal amount = wan(w, money.get(code).gpb());
            at.paragraphs.add(w.sentence(at.section, h, p(b, "amount")).amount("amount", "project.amount", pr.name(), amount, where + " " + pr.name() + " 合计").done());
            String unitName = w.budget.unit(pr.agencyCode()).map(Budget::agency).map(a -> a.name()).orElse(w.unit);
            at.paragraphs.add(w.sentence(at.section, h, p(b, "unit")).name("unit_name", "project.unit", pr.name(), unitName, "项目承担单位").done());
            if (pr.classified()) {
                at.paragraphs.add(w.sentence(at.section, h, p(b, "alloc")).var("list", withheld.replaceAll("。$", "")).done());
                at.paragraphs.add(w.sentence(at.section, h, p(b, "period")).var("period", withheld).done());
                continue;
            }
            Writer.Sentence alloc = w.sentence(at.section, h, p(b, "alloc"));
            List<String> items = new ArrayList<>();
            for (Allocation a : text.allocation()) {
                items.add(w.literal(at.section, h, w.pattern(p(b, "alloc_item"))).var("item", a.item())
                        .var("amount", w.given(a.amount()).stripTrailingZeros().toPlainString())
                        .amountFact("project.alloc", a.item(), w.given(a.amount()), "资金分配情况 · " + pr.name()).into(alloc));
            }
            at.paragraphs.add(alloc.var("list", String.join(w.pattern(p(b, "alloc_separator")), items)).done());
            at.paragraphs.add(w.sentence(at.section, h, p(b, "period")).var("period", text.period()).done());
        }
    }

    /**
     * The table of {@code table} (a row per project, a 基本支出 row per unit): the total sentence stating the
     * block's amounts, then each project (in the order of the dataset's carry-over notes, then the table's) with
     * what it is 主要用于 — a classified project says it is withheld — then each unit's 基本支出 row.
     */
    private static void carryOver(Writer w, Place at, Block b) {
        TableAmounts.Found t = w.tables.table(b.table()).orElseThrow();
        Writer.Sentence total = w.sentence(at.section, at.part, p(b, "total"));
        OutlineWalker.state(w, total, b.amounts());
        at.paragraphs.add(total.done());
        Map<String, Project> projects = w.budget.allProjects();
        Map<String, String> byName = new HashMap<>();
        projects.values().forEach(pr -> byName.putIfAbsent(pr.name(), pr.code()));
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Row> basics = new ArrayList<>();
        for (Row r : t.table().rows()) {
            if (r.kind() == RowKind.PROJECT && byName.containsKey(r.project())) rows.put(byName.get(r.project()), r);
            if (r.kind() == RowKind.LINE && r.key().equals("basic")) basics.add(r);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (CarryOverNote c : w.narrative.carryOver()) notes.put(c.proCode(), c.note());
        List<String> order = new ArrayList<>();
        for (String code : notes.keySet()) if (rows.containsKey(code)) order.add(code);
        for (String code : rows.keySet()) if (!order.contains(code)) order.add(code);
        String column = t.table().columns().isEmpty() ? "" : t.table().columns().get(0);
        int n = 0;
        for (String code : order) {
            Project pr = projects.get(code);
            BigDecimal v = w.printed(rows.get(code).value(0));
            String number = w.itemNumber(++n);
            String part = number.trim();
            String note = notes.getOrDefault(code, "").trim().replaceAll("[。；]+$", "");
            at.paragraphs.add(w.sentence(at.section, part, p(b, pr.classified() ? "withheld" : "project")).var("n", number)
                    .var("note", note).var("name", Writer.spaced(pr.name()))
                    .amount("amount", "carry.project", pr.name(), v, t.name() + " " + pr.name() + " " + column).done());
        }
        for (Row r : basics) {
            String number = w.itemNumber(++n);
            String part = number.trim();
            at.paragraphs.add(w.sentence(at.section, part, p(b, "basic")).var("n", number).var("unit_name", r.unit())
                    .amount("amount", "carry.basic", r.unit() + " 基本支出", w.printed(r.value(0)),
                            t.name() + " " + r.unit() + " 基本支出 " + column).done());
        }
    }

    /**
     * A 决算's “三公” details (团组/人次, 车辆购置数/保有量, 接待批次/人次 and 外宾): the dataset's counts, stated only when
     * the dataset gives them (the tables hold the money, never the counts).
     */
    private static void threePublic(Writer w, Place at, Block b) {
        org.openbudget.core.ledger.Narrative.ThreePublic t = w.narrative.threePublic();
        if (t == null) return;
        String src = "数据集 three_public.";
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "abroad"))
                .stated(w.statement("three_public", "abroad", "groups"), t.abroadGroups(), src + "abroad_groups")
                .stated(w.statement("three_public", "abroad", "persons"), t.abroadPersons(), src + "abroad_persons").done());
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "vehicles"))
                .stated(w.statement("three_public", "vehicles", "purchased"), t.vehiclesPurchased(), src + "vehicles_purchased")
                .stated(w.statement("three_public", "vehicles", "held"), t.vehiclesHeld(), src + "vehicles_held").done());
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "reception"))
                .stated(w.statement("three_public", "reception", "batches"), t.receptionBatches(), src + "reception_batches")
                .stated(w.statement("three_public", "reception", "persons"), t.receptionPersons(), src + "reception_persons")
                .stated(w.statement("three_public", "reception", "foreign_batches"), t.foreignBatches(), src + "foreign_batches")
                .stated(w.statement("three_public", "reception", "foreign_persons"), t.foreignPersons(), src + "foreign_persons").done());
    }

    private static void procurement(Writer w, Place at, Block b) {
        Procurement pr = w.narrative.procurement();
        if (pr == null && w.budget.isFinal()) return;   // a 决算 states its procurement when the dataset gives it
        if (pr == null) pr = new Procurement(Z, Z, Z, Z, Z);
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "procurement"))
                .stated(w.statement("procurement", "procurement", "total"), w.printed(pr.total()), "货物 + 工程 + 服务")
                .stated(w.statement("procurement", "procurement", "goods"), w.printed(pr.goods()), "数据集 procurement.goods")
                .stated(w.statement("procurement", "procurement", "works"), w.printed(pr.works()), "数据集 procurement.works")
                .stated(w.statement("procurement", "procurement", "services"), w.printed(pr.services()), "数据集 procurement.services").done());
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "reserved"))
                .stated(w.statement("procurement", "reserved", "sme"), w.printed(pr.sme()), "数据集 procurement.sme")
                .stated(w.statement("procurement", "reserved", "micro"), w.printed(pr.micro()), "数据集 procurement.micro").done());
    }

    /**
     * A 决算's 绩效评价 results (绩效目标, 绩效监控, 绩效自评 with its average score, and the grades when any project was
     * graded): the dataset's figures, stated only when the dataset gives them; without them the profile's
     * {@code .evaluation_none} sentence, when it has one.
     */
    private static void evaluation(Writer w, Place at, Block b) {
        org.openbudget.core.ledger.Narrative.Evaluation e = w.narrative.evaluation();
        if (e == null) {
            // nothing to state: the profile's sentence saying so, when it has one (a section is never left empty)
            if (w.hasPattern(p(b, "evaluation_none"))) at.paragraphs.add(w.sentence(at.section, at.part, p(b, "evaluation_none")).done());
            return;
        }
        String src = "数据集 performance_evaluation.";
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "evaluation"))
                .stated(w.statement("evaluation", "evaluation", "targets"), e.targetProjects(), src + "target_projects")
                .stated(w.statement("evaluation", "evaluation", "target_amount"), w.printed(e.targetAmount()), src + "target_amount")
                .stated(w.statement("evaluation", "evaluation", "monitored"), e.monitoredProjects(), src + "monitored_projects")
                .stated(w.statement("evaluation", "evaluation", "self"), e.selfEvaluated(), src + "self_evaluated")
                .stated(w.statement("evaluation", "evaluation", "self_amount"), w.printed(e.selfAmount()), src + "self_amount")
                .stated(w.statement("evaluation", "evaluation", "score"), e.averageScore(), src + "average_score").done());
        if (e.graded() == 0) return;
        at.paragraphs.add(w.sentence(at.section, at.part, p(b, "grades"))
                .stated(w.statement("evaluation", "grades", "excellent"), e.excellent(), src + "excellent")
                .stated(w.statement("evaluation", "grades", "good"), e.good(), src + "good")
                .stated(w.statement("evaluation", "grades", "pass"), e.pass(), src + "pass")
                .stated(w.statement("evaluation", "grades", "fail"), e.fail(), src + "fail").done());
    }

    private static void assets(Writer w, Place at, Block b) {
        String h = at.part;
        String sec = at.section;
        List<String> out = at.paragraphs;
        Assets a = w.narrative.assets();
        if (a == null && w.budget.isFinal()) return;   // a 决算 states its assets when the dataset gives them
        if (a == null) a = new Assets(Z, Z, 0, Z, 0, Z, 0, Z, Z, Z, 0, 0, 0, 0, 0);
        out.add(w.sentence(sec, h, p(b, "assets")).done());
        out.add(w.sentence(sec, h, p(b, "building")).var("n", w.itemNumber(1))
                .stated(w.statement("assets", "building", "area"), a.buildingArea(), "数据集 assets.building.area")
                .stated(w.statement("assets", "building", "value"), w.printed(a.buildingValue()), "数据集 assets.building.value").done());
        out.add(w.sentence(sec, h, p(b, "vehicles")).var("n", w.itemNumber(2))
                .stated(w.statement("assets", "vehicles", "count"), a.cars(), "一般公务用车 + 执法执勤用车 + 其他车辆")
                .stated(w.statement("assets", "vehicles", "value"), w.printed(a.carsValue()), "一般公务用车 + 执法执勤用车 + 其他车辆")
                .stated(w.statement("assets", "vehicles", "official_count"), a.officialCars(), "数据集 assets.vehicles.official")
                .stated(w.statement("assets", "vehicles", "official_value"), w.printed(a.officialCarsValue()), "数据集 assets.vehicles.official")
                .stated(w.statement("assets", "vehicles", "enforcement_count"), a.enforcementCars(), "数据集 assets.vehicles.enforcement")
                .stated(w.statement("assets", "vehicles", "enforcement_value"), w.printed(a.enforcementCarsValue()), "数据集 assets.vehicles.enforcement")
                .stated(w.statement("assets", "vehicles", "other_count"), a.otherCars(), "数据集 assets.vehicles.other")
                .stated(w.statement("assets", "vehicles", "other_value"), w.printed(a.otherCarsValue()), "数据集 assets.vehicles.other").done());
        out.add(w.sentence(sec, h, p(b, "furniture")).var("n", w.itemNumber(3))
                .stated(w.statement("assets", "furniture", "value"), w.printed(a.furniture()), "数据集 assets.furniture").done());
        out.add(w.sentence(sec, h, p(b, "other_assets")).var("n", w.itemNumber(4))
                .stated(w.statement("assets", "other_assets", "value"), w.printed(a.other()), "数据集 assets.other").done());
        out.add(w.sentence(sec, h, p(b, "equipment"))
                .stated(w.statement("assets", "equipment", "e50"), a.equipment50(), "数据集 assets.equipment_50")
                .stated(w.statement("assets", "equipment", "e100"), a.equipment100(), "数据集 assets.equipment_100").done());
        Writer.Sentence s = w.sentence(sec, h, p(b, "purchase"));
        String vehicles = a.purchaseVehicles() == 0
                ? w.sentence(sec, h, p(b, "purchase_no_vehicle"))
                        .stated(w.statement("assets", "purchase_no_vehicle", ""), 0, "数据集 assets.purchase.vehicles").into(s)
                : w.sentence(sec, h, p(b, "purchase_vehicle"))
                        .stated(w.statement("assets", "purchase_vehicle", "count"), a.purchaseVehicles(), "数据集 assets.purchase.vehicles").into(s);
        out.add(s.var("vehicles", vehicles)
                .stated(w.statement("assets", "purchase", "e50"), a.purchaseEquipment50(), "数据集 assets.purchase.equipment_50")
                .stated(w.statement("assets", "purchase", "e100"), a.purchaseEquipment100(), "数据集 assets.purchase.equipment_100").done());
    }

    /** The measure a narrative block states under a placeholder (its amounts: {var, measure}), else the default. */
    private static String measure(Block b, String var, String dflt) {
        for (Stated a : b.amounts()) if (a.var().equals(var)) return a.measure();
        return dflt;
    }

    /**
     * 预算绩效: the overall target (amount: measure of {overall_amount}, default total), the projects with
     * 一般公共预算 money this year (amount: measure of {fiscal_amount}, default gpb & project), of which
     * classified, and the projects with other money this year.
     */
    private static void performance(Writer w, Place at, Block b) {
        Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
        Map<String, Project> projects = w.budget.allProjects();
        int fiscalCount = 0, classifiedCount = 0, nonFiscalCount = 0;
        BigDecimal classified = Z;
        long nonFiscal = 0;
        for (Map.Entry<String, ProjectMoney> e : money.entrySet()) {
            ProjectMoney m = e.getValue();
            if (m.gpb() != 0) {
                fiscalCount++;
                Project pr = projects.get(e.getKey());
                if (pr != null && pr.classified()) { classifiedCount++; classified = classified.add(wan(w, m.gpb())); }
            }
            if (m.nonFiscal() != 0) { nonFiscalCount++; nonFiscal = Math.addExact(nonFiscal, m.nonFiscal()); }
        }
        String overallMeasure = measure(b, "overall_amount", "total");
        String fiscalMeasure = measure(b, "fiscal_amount", "gpb & project");
        BigDecimal fiscal = w.amount(fiscalMeasure);
        boolean overall = w.narrative.overall() != null;
        Writer.Sentence s = w.sentence(at.section, at.part, p(b, "performance"))
                .stated(w.statement("performance", "performance", "overall_count"), overall ? 1 : 0, "数据集 performance.overall")
                .stated(w.statement("performance", "performance", "overall_amount"), overall ? w.amount(overallMeasure) : Z, w.tables.source(overallMeasure))
                .stated(w.statement("performance", "performance", "fiscal_count"), fiscalCount, "有当年财政拨款的项目数")
                .stated(w.statement("performance", "performance", "fiscal_amount"), fiscal, w.tables.source(fiscalMeasure))
                .stated(w.statement("performance", "performance", "nonfiscal_count"), nonFiscalCount, "有当年非财政拨款的项目数")
                .stated(w.statement("performance", "performance", "nonfiscal_amount"), wan(w, nonFiscal), "这些项目的当年非财政拨款");
        String classifiedClause = classifiedCount == 0 ? "" : w.sentence(at.section, at.part, p(b, "performance_classified"))
                .stated(w.statement("performance", "performance_classified", "count"), classifiedCount, "涉密项目数")
                .stated(w.statement("performance", "performance_classified", "amount"), classified, "涉密项目的当年一般公共预算拨款之和").into(s);
        at.paragraphs.add(s.var("classified", classifiedClause).done());
    }

    /**
     * 其他需说明的事项 as the dataset gives them, else the no-other-matters pattern. A paragraph's numbers may be
     * placeholders, then derived and recorded: {classified_count} {classified_amount} (当年财政拨款涉密项目),
     * {carry_count} {carry_total} (the projects of the table of {@code table} and the measure of {carry_total},
     * default carry), each amount with its modifiers (|plain, |0).
     */
    private static void otherMatters(Writer w, Place at, Block b) {
        if (w.narrative.otherMatters().isEmpty()) {
            at.paragraphs.add(w.sentence(at.section, at.part, p(b, "no_other_matters")).done());
            return;
        }
        for (String text : w.narrative.otherMatters()) {
            Writer.Sentence s = w.literal(at.section, at.part, text);
            if (text.contains("{classified_")) {
                Map<String, ProjectMoney> money = ProjectMoney.of(w.budget, w.ref);
                int count = 0;
                BigDecimal amount = Z;
                for (Map.Entry<String, ProjectMoney> e : money.entrySet()) {
                    Project pr = w.budget.allProjects().get(e.getKey());
                    if (pr != null && pr.classified() && e.getValue().gpb() != 0) { count++; amount = amount.add(wan(w, e.getValue().gpb())); }
                }
                s.stated(w.statement("other_matters", "other_classified", "classified_count"), count, "涉密项目数")
                        .stated(w.statement("other_matters", "other_classified", "classified_amount"), amount, "涉密项目的当年一般公共预算拨款之和");
            }
            if (text.contains("{carry_")) {
                Optional<TableAmounts.Found> t = w.tables.table(b.table());
                int count = t.map(f -> f.table().rows(r -> r.kind() == RowKind.PROJECT).size()).orElse(0);
                String carry = measure(b, "carry_total", "carry");
                s.stated(w.statement("other_matters", "other_carry", "carry_count"), count, t.map(f -> f.name() + " 项目数").orElse(""))
                        .stated(w.statement("other_matters", "other_carry", "carry_total"), w.amount(carry), w.tables.source(carry));
            }
            at.paragraphs.add(s.done());
        }
    }

    /** An amount of whole 分 as the text states it (its unit, two decimals). */
    private static BigDecimal wan(Writer w, long fen) {
        return w.printed(Fen.toWan(fen));
    }
}
