package org.openbudget.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * 上年预算数 | 本年预算数 | 增减额 | 增减% columns: last year's columns are last year's ledger measured by the
 * same template, the change and rate compare two columns of the row, rows present only last year still
 * print, and the derived document passes its checks.
 */
class YearColumnsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final ReferenceData REF = LIB.year(2024);

    /** A budget whose dataset names last year's. */
    private static Budget withLastYear(Budget b, Budget prior) {
        return b.withNarrative(Narrative.EMPTY.withLastYear(new Narrative.LastYear(prior, Map.of())));
    }

    private static List<Finding> errors(Disclosure d, TemplateProfile p) {
        return CheckCatalogue.run(d, p, REF).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The columns of one period, in order. */
    private static List<Integer> columns(TableTemplate t, boolean lastYear) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnSpec c = t.columns().get(i);
            if (!c.computed() && c.lastYear() == lastYear) out.add(i);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yantai-2026", "xian-2026"})
    void theRegionsThreePublicTablePrintsLastYearsLedgerBesideThisYearsAndTheChange(String profileId) {
        TemplateProfile profile = LIB.profile(profileId);
        TableTemplate tpl = profile.tableById("three_public").orElseThrow();
        List<Integer> last = columns(tpl, true);
        List<Integer> now = columns(tpl, false);
        assertThat(last).isNotEmpty().hasSameSizeAs(now);
        SyntheticBudgets gen = new SyntheticBudgets(REF, profileId);
        int compared = 0;
        for (int i = 0; i < 6; i++) {
            Random rnd = new Random(100 + i);
            Budget b = i % 2 == 0 ? gen.department(rnd, i, 2 + i, 30, 120) : gen.unit(rnd, i, 80);
            Budget prior = gen.lastYear(rnd, b);
            Disclosure both = Deriver.tables(withLastYear(b, prior), REF, profile);
            DisclosureTable t = both.tables().stream().filter(x -> x.id().equals("three_public")).findFirst().orElseThrow();
            // last year's document under the same template: its this-year columns are our last-year ones
            DisclosureTable then = Deriver.tables(prior, REF, profile).tables().stream()
                    .filter(x -> x.id().equals("three_public")).findFirst().orElseThrow();
            DisclosureTable alone = Deriver.tables(b, REF, profile).tables().stream()
                    .filter(x -> x.id().equals("three_public")).findFirst().orElseThrow();
            Row r = t.rows().get(0);
            for (int k = 0; k < last.size(); k++) {
                BigDecimal lastYear = then.rows().get(0).value(now.get(k));
                assertThat(r.value(last.get(k))).as("%s 上年 column %d", profileId, k).isEqualTo(lastYear);
                assertThat(r.value(now.get(k))).isEqualTo(alone.rows().get(0).value(now.get(k)));
                if (lastYear != null) compared++;
            }
            for (int c = 0; c < tpl.columns().size(); c++) {
                ColumnSpec spec = tpl.columns().get(c);
                if (!spec.computed()) continue;
                BigDecimal x = nz(r.value(tpl.columnRef(spec.of().get(0)))), y = nz(r.value(tpl.columnRef(spec.of().get(1))));
                assertThat(nz(r.value(c))).as(spec.label()).isEqualByComparingTo(x.subtract(y));
            }
            // without last year's dataset the 上年 columns are blank and nothing else changes
            assertThat(alone.rows().get(0).values()).satisfies(v -> last.forEach(k -> assertThat(v.get(k)).isNull()));
            assertThat(errors(both, profile)).as("%s #%d", profileId, i).isEmpty();
        }
        assertThat(compared).as("some 上年 cells hold money").isGreaterThan(0);
    }

    @Test
    void shenzhensThreePublicTablePrintsARowPerYearAndTheirDifference() {
        TemplateProfile profile = LIB.profile("shenzhen-2026");
        SyntheticBudgets gen = new SyntheticBudgets(REF, profile.id());
        int held = 0;
        for (int i = 0; i < 6; i++) {
            Random rnd = new Random(40 + i);
            Budget b = i % 2 == 0 ? gen.department(rnd, i, 2 + i, 30, 120) : gen.unit(rnd, i, 80);
            Budget prior = gen.lastYear(rnd, b);
            Disclosure d = Deriver.tables(withLastYear(b, prior), REF, profile);
            DisclosureTable t = table(d, "three_public");
            if (t.empty()) continue;
            assertThat(t.rows()).extracting(Row::name).containsExactly("2023 年", "2024 年", "增减变化金额");
            DisclosureTable then = table(Deriver.tables(prior, REF, profile), "three_public");
            DisclosureTable now = table(Deriver.tables(b, REF, profile), "three_public");
            for (int c = 0; c < t.columns().size(); c++) {
                BigDecimal last = then.empty() ? null : then.rows().get(1).value(c);
                assertThat(t.rows().get(0).value(c)).as("上年 %s", t.columns().get(c)).isEqualTo(last);
                assertThat(t.rows().get(1).value(c)).isEqualTo(now.empty() ? null : now.rows().get(1).value(c));
                assertThat(nz(t.rows().get(2).value(c))).isEqualByComparingTo(nz(t.rows().get(1).value(c)).subtract(nz(last)));
                if (last != null) held++;
            }
            assertThat(errors(d, profile)).as("#%d", i).isEmpty();
        }
        assertThat(held).isGreaterThan(0);
    }

    @Test
    void aProfilesOwnMeasureMaySumTheDictionarys() {
        // 西安 表13: 合计 = “三公”经费 + 会议费 + 培训费, measures the profile adds (meeting, training) over 经济分类 30215/30216
        TemplateProfile profile = LIB.profile("xian-2026");
        assertThat(profile.measures().get("tpe.meeting.training").sumOf()).containsExactly("tpe.total", "meeting", "training");
        SyntheticBudgets gen = new SyntheticBudgets(REF, profile.id());
        int nonZero = 0;
        for (int i = 0; i < 8; i++) {
            Budget b = gen.unit(new Random(60 + i), i, 150);
            DisclosureTable t = table(Deriver.tables(b, REF, profile), "three_public");
            TableTemplate tpl = profile.tableById("three_public").orElseThrow();
            Row r = t.rows().get(0);
            BigDecimal parts = nz(r.value(tpl.columnRef("当年“三公”经费小计"))).add(nz(r.value(tpl.columnRef("当年会议费"))))
                    .add(nz(r.value(tpl.columnRef("当年培训费"))));
            assertThat(nz(r.value(tpl.columnRef("当年合计")))).isEqualByComparingTo(parts);
            if (r.value(tpl.columnRef("当年会议费")) != null || r.value(tpl.columnRef("当年培训费")) != null) nonZero++;
        }
        assertThat(nonZero).as("会议费 or 培训费 held money").isGreaterThan(0);
    }

    @Test
    void aDepartmentDerivedWithItsUnitsPrintsTheSameLastYear() {
        TemplateProfile profile = LIB.profile("xian-2026");
        SyntheticBudgets gen = new SyntheticBudgets(REF, profile.id());
        Random rnd = new Random(77);
        Budget dept = gen.department(rnd, 3, 4, 40, 120);
        dept = withLastYear(dept, gen.lastYear(rnd, dept));
        Disclosure alone = Deriver.tables(dept, REF, profile);
        Disclosure withUnits = Pipeline.deriveWithUnits(dept, REF, profile).department();
        assertThat(withUnits.tables()).isEqualTo(alone.tables());
        assertThat(table(alone, "three_public").rows().get(0).value(0)).isNotNull();
    }

    private static DisclosureTable table(Disclosure d, String id) {
        return d.tables().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static final String YEARS_PROFILE = """
            extends: national-2016
            id: years-2027
            name: 上年本年对比模板
            year: 2027
            number_format: {unit: 元, decimals: 2}
            tables:
              gpb_expense:
                columns:
                  - {label: 上年预算数, measure: total, period: last_year}
                  - {label: 本年预算数, measure: total}
                  - {label: 增减额, change: [本年预算数, 上年预算数]}
                  - {label: 增减%, rate: [本年预算数, 上年预算数]}
                  - {label: 上年项目支出, measure: project, period: last_year, group: 项目支出}
                  - {label: 本年项目支出, measure: project, group: 项目支出}
            """;

    @Test
    void aClassificationTablePrintsRowsOfEitherYearInCodeOrderWithChangeAndRate(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/years-2027.yaml"), YEARS_PROFILE, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("years-2027");
        SyntheticBudgets gen = new SyntheticBudgets(REF, p.id());
        int onlyLastYear = 0, onlyThisYear = 0;
        for (int i = 0; i < 6; i++) {
            Random rnd = new Random(7 + i);
            Budget b = i % 2 == 0 ? gen.department(rnd, i, 1 + i, 30, 100) : gen.unit(rnd, i, 60);
            Budget prior = gen.lastYear(rnd, b);
            Disclosure d = Deriver.tables(withLastYear(b, prior), REF, p);
            DisclosureTable t = d.tables().stream().filter(x -> x.id().equals("gpb_expense")).findFirst().orElseThrow();
            assertThat(t.columns()).containsExactly("上年预算数", "本年预算数", "增减额", "增减%", "上年项目支出", "本年项目支出");
            Map<String, BigDecimal> thisYear = byCode(Deriver.tables(b, REF, p), 1);
            Map<String, BigDecimal> lastYear = byCode(Deriver.tables(prior, REF, p), 1);
            List<String> codes = new ArrayList<>();
            for (Row r : t.rows()) {
                if (r.kind() != RowKind.CLASS) continue;
                codes.add(r.code());
                assertThat(r.value(0)).as("上年 %s", r.code()).isEqualTo(lastYear.get(r.code()));
                assertThat(r.value(1)).as("本年 %s", r.code()).isEqualTo(thisYear.get(r.code()));
                BigDecimal change = nz(r.value(1)).subtract(nz(r.value(0)));
                assertThat(nz(r.value(2))).isEqualByComparingTo(change);
                if (r.value(0) == null) {
                    assertThat(r.value(3)).as("no rate without last year").isNull();
                    onlyThisYear++;
                } else {
                    assertThat(nz(r.value(3))).isEqualByComparingTo(change.multiply(BigDecimal.valueOf(100)).divide(r.value(0), MathContext.DECIMAL64));
                }
                if (r.value(1) == null) {
                    onlyLastYear++;
                    assertThat(r.value(3)).isEqualByComparingTo("-100");
                }
            }
            // every class of either year, in code order, parents before children
            List<String> expected = new ArrayList<>(new java.util.TreeSet<>(union(thisYear.keySet(), lastYear.keySet())));
            if (!b.isDepartment()) assertThat(codes).isEqualTo(expected);
            assertThat(errors(d, p)).as("#%d", i).isEmpty();
        }
        assertThat(onlyLastYear).as("rows present only last year").isGreaterThan(0);
        assertThat(onlyThisYear).as("rows present only this year").isGreaterThan(0);
    }

    @Test
    void aChangedCellIsFoundByTheChecks(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/years-2027.yaml"), YEARS_PROFILE, StandardCharsets.UTF_8);
        TemplateProfile p = new ReferenceLibrary(dir).profile("years-2027");
        SyntheticBudgets gen = new SyntheticBudgets(REF, p.id());
        Random rnd = new Random(3);
        Budget b = gen.unit(rnd, 1, 80);
        Disclosure d = Deriver.tables(withLastYear(b, gen.lastYear(rnd, b)), REF, p);
        int at = 0;
        while (!d.tables().get(at).id().equals("gpb_expense")) at++;
        DisclosureTable t = d.tables().get(at);
        Row total = t.total(null).orElseThrow();
        for (int col : new int[] {2, 3}) {
            List<BigDecimal> v = new ArrayList<>(total.values());
            v.set(col, nz(v.get(col)).add(BigDecimal.ONE));
            List<Row> rows = new ArrayList<>(t.rows());
            rows.set(rows.indexOf(total), total.withValues(v));
            List<DisclosureTable> tables = new ArrayList<>(d.tables());
            tables.set(at, new DisclosureTable(t.no(), t.title(), t.columns(), rows, false, null, t.id(), t.mark()));
            Disclosure bad = new Disclosure(d.unitName(), d.kind(), d.year(), d.profileId(), tables, d.text(), d.origin());
            assertThat(errors(bad, p)).as("column %d changed", col)
                    .anyMatch(f -> f.id().equals("column-change") && f.column().equals(t.columns().get(col)));
        }
    }

    @Test
    void aChangeNamingNoColumnIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/bad-2027.yaml"), """
                extends: national-2016
                id: bad-2027
                name: 坏模板
                year: 2027
                tables:
                  gpb_expense:
                    columns:
                      - {label: 上年预算数, measure: total, period: lastyear}
                      - {label: 本年预算数, measure: total}
                      - {label: 增减额, change: [本年预算数, 上年数]}
                      - {label: 增减%, rate: [增减额]}
                      - {label: 上年项目, measure: project, peroid: last_year}
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThatThrownBy(() -> lib.profile("bad-2027")).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    var problems = ((InputException) e).problems();
                    assertThat(problems).anyMatch(q -> q.message().contains("lastyear") && q.file().endsWith("bad-2027.yaml") && q.line() == 8);
                    assertThat(problems).anyMatch(q -> q.message().contains("上年数") && q.line() == 10);
                    assertThat(problems).anyMatch(q -> q.message().contains("两列") && q.line() == 11);
                    assertThat(problems).anyMatch(q -> q.message().contains("未知字段 peroid") && q.line() == 12);
                });
    }

    private static Map<String, BigDecimal> byCode(Disclosure d, int column) {
        DisclosureTable t = d.tables().stream().filter(x -> x.id().equals("gpb_expense")).findFirst().orElseThrow();
        Map<String, BigDecimal> out = new HashMap<>();
        for (Row r : t.rows()) if (r.kind() == RowKind.CLASS && r.unit().isEmpty()) out.put(r.code(), r.value(column));
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
