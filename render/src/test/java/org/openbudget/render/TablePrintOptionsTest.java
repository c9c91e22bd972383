package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.BodyRow;
import org.openbudget.render.layout.Cell;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.HeaderCell;
import org.openbudget.render.layout.TableView;

/**
 * Table-level print options of a profile, as data: a table in another unit than the document's
 * ({@code number_format:} on the table), how a classification prints its codes ({@code codes:} full,
 * split, joined, bracketed, with {@code code_heading:} / {@code name_heading:}), and a rate column
 * printed as a percentage whatever the amount unit.
 */
class TablePrintOptionsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Workspace WORKSPACE = new Workspace(LIB);

    private static DocumentView view(String example, String profile) {
        Workspace.Loaded l = WORKSPACE.loaded(Fixtures.load(example).budget(), profile);
        return new DocumentView(l.disclosure(), l.profile());
    }

    private static int index(DocumentView v, String id) {
        for (int i = 0; i < v.disclosure().tables().size(); i++) if (v.disclosure().tables().get(i).id().equals(id)) return i;
        throw new AssertionError("no table " + id);
    }

    @Test
    void aTableMayPrintAnotherUnitThanTheDocument() throws IOException {
        DocumentView v = view("urumqi-sme-center-2024", "shanghai-2026");
        int tpe = index(v, "three_public");
        assertThat(v.unitLine(v.disclosure().tables().get(tpe))).isEqualTo("单位：万元");
        assertThat(v.unitLine(v.disclosure().tables().get(0))).isEqualTo("单位：元");
        BigDecimal total = v.disclosure().tables().get(tpe).rows().get(0).value(0);
        assertThat(v.tables().get(tpe).rows().get(0).cells().get(1).text())
                .isEqualTo(String.format(Locale.ROOT, "%,.2f", total.setScale(2, RoundingMode.HALF_UP)));
        BigDecimal income = v.disclosure().tables().get(0).rows().get(0).value(0);
        assertThat(v.tables().get(0).rows().get(0).cells().get(1).text())
                .isEqualTo(String.format(Locale.ROOT, "%,d", income.movePointRight(4).setScale(0, RoundingMode.HALF_UP).longValueExact()));
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        Renderers.of(Format.HTML).write(v, html);
        assertThat(html.toString(StandardCharsets.UTF_8)).contains("单位：万元").contains("单位：元");
    }

    /** The code and name cells of the first 项 row of a table. */
    private static List<String> itemRow(DocumentView v, String id) {
        int i = index(v, id);
        DisclosureTable t = v.disclosure().tables().get(i);
        TableView tv = v.tables().get(i);
        for (int r = 0; r < t.rows().size(); r++) {
            Row row = t.rows().get(r);
            if (row.kind() == RowKind.CLASS && row.code().length() == 7) {
                return tv.rows().get(r).cells().stream().limit(tv.textColumns()).map(Cell::text).toList();
            }
        }
        throw new AssertionError("no 项 row in " + id);
    }

    @Test
    void classificationCodesPrintAsTheTemplateDoes() {
        // full (the national default): every part of the code in 类 款 项 columns
        assertThat(itemRow(view("urumqi-sme-center-2024", "national-2016"), "gpb_expense"))
                .containsExactly("206", "04", "99", "其他技术研究与开发支出");
        // split (烟台): each row its own part
        assertThat(itemRow(view("urumqi-sme-center-2024", "yantai-2026"), "gpb_expense"))
                .containsExactly("", "", "99", "其他技术研究与开发支出");
        // joined (深圳, 西安): one 科目编码 column
        DocumentView sz = view("urumqi-sme-center-2024", "shenzhen-2026");
        assertThat(itemRow(sz, "gpb_expense")).containsExactly("2060499", "其他技术研究与开发支出");
        assertThat(sz.tables().get(index(sz, "gpb_expense")).header().get(0)).extracting(HeaderCell::text).startsWith("科目编码", "科目名称");
        // bracketed (广州 表5): the code glued to the name, no code column
        DocumentView gz = view("urumqi-sme-center-2024", "guangzhou-2026");
        assertThat(itemRow(gz, "gpb_expense")).containsExactly("[2060499]其他技术研究与开发支出");
        assertThat(gz.tables().get(index(gz, "gpb_expense")).header()).anySatisfy(h ->
                assertThat(h).extracting(HeaderCell::text).contains("功能科目名称"));
    }

    @Test
    void aRateColumnPrintsPerCentWhateverTheAmountUnit(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/rates-2027.yaml"), """
                extends: national-2016
                id: rates-2027
                name: 增减率模板
                year: 2027
                number_format: {unit: 元, decimals: 2, thousands_separator: true}
                tables:
                  gpb_expense:
                    columns:
                      - {label: 上年预算数, measure: total, period: last_year}
                      - {label: 本年预算数, measure: total}
                      - {label: 增减额, change: [本年预算数, 上年预算数]}
                      - {label: 增减%, rate: [本年预算数, 上年预算数]}
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("rates-2027");
        ReferenceData ref = lib.year(2024);
        SyntheticBudgets gen = new SyntheticBudgets(ref, p.id());
        Random rnd = new Random(5);
        Budget b = gen.unit(rnd, 1, 80);
        b = b.withNarrative(Narrative.EMPTY.withLastYear(new Narrative.LastYear(gen.lastYear(rnd, b), Map.of())));
        Disclosure d = Deriver.tables(b, ref, p);
        DocumentView v = new DocumentView(d, p);
        int i = index(v, "gpb_expense");
        TableView tv = v.tables().get(i);
        Row total = d.tables().get(i).total(null).orElseThrow();
        BodyRow printed = tv.rows().get(d.tables().get(i).rows().indexOf(total));
        int first = tv.textColumns();
        assertThat(printed.cells().get(first + 1).text())
                .isEqualTo(String.format(Locale.ROOT, "%,.2f", total.value(1).movePointRight(4)));   // 元
        BigDecimal rate = total.value(3);
        assertThat(rate).isNotNull();
        assertThat(printed.cells().get(first + 3).text()).isEqualTo(rate.setScale(2, RoundingMode.HALF_UP).toPlainString());   // per cent
        Rendered.everyFormat(v, "print options");
    }

    @Test
    void aSummaryWithLastYearBesideThisYearPrintsBothOnEachSide(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/sides-2027.yaml"), """
                extends: national-2016
                id: sides-2027
                name: 收支总表上年本年对比
                year: 2027
                tables:
                  summary:
                    columns:
                      - {label: 上年预算数, measure: total, period: last_year}
                      - {label: 本年预算数, measure: total}
                      - {label: 增减额, change: [本年预算数, 上年预算数]}
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("sides-2027");
        ReferenceData ref = lib.year(2024);
        SyntheticBudgets gen = new SyntheticBudgets(ref, p.id());
        Random rnd = new Random(11);
        Budget b = gen.department(rnd, 1, 3, 30, 80);
        b = b.withNarrative(Narrative.EMPTY.withLastYear(new Narrative.LastYear(gen.lastYear(rnd, b), Map.of())));
        Disclosure d = Deriver.tables(b, ref, p);
        assertThat(org.openbudget.core.check.CheckCatalogue.run(d, p, ref))
                .noneMatch(f -> f.severity() == org.openbudget.core.check.Severity.ERROR);
        DisclosureTable summary = d.tables().get(0);
        Row in = summary.total(org.openbudget.core.disclosure.Side.INCOME).orElseThrow();
        Row out = summary.total(org.openbudget.core.disclosure.Side.EXPENSE).orElseThrow();
        for (int c = 0; c < 3; c++) assertThat(in.value(c)).as("column %d", c).isEqualByComparingTo(out.value(c));
        assertThat(in.value(0)).isNotEqualByComparingTo(in.value(1));
        TableView tv = new DocumentView(d, p).tables().get(0);
        assertThat(tv.header().get(1)).extracting(HeaderCell::text)
                .containsExactly("项目", "上年预算数", "本年预算数", "增减额", "支出功能分类", "上年预算数", "本年预算数", "增减额");
        List<Cell> last = tv.rows().get(tv.rows().size() - 1).cells();
        assertThat(last).hasSize(8);
        assertThat(last.subList(1, 4)).extracting(Cell::text).isEqualTo(last.subList(5, 8).stream().map(Cell::text).toList());
    }
}
