package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbudget.audit.text.TextMutate.fact;
import static org.openbudget.core.disclosure.text.FactKind.AMOUNT;
import static org.openbudget.core.disclosure.text.FactKind.CHANGE;
import static org.openbudget.core.disclosure.text.FactKind.COUNT;
import static org.openbudget.core.disclosure.text.FactKind.LIST;
import static org.openbudget.core.disclosure.text.FactKind.NAME;
import static org.openbudget.core.disclosure.text.FactKind.RATE;
import static org.openbudget.core.disclosure.text.FactKind.SHARE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.check.TextChecks;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * One mutation test per text check: a published example read back (tables and text), one thing of
 * its text broken, and exactly the findings the check must add (severity and location: table,
 * 第三部分 section, code, project, column, expected, found).
 */
class TextChecksTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    enum Doc {
        SME("urumqi-sme-center-2024"), SCI("urumqi-sci-tech-info-center-2024"), DEPT("urumqi-industry-it-bureau-2024");

        final String file;
        private Disclosure parsed;

        Doc(String file) { this.file = file; }

        synchronized Disclosure disclosure() {
            if (parsed == null) {
                Path p = PublishedTextReaderTest.SHARED.resolve(file + ".txt");
                Assumptions.assumeTrue(Files.exists(p), "shared examples not present at " + p.toAbsolutePath());
                try {
                    parsed = PublishedTextReader.read(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8), LIB);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return parsed;
        }
    }

    record Loc(Severity severity, Integer table, String section, String code, String project, String column, String expected, String found) {
        static Loc of(Finding f) {
            return new Loc(f.severity(), f.table(), f.section(), f.code(), f.project(), f.column(), f.expected(), f.found());
        }

        static Loc error(Integer table, String section, String code, String project, String column, String expected, String found) {
            return new Loc(Severity.ERROR, table, section, code, project, column, expected, found);
        }

        static Loc warning(Integer table, String section, String code, String project, String column, String expected, String found) {
            return new Loc(Severity.WARNING, table, section, code, project, column, expected, found);
        }
    }

    record Case(String id, Doc doc, String what, UnaryOperator<Disclosure> prepare, UnaryOperator<Disclosure> mutation, List<Loc> expected) {
        static Case of(String id, Doc doc, String what, UnaryOperator<Disclosure> mutation, Loc... expected) {
            return new Case(id, doc, what, UnaryOperator.identity(), mutation, List.of(expected));
        }

        Case preparedBy(UnaryOperator<Disclosure> p) {
            return new Case(id, doc, what, p, mutation, expected);
        }

        @Override
        public String toString() {
            return id + " [" + doc + "] " + what;
        }
    }

    static final String SME_UNIT = "乌鲁木齐市中小企业服务中心";
    static final String SME_PROJECT = "信息化运维项目";
    static final String SCI_STATS = "乌鲁木齐地区科技统计与文献服务工作经费";
    static final String SCI_FILM = "“科教兴市”影视宣传及业务经费";
    static final String SCI_ROOM = "“小微企业创业创新综合管理信息服务大平台”机房运行维护费";

    static List<Case> cases() {
        return List.of(
                Case.of("text.staff-sum", Doc.SME, "实有人数 35 → 36",
                        d -> TextMutate.value(d, fact("staff.actual", COUNT), "36"),
                        Loc.error(null, "第一部分", "", "", "实有人数", "35", "36")),
                Case.of("text.offices", Doc.SCI, "下设 3 个处室 → 4 个",
                        d -> TextMutate.value(d, fact("offices", COUNT), "4"),
                        Loc.error(null, "第一部分", "", "", "处室", "3", "4")),
                Case.of("text.unit-name", Doc.DEPT, "a performance table of the 项目中心 (a unit of the department without projects) is fine; of another unit not",
                        d -> TextMutate.table(d, "节能监察工作经费", t -> TextMutate.unit(t, "乌鲁木齐市经济和信息化委员会")),
                        Loc.warning(null, "十二", "", "节能监察工作经费", "预算单位", "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "乌鲁木齐市经济和信息化委员会"))
                        .preparedBy(d -> TextMutate.table(d, "信息化运维项目", t -> TextMutate.unit(t, "乌鲁木齐市工业和信息化项目中心"))),
                Case.of("text.total", Doc.SME, "收支总预算 304.15 → 305.15",
                        d -> TextMutate.value(d, fact("total", AMOUNT), "305.15"),
                        Loc.error(1, "一", "", "", "金额", "304.15", "305.15")),
                Case.of("text.lists", Doc.SME, "支出预算包括 without 社会保障和就业支出",
                        d -> TextMutate.items(d, fact("expense.classes", LIST), l -> { l.remove("社会保障和就业支出"); return l; }),
                        Loc.warning(1, "一", "", "", "列举", "社会保障和就业支出", "科学技术支出、资源勘探工业信息等支出")),
                Case.of("text.income", Doc.SME, "二 一般公共预算 304.15 → 300.00",
                        d -> TextMutate.value(d, fact("income.gpb.local", AMOUNT), "300.00"),
                        Loc.error(1, "二", "", "", "金额", "304.15", "300.00")),
                Case.of("text.expense", Doc.SME, "三 基本支出 269.82 → 269.00",
                        d -> TextMutate.value(d, fact("expense.basic", AMOUNT), "269.00"),
                        Loc.error(3, "三", "", "", "金额", "269.82", "269.00")),
                Case.of("text.expense-changes", Doc.SME, "三 基本支出 增加 29.87 → 39.87",
                        d -> TextMutate.value(d, fact("expense.basic", CHANGE), "39.87"),
                        Loc.error(null, "三", "", "", "增减额", "-2523.40", "-2513.40")),
                Case.of("text.fiscal", Doc.SME, "四 科学技术支出 34.33 → 35.33",
                        d -> TextMutate.value(d, fact("fiscal.class:206", AMOUNT), "35.33"),
                        Loc.error(4, "四", "206", "", "金额", "34.33", "35.33")),
                Case.of("text.fiscal", Doc.SME, "四 一般公共预算拨款 304.15 → 300.00 (the 财政拨款 summary's income row of gpb)",
                        d -> TextMutate.value(d, fact("fiscal.gpb", AMOUNT), "300.00"),
                        Loc.error(4, "四", "", "", "金额", "304.15", "300.00")),
                Case.of("text.fiscal", Doc.SCI, "四 a 项 of 一般公共预算 292.54 → 292.00 (against the table its block walks, 表5)",
                        d -> TextMutate.value(d, fact("fiscal.item:2060501", AMOUNT), "292.00"),
                        Loc.error(5, "四", "2060501", "", "金额", "292.54", "292.00")),
                Case.of("text.gpb", Doc.SME, "五（一） 项目支出 34.33 → 34.34",
                        d -> TextMutate.value(d, fact("gpb.project", AMOUNT), "34.34"),
                        Loc.error(5, "五", "", "", "金额", "34.33", "34.34")),
                Case.of("text.gpb-class", Doc.SME, "五（二） 208 43.26 → 43.00",
                        d -> TextMutate.value(d, fact("gpb.class:208", AMOUNT), "43.00"),
                        Loc.error(5, "五", "208", "", "金额", "43.26", "43.00")),
                Case.of("text.gpb-item", Doc.SME, "五（三） 2080502 18.63 → 18.00",
                        d -> TextMutate.value(d, fact("gpb.item:2080502", AMOUNT), "18.00"),
                        Loc.error(5, "五", "2080502", "", "金额", "18.63", "18.00")),
                Case.of("text.gpb-items-listed", Doc.SME, "五（三） without 2080505",
                        d -> TextMutate.remove(d, f -> f.key().equals("gpb.item:2080505")),
                        Loc.error(5, "五", "2080505", "", "列举", "24.63", null)),
                Case.of("text.gpb-changes", Doc.SME, "五（三） 2080502 增加 9.46 → 19.46",
                        d -> TextMutate.value(d, fact("gpb.item:2080502", CHANGE), "19.46"),
                        Loc.error(null, "五", "", "", "增减额", "-1212.80", "-1202.80")),
                Case.of("text.gpb-basic", Doc.SME, "六 公用经费 20.65 → 20.56",
                        d -> TextMutate.value(d, fact("gpb.basic.public", AMOUNT), "20.56"),
                        Loc.error(6, "六", "", "", "金额", "20.65", "20.56")),
                Case.of("text.gpb-basic-items", Doc.SME, "六 公用经费 without 差旅费",
                        d -> TextMutate.items(d, fact("gpb.basic.public", LIST), l -> { l.remove("差旅费"); return l; }),
                        Loc.error(6, "六", "30211", "", "公用经费", "差旅费", null)),
                Case.of("text.projects", Doc.SCI, "七 without its （三） project",
                        d -> TextMutate.remove(d, f -> f.section().equals("七") && f.part().equals("（三）")),
                        Loc.error(7, "七", "2060599", SCI_ROOM, "项目", SCI_ROOM, null)),
                Case.of("text.project-amount", Doc.SME, "七 预算安排规模 34.33 → 34.00",
                        d -> TextMutate.value(d, fact("project.amount", AMOUNT), "34.00"),
                        Loc.error(7, "七", "2060499", SME_PROJECT, "金额", "34.33", "34.00")),
                Case.of("text.alloc-sum", Doc.SCI, "七（一） 专用材料费 0.6 → 0.7",
                        d -> TextMutate.value(d, fact("project.alloc", AMOUNT, "专用材料费"), "0.7"),
                        Loc.error(null, "七", "", SCI_FILM, "金额", "21.60", "21.70")),
                Case.of("text.alloc-tpe", Doc.SME, "资金分配情况 维修(护)费 → 公务接待费 (表10 公务接待费 empty)",
                        d -> TextMutate.subject(d, fact("project.alloc", AMOUNT), "公务接待费"),
                        Loc.warning(10, "七", "", "", "公务接待费", "0.00", "34.33")),
                Case.of("text.empty-claim", Doc.SCI, "十一 says 表11 is empty while it has 0.10",
                        d -> TextMutate.add(d, new TextFact("十一", "", "carry.empty", "空表", NAME, null, "", "",
                                List.of("……上年结转结余情况明细表为空表。"), "", "……上年结转结余情况明细表为空表。")),
                        Loc.error(11, "十一", "", "", "空表", "0.10", "为空表")),
                Case.of("text.empty-sentence", Doc.SME, "八 without its empty-table sentence",
                        d -> TextMutate.remove(d, fact("gfb.empty", NAME)),
                        Loc.warning(8, "八", "", "", "空表", "……为空表。", null)),
                Case.of("text.tpe", Doc.SME, "十 公务用车运行费 1.89 → 1.98",
                        d -> TextMutate.value(d, fact("tpe.vehicle.run", AMOUNT), "1.98"),
                        Loc.error(10, "十", "", "", "金额", "1.89", "1.98")),
                Case.of("text.tpe", Doc.SME, "十 财政拨款“三公”经费 1.89 → 2.89",
                        d -> TextMutate.value(d, fact("tpe.total", AMOUNT), "2.89"),
                        Loc.error(10, "十", "", "", "金额", "1.89", "2.89")),
                Case.of("text.carry", Doc.SCI, "十一 财政拨款 0.10 → 0.20 (表11 总计's 财政拨款合计 column)",
                        d -> TextMutate.value(d, fact("carry.fiscal", AMOUNT), "0.20"),
                        Loc.error(11, "十一", "", "", "金额", "0.10", "0.20")),
                Case.of("text.carry", Doc.SCI, "十一 1. 科技统计与文献服务工作经费 0.10 → 0.20",
                        d -> TextMutate.value(d, fact("carry.project", AMOUNT), "0.20"),
                        Loc.error(11, "十一", "", SCI_STATS, "金额", "0.10", "0.20")),
                Case.of("text.running", Doc.SME, "十二（一） 运行经费 20.65 → 21.65",
                        d -> TextMutate.value(d, fact("running", AMOUNT), "21.65"),
                        Loc.error(6, "十二", "", "", "金额", "20.65", "21.65")),
                Case.of("text.running-term", Doc.SME, "a 行政 unit's 机关运行经费 becomes a 事业 unit's",
                        d -> TextMutate.items(d, fact("agency.type", NAME), l -> List.of("事业")),
                        Loc.warning(null, "十二", "", "", "名称", "事业单位运行经费", "机关运行经费"))
                        .preparedBy(d -> TextMutate.items(d, fact("agency.type", NAME), l -> List.of("行政"))),
                Case.of("text.procurement", Doc.SME, "十二（二） 货物 0.10 → 0.20",
                        d -> TextMutate.value(d, fact("proc.goods", AMOUNT), "0.20"),
                        Loc.error(null, "十二", "", "", "金额", "1.99", "1.89")),
                Case.of("text.vehicles", Doc.SME, "十二（三） 车辆 1 → 2 辆",
                        d -> TextMutate.value(d, fact("assets.vehicle", COUNT), "2"),
                        Loc.error(null, "十二", "", "", "个数", "1", "2")),
                Case.of("text.perf-counts", Doc.SME, "十二（四） 财政拨款项目 1 → 2 个",
                        d -> TextMutate.value(d, fact("perf.fiscal", COUNT), "2"),
                        Loc.error(7, "十二", "", "", "个数", "1", "2")),
                Case.of("text.perf-tables", Doc.SME, "no 项目支出绩效目标表",
                        d -> TextMutate.performance(d, l -> List.of()),
                        Loc.error(7, "十二", "2060499", SME_PROJECT, "绩效目标表", SME_PROJECT, null)),
                Case.of("text.perf-amount", Doc.SME, "绩效目标表 财政拨款 34.33 → 33.43 (年度预算总额 kept)",
                        d -> TextMutate.table(d, SME_PROJECT, t -> TextMutate.amounts(t, "34.33", "33.43", "0.00")),
                        Loc.error(7, "十二", "2060499", SME_PROJECT, "财政拨款", "34.33", "33.43"),
                        Loc.error(null, "十二", "", SME_PROJECT, "年度预算总额", "33.43", "34.33")),
                Case.of("text.perf-weights", Doc.SME, "绩效目标表 a weight 30 → 20",
                        d -> TextMutate.table(d, SME_PROJECT, t -> TextMutate.weight(t, "30", "20")),
                        Loc.error(null, "十二", "", SME_PROJECT, "指标分值权重", "90", "80")),
                Case.of("text.project-name", Doc.SME, "七 项目名称 信息化运维项目 → 信息化运维维护项目",
                        d -> TextMutate.items(d, fact("project.name", NAME), l -> List.of("信息化运维维护项目")),
                        Loc.warning(7, "七", "2060499", SME_PROJECT, "项目名称", SME_PROJECT, "信息化运维维护项目")),
                Case.of("text.unit-name", Doc.SME, "绩效目标表 预算单位 → 乌鲁木齐市中小企业中心",
                        d -> TextMutate.table(d, SME_PROJECT, t -> TextMutate.unit(t, "乌鲁木齐市中小企业中心")),
                        Loc.warning(null, "十二", "", SME_PROJECT, "预算单位", SME_UNIT, "乌鲁木齐市中小企业中心")),
                Case.of("text.unit-name", Doc.DEPT, "落款 → 乌鲁木齐市工业和信息化局",
                        d -> d.withText(new org.openbudget.core.disclosure.text.DocumentText(d.text().overview(), d.text().sections(),
                                d.text().facts(), d.text().performance(), d.text().glossary(), "乌鲁木齐市工业和信息化局", d.text().closingDate())),
                        Loc.warning(null, null, "", "", "落款", "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "乌鲁木齐市工业和信息化局")),
                Case.of("text.share", Doc.SME, "三 基本支出 占 88.71% → 87.71%",
                        d -> TextMutate.value(d, fact("expense.basic", SHARE), "87.71"),
                        Loc.error(null, "三", "", "", "占比", "88.71", "87.71")),
                Case.of("text.share", Doc.SME, "三 基本支出 占 88.71% → 88.72% (what 269.82 ± 0.005 of 304.15 ± 0.005 allows: a notice)",
                        d -> TextMutate.value(d, fact("expense.basic", SHARE), "88.72"),
                        new Loc(Severity.NOTICE, null, "三", "", "", "占比", "88.71", "88.72")),
                Case.of("text.share-sum", Doc.SME, "五（二） 206 占 11.29% → 12.29%",
                        d -> TextMutate.value(d, fact("gpb.class:206", SHARE), "12.29"),
                        Loc.error(null, "五", "", "", "占比", "100.00", "101.00")),
                Case.of("text.rate", Doc.SME, "五（三） 2080502 增长 103.16% → 13.16%",
                        d -> TextMutate.value(d, fact("gpb.item:2080502", RATE), "13.16"),
                        Loc.error(null, "五", "", "", "增减率", "103.16", "13.16")),
                Case.of("text.direction", Doc.SME, "三 基本支出 增加 … 增长 → 下降",
                        d -> TextMutate.word(d, fact("expense.basic", RATE), "下降"),
                        Loc.error(null, "三", "", "", "增减率", "增长", "下降")),
                Case.of("text.direction", Doc.SME, "五（三） 2150805 减少 1,277.00 … 下降 → 增加 … 增长 (0.00 this year)",
                        d -> TextMutate.word(TextMutate.word(d, fact("gpb.item:2150805", CHANGE), "增加"), fact("gpb.item:2150805", RATE), "增长"),
                        Loc.error(null, "五", "", "", "增减额", "减少", "增加")),
                Case.of("text.reason", Doc.SME, "三 基本支出 增加 29.87 without its reason",
                        d -> TextMutate.reason(d, fact("expense.basic", CHANGE), ""),
                        Loc.warning(null, "三", "", "", "增减额", "主要原因", null)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void the_check_reports_exactly_the_broken_place(Case c) {
        Disclosure good = c.prepare().apply(c.doc().disclosure());
        var profile = LIB.profile(good.profileId());
        var ref = LIB.year(good.year());
        List<Finding> base = CheckCatalogue.runOnly(c.id(), good, profile, ref);
        assertThat(base).as("%s on the good %s: no error", c.id(), c.doc()).noneMatch(f -> f.severity() == Severity.ERROR);
        List<Finding> after = CheckCatalogue.runOnly(c.id(), c.mutation().apply(good), profile, ref);
        assertThat(after).extracting(Finding::id).containsOnly(c.id());
        List<Loc> remaining = new ArrayList<>(base.stream().map(Loc::of).toList());
        List<Loc> added = new ArrayList<>();
        for (Finding f : after) {
            Loc l = Loc.of(f);
            if (!remaining.remove(l)) added.add(l);
        }
        assertThat(added).as("%s: findings added by the mutation", c).containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(remaining).as("%s: findings of the good document that vanished", c).isEmpty();
    }

    @Test
    void every_text_check_has_a_mutation_test() {
        Set<String> tested = new TreeSet<>(cases().stream().map(Case::id).toList());
        assertThat(tested).isEqualTo(new TreeSet<>(TextChecks.ids()));
    }

    @Test
    void a_stated_amount_is_held_to_the_cell_of_the_measure_the_outline_states_and_named_as_the_table_prints_it() {
        Disclosure good = Doc.SME.disclosure();
        var profile = LIB.profile(good.profileId());
        var ref = LIB.year(good.year());
        Disclosure broken = TextMutate.value(good, fact("expense.basic", AMOUNT), "269.00");
        assertThat(CheckCatalogue.runOnly("text.expense", broken, profile, ref)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("表3「总计」基本支出应为 269.82"));
        // the outline, not Java, says which cell: 三's 基本支出 stated by the measure project is held to 表3's 项目支出
        var restated = withItemMeasure(profile, "expense.basic", "project");
        assertThat(CheckCatalogue.runOnly("text.expense", good, restated, ref)).singleElement()
                .satisfies(f -> {
                    assertThat(Loc.of(f)).isEqualTo(Loc.error(3, "三", "", "", "金额", "34.33", "269.82"));
                    assertThat(f.message()).contains("表3「总计」项目支出");
                });
    }

    /** The profile with the outline's item of this fact key stating another measure. */
    static org.openbudget.core.profile.TemplateProfile withItemMeasure(org.openbudget.core.profile.TemplateProfile p, String key, String measure) {
        var outline = p.text().outline();
        List<org.openbudget.core.profile.TextOutline.Section> sections = new ArrayList<>();
        for (var s : outline.sections()) {
            List<org.openbudget.core.profile.TextOutline.Block> blocks = new ArrayList<>();
            for (var b : s.blocks()) {
                List<org.openbudget.core.profile.TextOutline.Item> items = b.items().stream().map(i -> !i.key().equals(key) ? i
                        : new org.openbudget.core.profile.TextOutline.Item(i.key(), measure, i.label(), i.whenZero(), i.sentence(), i.names(), i.words())).toList();
                blocks.add(new org.openbudget.core.profile.TextOutline.Block(b.kind(), b.sentence(), b.key(), b.subject(), b.amounts(), items,
                        b.rows(), b.table(), b.emptyKey(), b.shareOf(), b.change(), b.reason(), b.numbered(), b.lastYear(), b.notArranged(),
                        b.clauses(), b.against()));
            }
            sections.add(new org.openbudget.core.profile.TextOutline.Section(s.number(), s.title(), blocks));
        }
        var t = p.text();
        var text = new org.openbudget.core.profile.TextTemplate(t.titles(), t.sentences(),
                new org.openbudget.core.profile.TextOutline(sections, outline.omitUnprinted(), outline.readInFull()), t.percent(), t.listNumber(), t.subHeading(),
                t.itemNumber(), t.zeroChange(), t.dateFormat(), t.glossary(), t.overrides(), t.changeWords(), t.rateWords(),
                t.performanceLabels(), t.sectionNumber(), t.glossaryNumber(), t.amountUnit(), t.parts());
        return new org.openbudget.core.profile.TemplateProfile(p.id(), p.name(), p.year(), p.totalFirst(), p.thousands(), p.totalLabel(),
                p.incomeTotalLabel(), p.expenseTotalLabel(), p.tables(), text, p.rules(), p.meta());
    }

    @Test
    void a_unit_of_the_department_listed_in_part_one_may_name_a_performance_table() {
        Disclosure d = TextMutate.table(Doc.DEPT.disclosure(), "信息化运维项目", t -> TextMutate.unit(t, "乌鲁木齐市工业和信息化项目中心"));
        assertThat(CheckCatalogue.runOnly("text.unit-name", d, LIB.profile(d.profileId()), LIB.year(d.year()))).isEmpty();
    }

    @Test
    void a_document_without_text_gets_no_text_finding() {
        Disclosure d = Doc.SME.disclosure().withText(null);
        List<Finding> f = CheckCatalogue.run(d, LIB.profile(d.profileId()), LIB.year(d.year()));
        assertThat(f).noneMatch(x -> TextChecks.ids().contains(x.id()));
    }

    @Test
    void the_text_checks_are_named_by_what_they_check_and_their_earlier_ids_still_resolve() {
        // no id (nor rule) carries a section's numeral or a table's number: the template's outline and shapes say where
        assertThat(TextChecks.ids()).allMatch(id -> id.startsWith("text.") && !id.matches(".*\\d.*"));
        assertThat(CheckCatalogue.checks()).filteredOn(c -> TextChecks.ids().contains(c.id()))
                .allMatch(c -> !c.rule().matches(".*(表\\s?\\d|[一二三四五六七八九十]、|^[一二三四五六七八九十]{1,2}[：（]).*"));
        assertThat(CheckCatalogue.resolve("X5.item-amount")).isEqualTo("text.gpb-item");
        assertThat(CheckCatalogue.check("X12.running-term").id()).isEqualTo("text.running-term");
        // an earlier id runs the check it names now
        Disclosure d = Doc.SME.disclosure();
        assertThat(CheckCatalogue.runOnly("X12.running-term", d, LIB.profile(d.profileId()), LIB.year(d.year())))
                .extracting(Finding::id).containsOnly("text.running-term");
    }

    static Map<Severity, Long> bySeverity(List<Finding> f) {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Finding x : f) m.merge(x.severity(), 1L, Long::sum);
        return m;
    }
}
