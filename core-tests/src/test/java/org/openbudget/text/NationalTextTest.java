package org.openbudget.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The national standard's text (national-2016's outline), written for each example's ledger: every amount
 * it states is the cell of the national tables that prints that money — found here by table mark, row and
 * column label, independently of the measures the outline reads by.
 */
class NationalTextTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyAmountTheTextStatesIsTheTableCellOfThatMoney(String example) {
        Workspace ws = new Workspace(LIB);
        Workspace.Loaded l = ws.loaded(ws.read(Path.of("../examples", example)), "national-2016");
        Disclosure d = l.disclosure();
        // the generated check says the same of every amount the outline reads by measure
        assertThat(CheckCatalogue.run(d, l.profile(), l.ref())).noneMatch(f -> f.id().equals("text-measure"));
        DocumentText t = d.text();
        assertThat(t.sections()).extracting(Section::numeral)
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三");
        assertThat(t.sections()).allSatisfy(s -> assertThat(s.paragraphs()).isNotEmpty());
        String all = String.join("\n", t.sections().stream().flatMap(s -> s.paragraphs().stream()).toList());
        assertThat(all).doesNotContain("{").doesNotContain("null");
        int checked = 0;
        for (TextFact f : t.facts()) {
            if (f.kind() != FactKind.AMOUNT || f.section().equals("第一部分")) continue;
            Optional<BigDecimal> cell = cell(d, f.key());
            if (cell == null) continue;     // a narrative figure (procurement, assets, projects), not a table's
            BigDecimal expected = cell.map(Amounts::printed).orElse(BigDecimal.ZERO);
            // no overall target (count 0) involves no money
            if (f.key().equals("perf.overall") && t.fact("perf.overall", FactKind.COUNT).orElseThrow().value().signum() == 0) expected = BigDecimal.ZERO;
            assertThat(f.value()).as(example + " " + f.section() + " " + f.key() + " 「" + f.sentence() + "」")
                    .isEqualByComparingTo(expected);
            checked++;
        }
        assertThat(checked).as("amounts checked against the tables").isGreaterThan(20);
    }

    @Test
    void aTemplateThatExtendsTheNationalOneSaysNothingOfWhatItsTablesDoNotPrint(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/demo-2024.yaml"), """
                extends: national-2016
                id: demo-2024
                name: 某市 2024年部门预算公开模板
                year: 2024
                tables:
                  gpb_basic: ~
                  three_public: ~
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        Workspace ws = new Workspace(lib);
        Workspace.Loaded l = ws.loaded(ws.read(Path.of("../examples/urumqi-sme-center-2024")), "demo-2024");
        DocumentText t = l.disclosure().text();
        assertThat(t.sections()).hasSize(13);
        // 七 (“三公”经费) has no table to read, 六 no 基本支出 total or economic classes: their sentences are left out
        assertThat(t.section("七").orElseThrow().paragraphs()).isEmpty();
        assertThat(t.facts()).noneMatch(f -> f.key().startsWith("tpe.") || f.key().startsWith("gpb.basic"));
        assertThat(t.section("五").orElseThrow().paragraphs()).isNotEmpty();
        assertThat(CheckCatalogue.run(l.disclosure(), l.profile(), l.ref())).noneMatch(f -> f.id().equals("text-measure"));
        Map<String, String> measures = l.profile().text().outline().measuresByKey();
        MoneyCells.Index cells = new MoneyCells.Index(l.disclosure(), l.profile(), l.ref().sources());
        for (TextFact f : t.facts()) {
            if (f.kind() == FactKind.AMOUNT && measures.containsKey(f.key())) {
                assertThat(cells.cell(measures.get(f.key()))).as(f.key() + " is printed by a table").isPresent();
            }
        }
    }

    @Test
    void anAmountWithoutAKeyIsKeyedByItsMeasure(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/brief-2024.yaml"), """
                extends: national-2016
                id: brief-2024
                name: 某市 2024年部门预算公开模板（简）
                year: 2024
                text:
                  outline:
                    - number: 一
                      title: "关于{unit}{year}年基本支出的说明"
                      blocks:
                        - sentence: s3.total
                          amounts: [{var: total, measure: gpb & basic, subject: 一般公共预算基本支出}]
                """, StandardCharsets.UTF_8);
        Workspace ws = new Workspace(new ReferenceLibrary(dir));
        Workspace.Loaded l = ws.loaded(ws.read(Path.of("../examples/urumqi-sme-center-2024")), "brief-2024");
        DocumentText t = l.disclosure().text();
        assertThat(t.sections()).extracting(Section::numeral).containsExactly("一");
        TextFact f = t.fact("gpb & basic", FactKind.AMOUNT).orElseThrow();
        assertThat(f.value()).isEqualByComparingTo(at(l.disclosure(), "表6", r -> r.kind() == RowKind.TOTAL && r.side() == null, "合计")
                .map(Amounts::printed).orElseThrow());
        assertThat(t.section("一").orElseThrow().paragraphs()).containsExactly("乌鲁木齐市中小企业服务中心2024年支出预算" + Amounts.format(f.value(), true) + "万元，其中：");
    }

    /** The cell of the national tables a key's amount must equal; null for a key that is not a table's. */
    private static Optional<BigDecimal> cell(Disclosure d, String key) {
        if (key.startsWith("proc.") || key.startsWith("assets.") || key.startsWith("project.") || key.startsWith("other.")
                || key.equals("perf.nonfiscal") || key.equals("perf.classified")) return null;
        if (key.startsWith("fiscal.class:")) return at(d, "表4", classRow(Side.EXPENSE, key), "一般公共预算");
        if (key.startsWith("gfb.class:")) return at(d, "表4", classRow(Side.EXPENSE, key), "政府性基金预算");
        if (key.startsWith("soc.class:")) return at(d, "表4", classRow(Side.EXPENSE, key), "国有资本经营预算");
        if (key.startsWith("gpb.class:") || key.startsWith("gpb.item:") || key.startsWith("fiscal.item:")) {
            return at(d, "表5", classRow(null, key), "合计");
        }
        Predicate<Row> total = r -> r.kind() == RowKind.TOTAL && r.side() == null;
        Predicate<Row> incomeTotal = r -> r.kind() == RowKind.TOTAL && r.side() == Side.INCOME;
        return switch (key) {
            case "total", "income.total", "perf.overall" -> at(d, "表1", incomeTotal, 0);
            case "income.gpb", "income.gfb", "income.soc", "income.edu", "income.unit", "income.carry" ->
                    at(d, "表1", line(key.substring("income.".length())), 0);
            case "expense.total" -> at(d, "表3", total, "合计");
            case "expense.basic" -> at(d, "表3", total, "基本支出");
            case "expense.project" -> at(d, "表3", total, "项目支出");
            case "fiscal.total" -> at(d, "表4", incomeTotal, 0);
            case "fiscal.gpb", "fiscal.gfb", "fiscal.soc" -> at(d, "表4", line(key.substring("fiscal.".length())), 0);
            case "gpb.total" -> at(d, "表5", total, "合计");
            case "gpb.project", "perf.fiscal" -> at(d, "表5", total, "项目支出");
            case "gpb.basic" -> at(d, "表6", total, "合计");
            case "gpb.basic.personnel" -> at(d, "表6", total, "人员经费");
            case "gpb.basic.public", "running" -> at(d, "表6", total, "公用经费");
            case "tpe.total" -> at(d, "表7", total, "合计");
            case "tpe.abroad" -> at(d, "表7", total, "因公出国（境）费");
            case "tpe.vehicle.purchase" -> at(d, "表7", total, "公务用车购置费");
            case "tpe.vehicle.run" -> at(d, "表7", total, "公务用车运行费");
            case "tpe.reception" -> at(d, "表7", total, "公务接待费");
            case "gfb.total" -> at(d, "表8", total, "合计");
            case "gfb.basic" -> at(d, "表8", total, "基本支出");
            case "gfb.project" -> at(d, "表8", total, "项目支出");
            case "soc.total" -> at(d, "表9", total, "合计");
            case "soc.basic" -> at(d, "表9", total, "基本支出");
            case "soc.project" -> at(d, "表9", total, "项目支出");
            default -> fail("the text states an amount of key " + key + " that no table cell of this test stands for");
        };
    }

    private static Predicate<Row> classRow(Side side, String key) {
        String code = key.substring(key.indexOf(':') + 1);
        return r -> r.kind() == RowKind.CLASS && r.side() == side && r.code().equals(code) && r.unit().isEmpty();
    }

    private static Predicate<Row> line(String rowKey) {
        return r -> r.kind() == RowKind.LINE && r.side() == Side.INCOME && r.key().equals(rowKey);
    }

    private static Optional<BigDecimal> at(Disclosure d, String mark, Predicate<Row> row, String column) {
        DisclosureTable t = table(d, mark);
        int c = t.columnIndex(column);
        assertThat(c).as(mark + " column " + column).isNotNegative();
        return at(d, mark, row, c);
    }

    private static Optional<BigDecimal> at(Disclosure d, String mark, Predicate<Row> row, int column) {
        DisclosureTable t = table(d, mark);
        return t.find(row).map(r -> r.value(column));
    }

    private static DisclosureTable table(Disclosure d, String mark) {
        List<DisclosureTable> found = d.tables().stream().filter(t -> t.mark().equals(mark)).toList();
        assertThat(found).as(mark).hasSize(1);
        return found.get(0);
    }
}
