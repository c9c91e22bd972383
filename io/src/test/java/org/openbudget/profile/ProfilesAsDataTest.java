package org.openbudget.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.classification.ReferenceData;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Profiles are data: a year is its predecessor plus its differences (extends:), a region's tables are
 * shapes bound to the dictionary of measures, and a profile dropped in a directory at run time derives
 * a document with no Java of its own.
 */
class ProfilesAsDataTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @Test
    void aYearExtendsTheYearBeforeAndChangesOnlyWhatItWrites() {
        TemplateProfile y24 = LIB.profile("xinjiang-2024");
        TemplateProfile y25 = LIB.profile("xinjiang-2025");
        assertThat(y25.meta().parent()).isEqualTo("xinjiang-2024");
        assertThat(y25.year()).isEqualTo(2025);
        assertThat(y25.tables()).isEqualTo(y24.tables());
        assertThat(y25.text().sentences()).isEqualTo(y24.text().sentences());
        assertThat(y25.text().glossary()).isNotEqualTo(y24.text().glossary());
        assertThat(y25.text().glossary().get(6).definition()).contains("新能源汽车充电费");
        assertThat(y25.meta().detect().titles()).contains("上年结转结余情况明细表");
    }

    @Test
    void xian2022IsThe2026TemplateWithItsOwnTableThirteenTitleAndText() {
        TemplateProfile y26 = LIB.profile("xian-2026");
        TemplateProfile y22 = LIB.profile("xian-2022");
        assertThat(y22.meta().parent()).isEqualTo("xian-2026");
        assertThat(y22.year()).isEqualTo(2022);
        // the tables are 2026's but 表13, titled as 2022 prints it (2026's wording, which 2021 prints, an alias)
        // and headed by the years where 2026 prints 上年 | 当年
        var t22 = y22.tableById("three_public").orElseThrow();
        var t26 = y26.tableById("three_public").orElseThrow();
        assertThat(t22.title()).isEqualTo("部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表");
        assertThat(t22.aliases()).containsExactly(t26.title());
        assertThat(t22.columns().get(0).group()).isEqualTo("{prev_year}年");
        assertThat(t22.columns().get(9).group()).isEqualTo("{year}年");
        assertThat(y22.tables().values().stream().filter(t -> !t.id().equals("three_public")).toList())
                .isEqualTo(y26.tables().values().stream().filter(t -> !t.id().equals("three_public")).toList());
        // its text: 第二部分 one section (五), then 六 “三公”经费等, 八 政府采购, 十 机关运行经费 — each sentence opening with the year
        assertThat(y22.text().outline().sections()).extracting(s -> s.number()).containsExactly("五", "六", "八", "十");
        assertThat(y22.text().sentence("xb1.income", "部门")).contains("{year}年本{kind}预算收入{total}");
        assertThat(y22.meta().detect().titles()).contains("部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表");
    }

    @Test
    void theNationalStandardDerivesItsTablesFromTheSameLedgerAndTheyAgree() {
        ReferenceData ref = LIB.year(2024);
        TemplateProfile national = LIB.profile("national-2016");
        SyntheticBudgets gen = new SyntheticBudgets(ref, national.id());
        for (int d = 0; d < 6; d++) {
            Budget dept = gen.department(new Random(d), d, 1 + d, 40, 200);
            Disclosure doc = Pipeline.derive(dept, ref, national);
            assertThat(doc.tables()).extracting(DisclosureTable::mark)
                    .containsExactly("表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10");
            DisclosureTable summary = doc.tables().get(0);
            BigDecimal income = summary.total(Side.INCOME).orElseThrow().value(0);
            BigDecimal expense = summary.total(Side.EXPENSE).orElseThrow().value(0);
            assertThat(income).isEqualByComparingTo(expense);
            DisclosureTable incomeTable = doc.tables().get(1);
            Row total = incomeTable.total(null).orElseThrow();
            assertThat(total.value(0)).isEqualByComparingTo(income);
            // 合计 = 上年结转 + the four budgets + the five kinds of 单位资金, on the total row and every class row
            for (Row r : incomeTable.rows()) {
                BigDecimal parts = BigDecimal.ZERO;
                for (int c = 1; c < incomeTable.columns().size(); c++) parts = parts.add(nz(r.value(c)));
                assertThat(parts).as(r.label()).isEqualByComparingTo(nz(r.value(0)));
            }
            // 表5's 合计 = 人员经费 + 公用经费 + 项目支出, and equals 表4's 一般公共预算 expense total
            DisclosureTable gpb = doc.tables().get(4);
            if (!gpb.empty()) {
                Row t5 = gpb.total(null).orElseThrow();
                assertThat(nz(t5.value(1)).add(nz(t5.value(2))).add(nz(t5.value(3)))).isEqualByComparingTo(nz(t5.value(0)));
                assertThat(nz(doc.tables().get(3).total(Side.EXPENSE).orElseThrow().value(1))).isEqualByComparingTo(nz(t5.value(0)));
            }
            // the 三公 table: 合计 = 出国 + 购置及运行 + 接待, 购置及运行 = 购置 + 运行
            DisclosureTable tpe = doc.tables().get(6);
            if (!tpe.empty()) {
                Row r = tpe.rows().get(0);
                assertThat(r.kind()).isEqualTo(RowKind.TOTAL);
                assertThat(nz(r.value(1)).add(nz(r.value(2))).add(nz(r.value(5)))).isEqualByComparingTo(nz(r.value(0)));
                assertThat(nz(r.value(3)).add(nz(r.value(4)))).isEqualByComparingTo(nz(r.value(2)));
            }
        }
    }

    @Test
    void aProfileDroppedInADirectoryAtRunTimeDerivesWithNoJavaOfItsOwn(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/demo-2027.yaml"), """
                extends: national-2016
                id: demo-2027
                name: 某市 2027年部门预算公开模板
                year: 2027
                number_format: {unit: 元, decimals: 0}
                tables:
                  summary: {title: "{kind}财务收支预算总表", mark: ""}
                  gpb_basic: ~
                  three_public: ~
                  income:
                    columns:
                      - {label: 合计, measure: total}
                      - {label: 财政拨款, measure: fiscal}
                      - {label: 非财政拨款, measure: nonfiscal}
                      - {label: 上年结转结余, measure: carry}
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("demo-2027");
        assertThat(p.meta().amountUnit()).isEqualTo("元");
        assertThat(p.tables().values()).extracting(t -> t.id())
                .containsExactly("summary", "income", "expense", "fiscal", "gpb_expense", "gfb_expense", "soc_expense", "projects");
        ReferenceData ref = lib.year(2024);
        Budget unit = new SyntheticBudgets(ref, p.id()).department(new Random(7), 1, 1, 80, 120).units().get(0);
        Disclosure doc = Pipeline.derive(unit, ref, p);
        assertThat(doc.tables().get(0).title()).isEqualTo("单位财务收支预算总表");
        assertThat(doc.tables().get(0).mark()).isEmpty();
        DisclosureTable income = doc.tables().get(1);
        assertThat(income.columns()).containsExactly("合计", "财政拨款", "非财政拨款", "上年结转结余");
        Row total = income.total(null).orElseThrow();
        assertThat(nz(total.value(1)).add(nz(total.value(2))).add(nz(total.value(3)))).isEqualByComparingTo(nz(total.value(0)));
    }

    @Test
    void aBadProfileIsRefusedAtItsFieldsAndALoopOfExtendsIsNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/bad-2027.yaml"), """
                extends: national-2016
                id: bad-2027
                name: 坏模板
                year: 2027
                tables:
                  expense:
                    where: gpb & no.such.measure
                    columns: [{label: 合计, measure: totl}]
                  extra: {shape: pie, title: x, columns: [{label: a, measure: total}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/loop-a.yaml"), "extends: loop-b\nid: loop-a\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/loop-b.yaml"), "extends: loop-a\nid: loop-b\n", StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThatThrownBy(() -> lib.profile("bad-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    List<InputProblem> problems = ((InputException) e).problems();
                    assertThat(problems).anyMatch(p -> p.message().contains("no.such.measure") && p.field().equals("tables.expense.where")
                            && p.file().endsWith("bad-2027.yaml"));
                    assertThat(problems).anyMatch(p -> p.message().contains("totl"));
                    assertThat(problems).anyMatch(p -> p.message().contains("pie") && p.field().equals("tables.extra.shape"));
                });
        assertThatThrownBy(() -> lib.profile("loop-a")).isInstanceOf(InputException.class).hasMessageContaining("成环");
    }

    /**
     * The words a text prints for a measure are its synonyms in the one dictionary, and a section is read by its blocks:
     * a profile still written with text_rules.subjects, an outline section's reads: or a check set (sets:) is refused at that key, in its file.
     */
    @Test
    void aProfileWithTheFormerSubjectsOrReadsIsRefusedAtThatKey(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/old-subjects-2027.yaml"), """
                extends: xinjiang-2024
                id: old-subjects-2027
                year: 2027
                text_rules:
                  subjects:
                    source.gfb: [基金预算]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/old-reads-2027.yaml"), """
                extends: xinjiang-2024
                id: old-reads-2027
                year: 2027
                text:
                  outline:
                    - number: 一
                      reads: total
                      title: "关于{unit}{year}年收支预算情况总体说明"
                      blocks:
                        - sentence: s1.total
                          amounts: [{var: total, key: total, measure: total, subject: 收支总预算}]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/old-sets-2027.yaml"), """
                extends: xinjiang-2024
                id: old-sets-2027
                year: 2027
                checks:
                  sets: [xinjiang]
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThatThrownBy(() -> lib.profile("old-sets-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("old-sets-2027.yaml")
                        && p.field().endsWith("sets") && p.message().contains("read: full") && p.message().contains("generated: false")));
        assertThatThrownBy(() -> lib.profile("old-subjects-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("old-subjects-2027.yaml")
                        && p.field().equals("text_rules.subjects") && p.message().contains("measures.yaml")));
        assertThatThrownBy(() -> lib.profile("old-reads-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("old-reads-2027.yaml")
                        && p.field().endsWith("reads") && p.message().contains("reads")));
        // the Xinjiang profiles say their text is read in full (2025 by inheriting it), the national one does not
        assertThat(LIB.profile("xinjiang-2024").text().outline().readInFull()).isTrue();
        assertThat(LIB.profile("xinjiang-2025").text().outline().readInFull()).isTrue();
        assertThat(LIB.profile("national-2016").text().outline().readInFull()).isFalse();
        // the Xinjiang profiles' checks between tables are those they declare (2025 by inheriting it), the others' generated too
        assertThat(LIB.profile("xinjiang-2024").meta().generated()).isFalse();
        assertThat(LIB.profile("xinjiang-2025").meta().generated()).isFalse();
        assertThat(LIB.profile("national-2016").meta().generated()).isTrue();
        assertThat(LIB.profile("national-final-2016").meta().generated()).isTrue();
    }

    /** The text states its amounts in 万元 or 元 (text.amount_unit), as a table prints them; any other unit is refused at that key. */
    @Test
    void aTextInAnotherUnitIsRefusedAtItsAmountUnit(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/yi-2027.yaml"), """
                extends: xinjiang-2024
                id: yi-2027
                year: 2027
                text:
                  amount_unit: 亿元
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/yuan-2027.yaml"), """
                extends: xinjiang-2024
                id: yuan-2027
                year: 2027
                text:
                  amount_unit: 元
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThatThrownBy(() -> lib.profile("yi-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("yi-2027.yaml")
                        && p.field().endsWith("amount_unit") && p.message().contains("万元 或 元")));
        assertThat(lib.profile("yuan-2027").text().amountUnit()).isEqualTo("元");
        assertThat(lib.profile("yuan-2027").textFormat().yuan()).isTrue();
        assertThat(LIB.profile("shanghai-2026").textFormat().yuan()).isFalse();   // tables in 元, text in 万元
        assertThat(LIB.profile("shanghai-2026").amountFormat().yuan()).isTrue();
    }

    @Test
    void aProfileDeclaresTheChecksBetweenItsTablesAsData(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/cross-2027.yaml"), """
                extends: national-2016
                id: cross-2027
                name: 某市 2027年部门预算公开模板
                year: 2027
                checks:
                  between:
                    - id: L.personnel
                      rule: 一般公共预算基本支出表总计的人员经费 = 一般公共预算支出表总计的人员经费
                      kind: cells
                      a: {table: gpb_basic, row: total, column: 2}
                      b: {table: gpb_expense, row: total, column: 2}
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("cross-2027");
        assertThat(org.openbudget.core.check.CheckCatalogue.checks(p)).extracting(c -> c.id()).contains("L.personnel");
        assertThat(lib.checks()).extracting(c -> c.id()).contains("L.personnel", "X.T5-T7", "row-sum");
        ReferenceData ref = lib.year(2024);
        Budget unit = new SyntheticBudgets(ref, p.id()).department(new Random(3), 1, 1, 80, 120).units().get(0);
        Disclosure doc = Pipeline.derive(unit, ref, p);
        assertThat(org.openbudget.core.check.CheckCatalogue.runOnly("L.personnel", doc, p, ref)).isEmpty();
        // the 人员经费 of 表6's 总计 printed one yuan higher: found on 表6, against 表5
        DisclosureTable basic = doc.tables().get(5);
        Row total = basic.total(null).orElseThrow();
        List<BigDecimal> values = new java.util.ArrayList<>(total.values());
        values.set(1, nz(values.get(1)).add(new BigDecimal("0.01")));
        List<Row> rows = basic.rows().stream().map(r -> r == total ? r.withValues(values) : r).toList();
        List<DisclosureTable> tables = new java.util.ArrayList<>(doc.tables());
        tables.set(5, new DisclosureTable(basic.no(), basic.title(), basic.columns(), rows, basic.empty(), basic.emptyNote(), basic.id(), basic.mark()));
        Disclosure broken = doc.withTables(tables);
        assertThat(org.openbudget.core.check.CheckCatalogue.runOnly("L.personnel", broken, p, ref))
                .singleElement().satisfies(f -> {
                    assertThat(f.table()).isEqualTo(basic.no());
                    assertThat(f.message()).startsWith("表6总计的人员经费应等于表5总计的人员经费");
                });
        // a mistake is refused where it is written
        Files.writeString(dir.resolve("profiles/cross-bad.yaml"), """
                extends: national-2016
                id: cross-bad
                name: 坏模板
                year: 2027
                checks:
                  between:
                    - {id: L.a, kind: cells, a: {table: nowhere, row: total}, b: {table: gpb_expense, row: total}}
                    - {id: L.b, kind: sideways, a: {table: gpb_basic}, b: {table: gpb_expense}}
                    - {id: L.c, kind: cells, a: {table: gpb_basic, row: total, column: 9}, b: {table: gpb_expense, row: nope}}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> lib.profile("cross-bad")).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    List<InputProblem> problems = ((InputException) e).problems();
                    assertThat(problems).anyMatch(x -> x.message().contains("nowhere") && x.file().endsWith("cross-bad.yaml") && x.line() == 7);
                    assertThat(problems).anyMatch(x -> x.message().contains("sideways") && x.line() == 8);
                    assertThat(problems).anyMatch(x -> x.message().contains("第 9 列") && x.line() == 9);
                });
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * The 绩效目标表's labels are data (text.performance_labels): the national profile's come from its YAML and a profile
     * that extends it inherits them, changing what it names; a profile that extends none and declares none, or leaves a
     * label out, is refused at its text, in its file.
     */
    @Test
    void thePerformanceLabelsAreTheProfilesData(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        String national = ReferenceLibrary.builtIn("profiles/national-2016.yaml").orElseThrow();
        String title = "    project_title: 项目支出绩效目标表\n";
        assertThat(national).contains(title);
        Files.writeString(dir.resolve("profiles/national-2016.yaml"), national.replace(title, "    project_title: 项目绩效目标申报表\n"),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/own-2027.yaml"), """
                extends: national-2016
                id: own-2027
                year: 2027
                text:
                  performance_labels:
                    unit: 申报单位
                """, StandardCharsets.UTF_8);
        String xinjiang = ReferenceLibrary.builtIn("profiles/xinjiang-2024.yaml").orElseThrow();
        int from = xinjiang.indexOf("  performance_labels:\n"), to = xinjiang.indexOf("  date_format:", from);
        assertThat(from).isPositive();
        Files.writeString(dir.resolve("profiles/bare-2027.yaml"), (xinjiang.substring(0, from) + xinjiang.substring(to))
                .replace("id: xinjiang-2024", "id: bare-2027"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("profiles/short-2027.yaml"), xinjiang.replace("id: xinjiang-2024", "id: short-2027")
                .replace("    upper: 上级安排\n", ""), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThat(lib.profile("national-2016").text().performanceLabels().projectTitle()).isEqualTo("项目绩效目标申报表");
        assertThat(lib.profile("guangzhou-2026").text().performanceLabels().projectTitle()).isEqualTo("项目绩效目标申报表");
        var own = lib.profile("own-2027").text().performanceLabels();
        assertThat(own.unit()).isEqualTo("申报单位");
        assertThat(own.projectTitle()).isEqualTo("项目绩效目标申报表");
        assertThat(own.upper()).isEqualTo("上级安排");
        assertThat(LIB.profile("national-2016").text().performanceLabels().projectTitle()).isEqualTo("项目支出绩效目标表");
        assertThat(LIB.profile("xinjiang-2025").text().performanceLabels()).isEqualTo(LIB.profile("xinjiang-2024").text().performanceLabels());
        assertThatThrownBy(() -> lib.profile("bare-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("bare-2027.yaml")
                        && p.field().equals("text") && p.message().contains("performance_labels") && p.message().contains("extends")));
        assertThatThrownBy(() -> lib.profile("short-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anyMatch(p -> p.file().endsWith("short-2027.yaml")
                        && p.field().equals("text.performance_labels") && p.message().contains("upper")));
    }
}
