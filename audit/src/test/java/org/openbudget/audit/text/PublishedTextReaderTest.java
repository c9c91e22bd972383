package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The published documents read back: every printed table cell as transcribed by hand
 * (examples/NAME/expected-tables.tsv), the same values as the ledger's derivation, and the checks.
 */
class PublishedTextReaderTest {
    /** CI has shared/ beside the repository clone. */
    static final Path SHARED = Path.of("../../shared/examples");
    static final Path EXAMPLES = Path.of("../examples");
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** Published slips the examples' READMEs list: the printed text differs from the ledger's. */
    static final Set<String> SLIPS = Set.of(
            "乌鲁木齐地区科技统计与文献服务工作经历费", // sci-tech 表7 (表11 and 七 say 工作经费)
            "技术与开发", "其他技术与开发支出");         // bureau 206 04 / 206 04 99

    static PublishedTextReader.Result read(String name) throws IOException {
        Path file = SHARED.resolve(name + ".txt");
        assumeTrue(Files.exists(file), "shared examples not present at " + file.toAbsolutePath());
        return PublishedTextReader.readWithNotes(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), LIB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyTableCellIsReadAsPrinted(String name) throws IOException {
        PublishedTextReader.Result r = read(name);
        List<String> expected = new ArrayList<>();
        for (String l : Files.readAllLines(EXAMPLES.resolve(name).resolve("expected-tables.tsv"), StandardCharsets.UTF_8)) {
            if (!l.startsWith("#") && !l.isBlank()) expected.add(l);
        }
        assertThat(tsv(r.disclosure())).containsExactlyElementsOf(expected);
        assertThat(r.disclosure().tables()).hasSize(11);
        // every number placed without ambiguity, no line skipped
        assertThat(r.notes()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aTruncatedDocumentGivesAPartialResultWithNotes() throws IOException {
        Path file = SHARED.resolve("urumqi-sme-center-2024.txt");
        assumeTrue(Files.exists(file), "shared examples not present at " + file.toAbsolutePath());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("单位支出总体情况表"));
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("cut.txt", cut, LIB);
        assertThat(r.disclosure().table(1)).isPresent();
        assertThat(r.disclosure().table(11)).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("表11"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theDocumentIsTheOneTheLedgerDerives(String name) throws IOException {
        Disclosure parsed = read(name).disclosure();
        Disclosure derived = new Workspace(LIB).load(EXAMPLES.resolve(name)).disclosure();
        assertThat(parsed.unitName()).isEqualTo(derived.unitName());
        assertThat(parsed.kind()).isEqualTo(derived.kind());
        assertThat(parsed.year()).isEqualTo(derived.year());
        assertThat(parsed.profileId()).isEqualTo(derived.profileId());
        List<String> differences = new ArrayList<>();
        for (DisclosureTable d : derived.tables()) {
            DisclosureTable p = parsed.table(d.no()).orElseThrow();
            assertThat(p.empty()).as("表%d empty", d.no()).isEqualTo(d.empty());
            assertThat(p.emptyNote()).as("表%d empty note", d.no()).isEqualTo(d.emptyNote());
            assertThat(p.columns()).isEqualTo(d.columns());
            assertThat(p.rows()).as("表%d rows", d.no()).hasSameSizeAs(d.rows());
            for (int i = 0; i < d.rows().size(); i++) {
                Row a = p.rows().get(i), b = d.rows().get(i);
                String at = "表" + d.no() + " row " + (i + 1) + " " + b.label();
                if (a.side() != b.side() || a.kind() != b.kind() || !a.key().equals(b.key()) || !a.code().equals(b.code())
                        || !a.unit().equals(b.unit())) {
                    differences.add(at + ": " + a + " vs " + b);
                }
                if (!a.name().equals(b.name()) && !SLIPS.contains(a.name())) differences.add(at + " name " + a.name() + " ≠ " + b.name());
                if (!a.project().equals(b.project()) && !SLIPS.contains(a.project())) differences.add(at + " project " + a.project() + " ≠ " + b.project());
                for (int c = 0; c < d.columns().size(); c++) {
                    BigDecimal x = a.value(c), y = Amounts.printed(b.value(c));
                    boolean same = x == null ? y == null : y != null && x.compareTo(y) == 0;
                    if (!same) differences.add(at + " [" + d.columns().get(c) + "] " + x + " ≠ " + y);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theChecksFindNoErrorInThePublishedDocuments(String name) throws IOException {
        Disclosure d = read(name).disclosure();
        List<Finding> findings = CheckCatalogue.run(d, LIB.profile(d.profileId()), LIB.year(d.year()));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theBureausShortenedClassNamesAreWarned() throws IOException {
        Disclosure d = read("urumqi-industry-it-bureau-2024").disclosure();
        List<Finding> findings = CheckCatalogue.runOnly("C.func.name", d, LIB.profile(d.profileId()), LIB.year(d.year()));
        assertThat(findings).extracting(Finding::found).contains("技术与开发", "其他技术与开发支出");
        assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
    }

    static List<String> tsv(Disclosure d) {
        List<String> out = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            if (t.empty()) {
                out.add(t.no() + "\tempty\t\t" + t.emptyNote() + "\t");
                continue;
            }
            for (Row r : t.rows()) {
                StringBuilder b = new StringBuilder();
                b.append(t.no()).append('\t').append(r.side() == null ? "" : r.side().json()).append('\t').append(r.code()).append('\t')
                        .append(t.no() == 11 && r.kind() == RowKind.PROJECT ? "" : r.name()).append('\t').append(r.project());
                for (int c = 0; c < t.columns().size(); c++) {
                    b.append('\t');
                    if (r.value(c) != null) b.append(Amounts.plain(r.value(c)));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
