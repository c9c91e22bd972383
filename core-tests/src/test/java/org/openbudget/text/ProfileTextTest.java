package org.openbudget.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.text.NarrativeStatements;
import org.openbudget.core.text.OutlinePatterns;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Every template's text, written for one ledger (the bureau's, the richest example): its sections in
 * the outline's order, every amount it states the cell that prints its measure (the generated check finds
 * nothing), the summary figures the document's own 收支总表 total (found by its row, independently of
 * the measures), and the same outline's patterns, compiled, read back exactly the amounts it wrote.
 */
class ProfileTextTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static Workspace ws;
    private static org.openbudget.core.ledger.Budget bureau;

    @BeforeAll
    static void read() {
        ws = new Workspace(LIB);
        bureau = ws.read(Path.of("../examples/urumqi-industry-it-bureau-2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"national-2016", "shanghai-2026", "shenzhen-2026", "guangzhou-2026", "xian-2026", "xian-2022", "yantai-2026"})
    void theTextStatesTheTablesAndReadsBackByItsOwnPatterns(String profile) {
        Workspace.Loaded l = ws.loaded(bureau, profile);
        Disclosure d = l.disclosure();
        DocumentText t = d.text();
        TextOutline outline = l.profile().text().outline();
        assertThat(t.sections()).extracting(Section::numeral)
                .containsExactlyElementsOf(outline.sections().stream().map(TextOutline.Section::number).toList());
        assertThat(t.sections()).allSatisfy(s -> assertThat(s.paragraphs()).as(profile + " " + s.numeral()).isNotEmpty());
        String all = String.join("\n", t.sections().stream()
                .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.numeral() + "、" + s.title()), s.paragraphs().stream())).toList());
        assertThat(all).doesNotContain("{").doesNotContain("null");

        assertThat(CheckCatalogue.run(d, l.profile(), l.ref())).noneMatch(f -> f.id().equals("text-measure"));
        // the document's income total, from its summary table's total row
        DisclosureTable summary = d.tables().stream().filter(x -> x.rows().stream().anyMatch(r -> r.side() == Side.INCOME))
                .findFirst().orElseThrow();
        BigDecimal total = summary.find(r -> r.kind() == RowKind.TOTAL && r.side() == Side.INCOME).orElseThrow().value(0);
        List<TextFact> totals = t.facts().stream().filter(f -> f.kind() == FactKind.AMOUNT
                && List.of("total", "income.total", "expense.total").contains(f.key())).toList();
        assertThat(totals).as(profile + " states the total").isNotEmpty();
        for (TextFact f : totals) {
            BigDecimal printed = Amounts.printed(total);
            if (f.value().scale() == 0) printed = printed.setScale(0, java.math.RoundingMode.HALF_UP);
            assertThat(f.value()).as(profile + " 「" + f.sentence() + "」").isEqualByComparingTo(printed);
        }

        // read back: the amounts of every sentence and each block, by key, as written
        OutlinePatterns patterns = OutlinePatterns.compile(l.profile().text(), d.unitName(), d.kind().label(), d.year());
        Map<String, List<BigDecimal>> written = t.facts().stream()
                .filter(f -> f.kind() == FactKind.AMOUNT && patterns.keys().contains(f.key()))
                .collect(Collectors.groupingBy(TextFact::key, Collectors.mapping(f -> f.value().stripTrailingZeros(), Collectors.toList())));
        Map<String, List<BigDecimal>> read = patterns.read(all).stream()
                .collect(Collectors.groupingBy(TextFact::key, Collectors.mapping(f -> f.value().stripTrailingZeros(), Collectors.toList())));
        assertThat(written).as(profile + " amounts written").isNotEmpty();
        assertThat(read).as(profile + " read back").isEqualTo(written);
    }

    /**
     * What the narrative blocks state (assets, 预算绩效, other matters: counts, quantities, amounts) is read back from
     * each paragraph by the same declarations, compiled from the profile's patterns: exactly what the walker wrote.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xinjiang-2024", "national-2016"})
    void theNarrativeStatementsReadBackWhatTheWalkerWrote(String profile) {
        Workspace.Loaded l = ws.loaded(bureau, profile);
        Disclosure d = l.disclosure();
        List<NarrativeStatements> blocks = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (TextOutline.Section s : l.profile().text().outline().sections()) {
            for (TextOutline.Block b : s.blocks()) {
                if (!NarrativeStatements.declares(l.profile().measures(), b.kind())) continue;
                NarrativeStatements n = NarrativeStatements.compile(l.profile(), d.kind().label(), b);
                blocks.add(n);
                keys.addAll(n.keys());
            }
        }
        assertThat(keys).as(profile).contains("assets.building", "assets.vehicle.official", "perf.fiscal", "proc.goods");
        List<String> written = d.text().facts().stream().filter(f -> keys.contains(f.key()))
                .map(f -> f.key() + " " + f.kind() + " " + f.value().stripTrailingZeros().toPlainString()).sorted().toList();
        // the paragraphs that state them (a dataset's other matters the profile has no pattern of are not read)
        java.util.Set<String> stating = d.text().facts().stream().filter(f -> keys.contains(f.key())).map(f -> f.sentence().strip())
                .collect(Collectors.toSet());
        List<String> read = new java.util.ArrayList<>();
        for (Section s : d.text().sections()) {
            for (String p : s.paragraphs()) {
                if (!stating.contains(p.strip())) continue;
                // a paragraph is one block's (the reader reads a part by the blocks the outline puts there): the one that reads most
                List<TextFact> best = List.of();
                for (NarrativeStatements n : blocks) {
                    List<TextFact> got = n.read(s.numeral(), "", p, p);
                    if (got.size() > best.size()) best = got;
                }
                for (TextFact f : best) read.add(f.key() + " " + f.kind() + " " + f.value().stripTrailingZeros().toPlainString());
            }
        }
        assertThat(written).as(profile + " written").hasSizeGreaterThan(10);
        assertThat(read.stream().sorted().toList()).as(profile + " read back").isEqualTo(written);
    }
}
