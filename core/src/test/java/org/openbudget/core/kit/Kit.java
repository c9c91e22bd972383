package org.openbudget.core.kit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.measure.Measure;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.Detection;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Core's own test fixtures, built in Java (core reads no file): a year's small classification, three funding
 * sources, a dictionary of six measures, a two-table template (支出总表 by function: 合计 = 基本 + 项目; 基本支出表
 * by economic class: 合计 = 人员 + 公用) and a unit's ledger of six lines. The profiles of refdata/ are tested
 * with the files in io; these test the machinery — derivation by shape, the checks by measure — on its own.
 */
public final class Kit {
    private Kit() {}

    public static final int YEAR = 2026;
    public static final String UNIT = "900001001";

    public static ReferenceData ref() {
        Classification func = new Classification(Classification.Kind.FUNCTIONAL, YEAR, true, "kit", List.of(
                new ClassItem("201", "一般公共服务支出"), new ClassItem("20113", "商贸事务"),
                new ClassItem("2011301", "行政运行"), new ClassItem("2011350", "事业运行"),
                new ClassItem("208", "社会保障和就业支出"), new ClassItem("20805", "行政事业单位养老支出"),
                new ClassItem("2080505", "机关事业单位基本养老保险缴费支出")));
        Classification eco = new Classification(Classification.Kind.ECONOMIC, YEAR, true, "kit", List.of(
                new ClassItem("301", "工资福利支出"), new ClassItem("30101", "基本工资"),
                new ClassItem("30108", "机关事业单位基本养老保险缴费"),
                new ClassItem("302", "商品和服务支出"), new ClassItem("30201", "办公费"), new ClassItem("30227", "委托业务费")));
        return new ReferenceData(YEAR, func, eco, List.of(
                new FundingSource("GPB", "一般公共预算拨款", "财政拨款", FundingSource.GPB_BUDGET, true),
                new FundingSource("CO_GPB", "上年结转（一般公共预算）", "上年结转", FundingSource.GPB_BUDGET, false),
                new FundingSource("BIZ", "事业收入", "单位资金", "单位资金", true)));
    }

    public static MeasureDictionary measures() {
        return new MeasureDictionary(List.of(
                measure("total", "合计", Where.ANY),
                measure("basic", "基本支出", Where.kinds(Set.of(Where.Kind.PERSONNEL, Where.Kind.PUBLIC))),
                measure("project", "项目支出", Where.kinds(Set.of(Where.Kind.PROJECT))),
                measure("personnel", "人员经费", Where.kinds(Set.of(Where.Kind.PERSONNEL))),
                measure("public", "公用经费", Where.kinds(Set.of(Where.Kind.PUBLIC))),
                measure("gpb", "一般公共预算", Where.sources(List.of("GPB", "CO_GPB")))));
    }

    private static Measure measure(String key, String name, Where where) {
        return new Measure(key, name, List.of(), where, List.of(), "预算", "");
    }

    static ColumnSpec column(String label, String measure) {
        return new ColumnSpec(label, List.of(), List.of(), measure, "");
    }

    /** 表1 支出总表 (functional, 类/款/项) and 表2 基本支出表 (economic, 类/款, the basic money only). */
    public static TemplateProfile profile() {
        TableShape byFunction = new TableShape(TableShape.Kind.CLASSIFICATION, "", "functional", List.of(3, 5, 7), false, false, false, false);
        TableShape byEconomic = new TableShape(TableShape.Kind.CLASSIFICATION, "basic", "economic", List.of(3, 5), false, false, false, false);
        Map<Integer, TableTemplate> tables = new LinkedHashMap<>();
        tables.put(1, new TableTemplate(1, "{kind}支出总表", List.of(column("合计", "total"), column("基本支出", "basic"), column("项目支出", "project")),
                List.of(), List.of(), "{unit}{year}年没有支出预算。", List.of("1 = 2+3"), "never", List.of(), List.of(), "expense", "表1", byFunction));
        tables.put(2, new TableTemplate(2, "基本支出表", List.of(column("合计", "basic"), column("人员经费", "personnel"), column("公用经费", "public")),
                List.of(), List.of(), "{unit}{year}年没有基本支出。", List.of("1 = 2+3"), "never", List.of(), List.of(), "basic", "表2", byEconomic));
        TemplateProfile.Meta meta = new TemplateProfile.Meta("", "预算", "万元", 2, "编制单位", Detection.NONE, measures(), true, Map.of());
        return new TemplateProfile("kit-" + YEAR, "核心测试模板", YEAR, true, true, "合计", "收入总计", "支出总计", tables, null, null, meta);
    }

    /** A unit's ledger: salaries and pensions (人员经费), office costs (公用经费), a project, some of it carried over or the unit's own money. */
    public static Budget budget() {
        Agency unit = new Agency(UNIT, "核心测试中心", AgencyKind.UNIT, AgencyType.PUBLIC_INSTITUTION);
        List<LedgerLine> lines = new ArrayList<>(List.of(
                line("2011350", "30101", Nature.BASIC, null, "GPB", 1_234_567_89L),
                line("2011350", "30201", Nature.BASIC, null, "GPB", 98_765_43L),
                line("2080505", "30108", Nature.BASIC, null, "GPB", 23_456_78L),
                line("2011301", "30227", Nature.PROJECT, "P001", "GPB", 500_000_00L),
                line("2011301", "30227", Nature.PROJECT, "P001", "CO_GPB", 120_000_00L),
                line("2011350", "30201", Nature.BASIC, null, "BIZ", 3_333_33L)));
        return new Budget(unit, YEAR, "kit-" + YEAR, List.of(new Project("P001", "信息化运维项目", UNIT, true)), lines, List.of(), Origin.NONE);
    }

    /** A department of two units: the kit's unit and a second whose lines are the first's, halved, under its own code. */
    public static Budget department() {
        Budget first = budget();
        String code = "900001002";
        List<LedgerLine> halved = first.lines().stream().map(l -> new LedgerLine(code, l.funcCode(), l.ecoCode(), l.nature(),
                l.projectCode() == null ? null : "P002", l.fundSource(), l.amountFen() / 2, Origin.NONE)).toList();
        Budget second = new Budget(new Agency(code, "核心测试二中心", AgencyKind.UNIT, AgencyType.ADMINISTRATIVE), YEAR, "kit-" + YEAR,
                List.of(new Project("P002", "档案数字化项目", code, true)), halved, List.of(), Origin.NONE);
        return new Budget(new Agency("900001", "核心测试局", AgencyKind.DEPARTMENT, AgencyType.ADMINISTRATIVE), YEAR, "kit-" + YEAR,
                List.of(), List.of(), List.of(first, second), Origin.NONE);
    }

    static LedgerLine line(String func, String eco, Nature nature, String project, String source, long fen) {
        return new LedgerLine(UNIT, func, eco, nature, project, source, fen, Origin.NONE);
    }

    /** The document with one cell of table {@code no} changed: the row with {@code code}, column {@code column} (0-based). */
    public static Disclosure withCell(Disclosure d, int no, String code, int column, UnaryOperator<BigDecimal> change) {
        List<DisclosureTable> tables = new ArrayList<>();
        int changed = 0;
        for (DisclosureTable t : d.tables()) {
            if (t.no() != no) {
                tables.add(t);
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                if (r.code().equals(code)) {
                    List<BigDecimal> v = new ArrayList<>(r.values());
                    v.set(column, change.apply(v.get(column)));
                    r = r.withValues(v);
                    changed++;
                }
                rows.add(r);
            }
            tables.add(new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark()));
        }
        if (changed != 1) throw new IllegalArgumentException("表" + no + " has " + changed + " rows of code " + code);
        return d.withTables(tables);
    }
}
