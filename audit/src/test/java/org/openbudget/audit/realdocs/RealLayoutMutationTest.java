package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.testing.LayoutMutants;
import org.openbudget.audit.testing.PdfToText;
import org.openbudget.core.check.Finding;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Mutation on real layouts (issue 11, item 6): the budget documents of shared/realdocs, every family, each with
 * ONE printed amount of a table changed — in the PDF's text layer as the reader lays it out, and in the text
 * {@code pdftotext -layout} makes of the same PDF — must be reported by a new error or warning at that table,
 * for at least 95 % of the mutants. Only cells the document's own arithmetic constrains are changed
 * ({@link LayoutMutants}); a change every sum of its cell still absorbs (rounding) is excluded and counted.
 *
 * <p>The test samples the mutants deterministically (a fixed seed, a few per document and route, to keep the
 * suite's time); {@code -Dmutants.full=true} mutates every constrained amount of every document and prints the
 * figures (README, "Mutation on real layouts").
 */
class RealLayoutMutationTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path SHARED = Path.of("../../shared/realdocs");
    static final boolean FULL = Boolean.getBoolean("mutants.full");
    /**
     * The share found, at least, in the suite's sample — a guard against a reading that gets worse, not the issue's
     * measure: 139 / 144 on 2026-12-05 once a table in 元 is checked to its own decimals (133 / 144 before; 西安's
     * economic tables and 烟台's in pdftotext text are most of the misses; which amounts are drawn follows the reading),
     * when the full run ({@code -Dmutants.full=true}, README) found 2,971 / 3,120 (95.2 %) before that; 144 / 144 on
     * 2026-12-06 once a text laid out by spaces is read by where its amounts are (shape/SpacedColumns).
     */
    static final double SAMPLE_FLOOR = 0.99;
    /** Mutants per document and route in the sampled run. */
    static final int PER_DOC = Integer.getInteger("mutants.perDoc", FULL ? 40 : 6);

    /** The budget documents of every family (the 262-page 深圳人社 only in the full run: its reading alone is seconds). */
    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SHARED)) {
            s.filter(p -> p.toString().endsWith(".pdf")).sorted().forEach(out::add);
        }
        out.removeIf(p -> p.getFileName().toString().contains("决算"));
        if (FULL) return out;
        // the sampled run: two documents of each family, drawn with a fixed seed (not the 262-page 深圳人社: its reading alone is seconds)
        out.removeIf(p -> p.getFileName().toString().contains("人力资源和社会保障局"));
        Map<String, List<Path>> byFamily = new LinkedHashMap<>();
        for (Path p : out) byFamily.computeIfAbsent(p.getParent().getFileName().toString(), k -> new ArrayList<>()).add(p);
        List<Path> sample = new ArrayList<>();
        Random rnd = new Random(11);
        for (List<Path> docs : byFamily.values()) {
            java.util.Collections.shuffle(docs, rnd);
            sample.addAll(docs.subList(0, Math.min(2, docs.size())));
        }
        return sample;
    }

    record Tally(int[] counts, List<String> missed, Map<String, Integer> excluded) {
        Tally() {
            this(new int[2], new ArrayList<>(), new LinkedHashMap<>());
        }
    }

    @Test
    void aChangedAmountOfARealTableIsReportedAtThatTable() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "shared/realdocs not present");
        boolean pdftotext = PdfToText.available();
        Map<String, Tally> byFamilyRoute = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Path pdf : documents()) {
            String family = pdf.getParent().getFileName().toString();
            String name = pdf.getFileName().toString();
            PdfLayout.Text laid;
            try {
                laid = PdfLayout.read(pdf.toFile());
            } catch (PdfLayout.PdfException e) {
                throw new IllegalStateException(name + ": " + e.getMessage());
            }
            // the PDF's text layer, laid out
            // each document its own seed: what one document's mutants are does not depend on the others
            Random rnd = new Random(name.hashCode());
            run(byFamilyRoute.computeIfAbsent(family + " · PDF", k -> new Tally()), name, laid.lines(), rnd,
                    lines -> DocumentAudit.auditLaidOut(name, new PdfLayout.Text(lines, laid.pageOfLine(), laid.pages(), laid.encrypted(), laid.notes(), laid.boxes()), LIB));
            if (pdftotext) {
                List<String> text = List.of(PdfToText.layout(pdf).split("\n", -1));
                run(byFamilyRoute.computeIfAbsent(family + " · pdftotext", k -> new Tally()), name, text, rnd,
                        lines -> DocumentAudit.auditText(name, String.join("\n", lines), LIB, name));
            }
        }
        int total = 0, found = 0;
        Map<String, Integer> excluded = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder();
        for (var e : byFamilyRoute.entrySet()) {
            int[] c = e.getValue().counts();
            total += c[0];
            found += c[1];
            e.getValue().excluded().forEach((k, v) -> excluded.merge(k, v, Integer::sum));
            report.append(String.format("  %-28s %4d/%4d reported at their table (%.1f %%)%n", e.getKey(), c[1], c[0], c[0] == 0 ? 0 : 100.0 * c[1] / c[0]));
        }
        report.insert(0, String.format("real layouts: %d/%d mutants reported at their table (%.1f %%) in %.1f s%s%n", found, total,
                total == 0 ? 0 : 100.0 * found / total, (System.nanoTime() - t0) / 1e9, pdftotext ? "" : " (no pdftotext: the PDF route only)"));
        report.append("  excluded (not visible by construction): ").append(excluded).append('\n');
        System.out.print(report);
        byFamilyRoute.forEach((k, v) -> v.missed().stream().limit(FULL ? 40 : 10).forEach(m -> System.out.println("  missed " + k + ": " + m)));
        assertThat(total).as(report.toString()).isGreaterThanOrEqualTo(FULL ? 300 : 120);
        // the target, 95 %, is asserted on the full run; the sample of the suite keeps the level it reached (100 % since
        // session 13's spaced columns: 144 / 144; 96.5 % before)
        assertThat((double) found / total).as(report.toString()).isGreaterThanOrEqualTo(FULL ? 0.95 : SAMPLE_FLOOR);
        for (var e : byFamilyRoute.entrySet()) assertThat(e.getValue().counts()[0]).as(e.getKey() + " has mutants").isPositive();
    }

    interface Auditor {
        DocumentAudit.Result audit(List<String> lines);
    }

    static void run(Tally tally, String name, List<String> lines, Random rnd, Auditor auditor) {
        DocumentAudit.Result base = auditor.audit(lines);
        Set<String> baseline = new HashSet<>();
        for (Finding f : base.findings()) baseline.add(LayoutMutants.key(f));
        LayoutMutants gen = new LayoutMutants(lines, base, LIB.profile(base.disclosure().profileId()));
        for (LayoutMutants.Mutant m : gen.mutants(rnd, PER_DOC)) {
            tally.counts()[0]++;
            try {
                DocumentAudit.Result a = auditor.audit(m.lines());
                if (LayoutMutants.reportedAt(m, baseline, a.findings())) tally.counts()[1]++;
                else tally.missed().add(name + " line " + (m.line0() + 1) + " · " + m.what());
            } catch (InputException e) {
                tally.missed().add(name + " · " + m.what() + " → unreadable: " + e.getMessage());
            }
        }
        gen.excluded.forEach((k, v) -> tally.excluded().merge(k, v, Integer::sum));
    }
}
