package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;

/**
 * Round trip through our own PDF: ledger → derive → render (PDF) → audit reads the PDF back →
 * the same tables, cell by cell as printed, and no error beyond those of the derived document
 * itself — for the three example datasets (with their text: the text facts are read back and
 * checked too) and for 200 random synthetic datasets.
 */
class RenderAuditRoundTripTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final List<String> EXAMPLES = List.of("urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024");

    static Path pdf(Disclosure d, TemplateProfile p, Path file) throws Exception {
        try (OutputStream o = Files.newOutputStream(file)) {
            Renderers.of(Format.PDF).write(new DocumentView(d, p), o);
        }
        return file;
    }

    static List<String> differences(Disclosure parsed, Disclosure derived) {
        return differences(parsed, derived, no -> org.openbudget.core.money.AmountFormat.wan(true));
    }

    /** Cell by cell as printed in each table's unit and decimals under {@code profile} (a table in whole 元 compares 元). */
    static List<String> differences(Disclosure parsed, Disclosure derived, TemplateProfile profile) {
        return differences(parsed, derived, no -> profile.findTable(no).map(profile::amountFormat).orElse(profile.amountFormat()));
    }

    static List<String> differences(Disclosure parsed, Disclosure derived, java.util.function.IntFunction<org.openbudget.core.money.AmountFormat> formats) {
        List<String> out = new ArrayList<>();
        for (DisclosureTable d : derived.tables()) {
            org.openbudget.core.money.AmountFormat format = formats.apply(d.no());
            DisclosureTable p = parsed.table(d.no()).orElse(null);
            if (p == null) {
                out.add("表" + d.no() + " missing");
                continue;
            }
            // a table printing no amount at all (西安 表9, a 政府性基金收支表 of a unit without such money: its labels only)
            // is read back as an empty table — nothing printed to read, as a published blank table is
            boolean noAmount = d.rows().stream().allMatch(r -> r.values().stream().allMatch(v -> v == null || v.signum() == 0));
            if (p.rows().isEmpty() && p.empty() && noAmount) continue;
            if (p.rows().size() != d.rows().size()) {
                out.add("表" + d.no() + " rows " + p.rows().size() + " ≠ " + d.rows().size());
                continue;
            }
            for (int i = 0; i < d.rows().size(); i++) {
                Row a = p.rows().get(i), b = d.rows().get(i);
                if (!a.code().equals(b.code()) || a.kind() != b.kind()) out.add("表" + d.no() + " row " + i + ": " + a.label() + " ≠ " + b.label());
                for (int c = 0; c < d.columns().size(); c++) {
                    BigDecimal x = printed(format, a.value(c)), y = printed(format, b.value(c));
                    if (x == null ? y != null : y == null || x.compareTo(y) != 0) out.add("表" + d.no() + " " + b.label() + " [" + d.columns().get(c) + "] " + x + " ≠ " + y);
                }
            }
        }
        return out;
    }

    private static BigDecimal printed(org.openbudget.core.money.AmountFormat format, BigDecimal wan) {
        return wan == null || wan.signum() == 0 ? null : format.printed(wan);
    }

    static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).toList();
    }

    @Test
    void theExamplesRenderedAsPdfAreAuditedWithoutError(@TempDir Path dir) throws Exception {
        for (String name : EXAMPLES) {
            Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples").resolve(name));
            DocumentAudit.Result a = DocumentAudit.run(pdf(l.disclosure(), l.profile(), dir.resolve(name + ".pdf")), LIB);
            assertThat(differences(a.disclosure(), l.disclosure())).as(name).isEmpty();
            List<String> own = errors(CheckCatalogue.run(l.disclosure(), l.profile(), l.ref()));
            assertThat(errors(a.findings())).as(name + " notes " + a.notes()).allMatch(own::contains);
            // the text came back too: its facts are read and checked
            assertThat(a.disclosure().text().facts()).as(name).hasSizeGreaterThan(20);
        }
    }

    /**
     * The same through OFD (issue 15): each example rendered as OFD is read back by the audit as its PDF is — the same
     * tables cell by cell, no error of its own, the text's facts read, and the same findings as the PDF's.
     */
    @Test
    void theExamplesRenderedAsOfdAreAuditedAsTheirPdfs(@TempDir Path dir) throws Exception {
        for (String name : List.of("urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024")) {
            Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples").resolve(name));
            Path ofd = dir.resolve(name + ".ofd");
            try (OutputStream o = Files.newOutputStream(ofd)) {
                Renderers.of(Format.OFD).write(new DocumentView(l.disclosure(), l.profile()), o);
            }
            DocumentAudit.Result a = DocumentAudit.run(ofd, LIB);
            assertThat(a.format()).isEqualTo(DocumentAudit.Format.OFD);
            assertThat(differences(a.disclosure(), l.disclosure())).as(name).isEmpty();
            List<String> own = errors(CheckCatalogue.run(l.disclosure(), l.profile(), l.ref()));
            assertThat(errors(a.findings())).as(name + " notes " + a.notes()).allMatch(own::contains);
            assertThat(a.disclosure().text().facts()).as(name).hasSizeGreaterThan(20);
            DocumentAudit.Result fromPdf = DocumentAudit.run(pdf(l.disclosure(), l.profile(), dir.resolve(name + ".pdf")), LIB);
            assertThat(a.findings().stream().map(f -> f.id() + " " + f.message()).toList())
                    .as(name).containsExactlyElementsOf(fromPdf.findings().stream().map(f -> f.id() + " " + f.message()).toList());
            assertThat(java.util.Arrays.stream(a.pageOfLine()).allMatch(p -> p >= 1)).as("every line on its page").isTrue();
        }
    }

    @Test
    void twoHundredSyntheticDatasetsRenderedAsPdfAreAuditedWithoutError(@TempDir Path dir) throws Exception {
        TemplateProfile profile = LIB.profile("xinjiang-2024");
        SyntheticBudgets gen = new SyntheticBudgets(LIB.year(2024), "xinjiang-2024");
        Random rnd = new Random(31415);
        List<String> failures = new ArrayList<>();
        Path file = dir.resolve("synthetic.pdf");
        for (int i = 0; i < 200; i++) {
            var b = i % 5 == 4 ? gen.department(rnd, i, 2, 8, 30) : gen.unit(rnd, i, 8 + rnd.nextInt(50));
            Disclosure d = Pipeline.derive(b, LIB.year(2024), profile);
            DocumentAudit.Result a = DocumentAudit.run(pdf(d, profile, file), LIB);
            List<String> diff = differences(a.disclosure(), d);
            List<String> own = errors(CheckCatalogue.run(d, profile, LIB.year(2024)));
            List<String> extra = errors(a.findings()).stream().filter(e -> !own.contains(e)).toList();
            if (!diff.isEmpty() || !extra.isEmpty()) failures.add("#" + i + " " + (diff.isEmpty() ? extra.get(0) : diff.get(0)) + " notes " + a.notes());
        }
        assertThat(failures).isEmpty();
    }

    /** Writes audit's committed fixtures of our renderer's PDFs: {@code -Daudit.fixtures=write}. */
    @Test
    @EnabledIfSystemProperty(named = "audit.fixtures", matches = "write")
    void writeRenderedPdfFixtures() throws Exception {
        Path out = Path.of("../audit/src/test/resources/pdf");
        for (String name : EXAMPLES) {
            Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples").resolve(name));
            pdf(l.disclosure(), l.profile(), out.resolve(name + ".render.pdf"));
        }
        // the 决算 example under both 决算 templates (the 决算 mutation test of the audit)
        for (String profile : List.of("national-final-2016", "shanghai-final-2024")) {
            Workspace w = new Workspace(LIB);
            Workspace.Loaded l = w.loaded(w.read(Path.of("../examples/urumqi-sme-center-final-2024")), profile);
            pdf(l.disclosure(), l.profile(), out.resolve("urumqi-sme-center-final-2024." + profile + ".render.pdf"));
        }
    }
}
