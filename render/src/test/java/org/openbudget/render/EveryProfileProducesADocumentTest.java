package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.DocumentView;

/**
 * Every shipped profile produces a document: synthetic ledgers (a department and a unit, each with
 * last year's ledger, so that 上年 and 增减 cells hold money) and the three examples are derived under
 * it, pass every error-level check of the generic catalogue (tables consistent by construction), and
 * render in every format, each table's title and unit caption in the output.
 */
class EveryProfileProducesADocumentTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Workspace WORKSPACE = new Workspace(LIB);

    static Stream<String> profiles() {
        assertThat(LIB.profileIds()).as("shipped profiles").contains("national-2016", "xinjiang-2024", "xinjiang-2025",
                "shenzhen-2026", "guangzhou-2026", "yantai-2026", "xian-2026", "shanghai-2026");
        // a 决算 profile lays out 决算 datasets (synthetic final accounts, the 决算 example), a budget profile budgets
        return LIB.profileIds().stream().sorted();
    }

    private static boolean finalAccounts(String id) {
        return LIB.profile(id).meta().basis().equals("决算");
    }

    private static List<Finding> errors(Disclosure d, TemplateProfile p, ReferenceData ref) {
        return CheckCatalogue.run(d, p, ref).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void syntheticLedgersWithLastYearDeriveCheckAndRenderInEveryFormat(String id) throws IOException {
        TemplateProfile profile = LIB.profile(id);
        ReferenceData ref = LIB.year(2024);
        SyntheticBudgets gen = new SyntheticBudgets(ref, id);
        for (int i = 0; i < 2; i++) {
            Random rnd = new Random(1000 + i);
            Budget b = i == 0 ? gen.department(rnd, i, 3, 30, 90) : gen.unit(rnd, i, 70);
            if (finalAccounts(id)) {
                b = gen.finalAccounts(rnd, b);   // income received, balances, 经营支出 and 结余分配 now and then
            } else {
                Budget prior = gen.lastYear(rnd, b);
                b = b.withNarrative(Narrative.EMPTY.withLastYear(new Narrative.LastYear(prior, Map.of())));
            }
            Disclosure d = Deriver.tables(b, ref, profile);
            assertThat(d.tables()).extracting(DisclosureTable::id)
                    .containsExactlyElementsOf(profile.tables().values().stream().map(TableTemplate::id).toList());
            assertThat(errors(d, profile, ref)).as("%s synthetic #%d", id, i).isEmpty();
            renders(d, profile);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theExamplesDeriveCheckAndRenderInEveryFormat(String id) throws IOException {
        for (String example : finalAccounts(id) ? Fixtures.FINAL_EXAMPLES : Fixtures.EXAMPLES) {
            Workspace.Loaded l = WORKSPACE.loaded(Fixtures.load(example).budget(), id);
            assertThat(errors(l.disclosure(), l.profile(), l.ref())).as("%s / %s", id, example).isEmpty();
            renders(l.disclosure(), l.profile());
        }
    }

    /** Every format; the PDF's text and the HTML hold every table's title and the amount unit. */
    private static void renders(Disclosure d, TemplateProfile profile) throws IOException {
        DocumentView view = new DocumentView(d, profile);
        java.util.Map<Format, byte[]> files = Rendered.everyFormat(view, profile.id());
        byte[] pdf = files.get(Format.PDF);
        String html = new String(files.get(Format.HTML), StandardCharsets.UTF_8);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        List<String> missing = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            String title = t.title().replaceAll("\\s+", "");
            if (!text.contains(title)) missing.add("PDF: " + t.title());
            if (!html.contains(t.title())) missing.add("HTML: " + t.title());
        }
        assertThat(missing).as("%s titles", profile.id()).isEmpty();
        assertThat(html).contains("单位：" + profile.meta().amountUnit());
    }
}
