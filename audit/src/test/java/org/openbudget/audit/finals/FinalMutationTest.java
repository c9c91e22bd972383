package org.openbudget.audit.finals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.testing.LayoutMutants;
import org.openbudget.audit.testing.PdfFixtures;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Mutation over 决算 documents (issue 12, item 7): our renderer's PDFs of the 决算 example under both 决算
 * templates (committed fixtures: {@code -Daudit.fixtures=write} in cli's RenderAuditRoundTripTest) and the 普陀区
 * 决算 of shared/realdocs, each with ONE amount changed in its PDF's text layer as laid out — a table cell the
 * document's own arithmetic constrains ({@link LayoutMutants}), or an amount of its 情况说明 that the text reader
 * reads — must be reported by a new error or warning at that table, or at that section of the text, for at least
 * 95 % of the mutants. An amount of the text that no fact of the reading holds (the reader does not read it, so no
 * check can) is excluded and counted, as is a cell change the rounding absorbs.
 *
 * <p>The suite samples the mutants with a fixed seed; {@code -Dmutants.full=true} takes up to 120 of each kind per
 * document and prints the figures (README).
 */
class FinalMutationTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path PUTUO = Path.of("../../shared/realdocs/shanghai-putuo");
    static final boolean FULL = Boolean.getBoolean("mutants.full");
    static final int TABLE_MUTANTS = FULL ? 120 : 16;
    static final int TEXT_MUTANTS = FULL ? 120 : 16;

    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String profile : List.of("national-final-2016", "shanghai-final-2024")) {
            out.add(PdfFixtures.DIR.resolve("urumqi-sme-center-final-2024." + profile + ".render.pdf"));
        }
        if (Files.isDirectory(PUTUO)) {
            try (Stream<Path> s = Files.list(PUTUO)) {
                s.filter(p -> p.getFileName().toString().endsWith("部门决算.pdf")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** An amount of the text: a figure before 万元 or 元. */
    static final Pattern TEXT_AMOUNT = Pattern.compile("(?<![\\d.,])(?:[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d*|0)(?:\\.\\d+)?(?=\\s*万?元)");

    record Counts(int[] tables, int[] text, List<String> missed, Map<String, Integer> excluded, int[] read) {
        Counts() {
            this(new int[2], new int[2], new ArrayList<>(), new LinkedHashMap<>(), new int[2]);
        }
    }

    /**
     * Whether a fact of the reading holds the amount printed at line {@code line0} (0-based): a fact read from that line
     * or one of the two before it (a sentence wrapped over lines) whose value or one of whose items is that amount.
     */
    static boolean held(List<TextFact> facts, int line0, BigDecimal amount) {
        for (TextFact f : facts) {
            if (!f.source().startsWith("line:")) continue;
            int at = Integer.parseInt(f.source().substring(5)) - 1;
            if (at > line0 || at < line0 - 2) continue;
            if (f.value() != null && f.value().compareTo(amount) == 0) return true;
            for (String i : f.items()) {
                try {
                    if (new BigDecimal(i).compareTo(amount) == 0) return true;
                } catch (NumberFormatException e) {
                    // a word (增长/下降), not an amount
                }
            }
        }
        return false;
    }

    @Test
    void aChangedAmountOfA决算IsReportedAtItsTableOrSection() throws IOException {
        Map<String, Counts> byDoc = new LinkedHashMap<>();
        Random rnd = new Random(20240601);
        long t0 = System.nanoTime();
        for (Path pdf : documents()) {
            String name = pdf.getFileName().toString();
            PdfLayout.Text laid;
            try {
                laid = PdfLayout.read(pdf.toFile());
            } catch (PdfLayout.PdfException e) {
                throw new IllegalStateException(name + ": " + e.getMessage());
            }
            Counts counts = byDoc.computeIfAbsent(name, k -> new Counts());
            java.util.function.Function<List<String>, DocumentAudit.Result> audit =
                    lines -> DocumentAudit.auditLaidOut(name, new PdfLayout.Text(lines, laid.pageOfLine(), laid.pages(), laid.encrypted(), laid.notes(), laid.boxes()), LIB);
            DocumentAudit.Result base = audit.apply(laid.lines());
            assertThat(base.disclosure().profileId()).as(name).contains("final");
            Set<String> baseline = new HashSet<>();
            for (Finding f : base.findings()) baseline.add(LayoutMutants.key(f));
            // table cells
            LayoutMutants cells = new LayoutMutants(laid.lines(), base, LIB.profile(base.disclosure().profileId()));
            for (LayoutMutants.Mutant m : cells.mutants(rnd, TABLE_MUTANTS)) {
                counts.tables()[0]++;
                try {
                    if (LayoutMutants.reportedAt(m, baseline, audit.apply(m.lines()).findings())) counts.tables()[1]++;
                    else counts.missed().add(name + " line " + (m.line0() + 1) + " · " + m.what());
                } catch (InputException e) {
                    counts.missed().add(name + " · " + m.what() + " → unreadable: " + e.getMessage());
                }
            }
            cells.excluded.forEach((k, v) -> counts.excluded().merge(k, v, Integer::sum));
            // amounts of the 情况说明: lines that are no table's row
            Set<Integer> tableLines = new HashSet<>();
            base.disclosure().tables().forEach(t -> t.rows().forEach(r -> {
                if (r.origin() != null) tableLines.add(r.origin().line() - 1);
            }));
            List<int[]> sites = new ArrayList<>();
            for (int i = 0; i < laid.lines().size(); i++) {
                if (tableLines.contains(i)) continue;
                Matcher m = TEXT_AMOUNT.matcher(laid.lines().get(i));
                while (m.find()) if (new BigDecimal(m.group().replace(",", "")).signum() != 0) sites.add(new int[]{i, m.start(), m.end()});
            }
            // how many of the 说明's amounts a fact of the reading holds (the others no check can see)
            for (int[] s : sites) {
                counts.read()[0]++;
                if (held(base.disclosure().text().facts(), s[0], new BigDecimal(laid.lines().get(s[0]).substring(s[1], s[2]).replace(",", "")))) counts.read()[1]++;
            }
            java.util.Collections.shuffle(sites, rnd);
            int made = 0;
            for (int[] s : sites) {
                if (made >= TEXT_MUTANTS) break;
                String line = laid.lines().get(s[0]);
                String token = line.substring(s[1], s[2]);
                String changed = LayoutMutants.bump(token, rnd);
                List<String> lines = new ArrayList<>(laid.lines());
                lines.set(s[0], line.substring(0, s[1]) + changed + line.substring(s[2]));
                DocumentAudit.Result a;
                try {
                    a = audit.apply(lines);
                } catch (InputException e) {
                    counts.text()[0]++;
                    counts.missed().add(name + " text line " + (s[0] + 1) + " → unreadable: " + e.getMessage());
                    made++;
                    continue;
                }
                // the section(s) whose facts the change reached: where it must be reported
                Set<String> sections = changedSections(base.disclosure().text().facts(), a.disclosure().text().facts());
                if (sections.isEmpty()) {
                    counts.excluded().merge("an amount of the text no fact of the reading holds (not read, so not checked)", 1, Integer::sum);
                    continue;
                }
                made++;
                counts.text()[0]++;
                boolean found = false;
                for (Finding f : a.findings()) {
                    if (f.severity() == Severity.NOTICE || baseline.contains(LayoutMutants.key(f))) continue;
                    if (f.section() != null && sections.contains(f.section())) found = true;
                }
                if (found) counts.text()[1]++;
                else counts.missed().add(name + " text line " + (s[0] + 1) + " (第三部分" + sections + "): " + token + " → " + changed + " · " + line.strip());
            }
        }
        int total = 0, found = 0, unreadPutuo = 0, amountsPutuo = 0;
        Map<String, Integer> excluded = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder();
        for (var e : byDoc.entrySet()) {
            Counts c = e.getValue();
            total += c.tables()[0] + c.text()[0];
            found += c.tables()[1] + c.text()[1];
            c.excluded().forEach((k, v) -> excluded.merge(k, v, Integer::sum));
            report.append(String.format("  %-44s tables %3d/%3d, text %3d/%3d; 说明 amounts read %3d/%3d%n", e.getKey(), c.tables()[1], c.tables()[0],
                    c.text()[1], c.text()[0], c.read()[1], c.read()[0]));
            if (e.getKey().startsWith("2024年度")) {
                unreadPutuo += c.read()[0] - c.read()[1];
                amountsPutuo += c.read()[0];
            }
        }
        report.append("  普陀 决算's 说明: ").append(unreadPutuo).append(" of ").append(amountsPutuo).append(" amounts read by no fact\n");
        report.insert(0, String.format("决算: %d/%d mutants reported at their table or section (%.1f %%) in %.1f s%n", found, total,
                total == 0 ? 0 : 100.0 * found / total, (System.nanoTime() - t0) / 1e9));
        report.append("  excluded: ").append(excluded).append('\n');
        System.out.print(report);
        byDoc.values().forEach(c -> c.missed().stream().limit(FULL ? 40 : 10).forEach(m -> System.out.println("  missed: " + m)));
        // without shared/ (CI's clean clone) only our two committed 决算 PDFs are mutated: fewer mutants, the same share
        boolean putuo = java.nio.file.Files.isDirectory(PUTUO);
        assertThat(total).as(report.toString()).isGreaterThanOrEqualTo(FULL ? 300 : putuo ? 80 : 40);
        assertThat((double) found / total).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    }

    /** The sections of the facts (amounts, shares, rates) whose values the mutant changed, added or lost. */
    static Set<String> changedSections(List<TextFact> before, List<TextFact> after) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (TextFact f : before) count.merge(sig(f), 1, Integer::sum);
        for (TextFact f : after) count.merge(sig(f), -1, Integer::sum);
        Set<String> out = new HashSet<>();
        count.forEach((k, v) -> {
            if (v != 0) out.add(k.substring(0, k.indexOf('|')));
        });
        return out;
    }

    private static String sig(TextFact f) {
        return f.section() + "|" + f.key() + "|" + f.kind() + "|" + (f.value() == null ? "" : f.value().stripTrailingZeros().toPlainString()) + "|" + f.word();
    }

    static boolean amount(TextFact f) {
        return f.kind() == FactKind.AMOUNT;
    }
}
