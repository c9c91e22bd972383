package org.openbudget.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Golden tests: the tables derived from each example's ledger reproduce, number for number, every
 * cell the published document prints (examples/NAME/expected-tables.tsv, a transcription of
 * ../shared/examples/NAME.txt) — rounding slips included. A printed name may differ from the
 * derived one only where the example's README lists it as a slip of the published document.
 */
class ExamplesGoldenTest {
    static final Path EXAMPLES = Path.of("../examples");

    record Expected(int table, String side, String code, String name, String project, List<String> values, int line) {}

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyPrintedCellIsDerived(String example) throws IOException {
        Disclosure d = new Workspace(ReferenceLibrary.standard()).load(EXAMPLES.resolve(example)).disclosure();
        List<Expected> expected = read(EXAMPLES.resolve(example).resolve("expected-tables.tsv"));
        // the README lists the published slips (Markdown emphasis does not count)
        String readme = Files.readString(EXAMPLES.resolve(example).resolve("README.md"), StandardCharsets.UTF_8).replace("**", "");
        int cells = 0;
        List<String> nameSlips = new ArrayList<>();
        for (int no = 1; no <= 11; no++) {
            final int n = no;
            DisclosureTable t = d.table(no).orElseThrow();
            List<Expected> rows = expected.stream().filter(e -> e.table() == n).toList();
            assertThat(rows).as("%s 表%d transcribed", example, no).isNotEmpty();
            if (rows.get(0).side().equals("empty")) {
                assertThat(t.empty()).as("%s 表%d is empty", example, no).isTrue();
                assertThat(strip(t.emptyNote())).isEqualTo(strip(rows.get(0).name()));
                assertThat(t.rows()).isEmpty();
                continue;
            }
            assertThat(t.empty()).as("%s 表%d has numbers", example, no).isFalse();
            assertThat(t.rows()).as("%s 表%d row count", example, no).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Expected e = rows.get(i);
                Row r = t.rows().get(i);
                String where = example + " 表" + no + " row " + (i + 1) + " (tsv line " + e.line() + ")";
                assertThat(r.side() == null ? "" : r.side().json()).as(where + " side").isEqualTo(e.side());
                assertThat(r.code()).as(where + " code").isEqualTo(e.code());
                if (!strip(r.project()).equals(strip(e.project()))) {
                    assertThat(readme).as(where + ": project printed as「" + e.project() + "」, ledger has「" + r.project()
                            + "」 — allowed only as a slip listed in the README").contains(e.project());
                    nameSlips.add(e.project());
                }
                if (!e.name().isEmpty() && !strip(r.name()).equals(strip(e.name()))) {
                    assertThat(readme).as(where + ": name printed as「" + e.name() + "」, derived「" + r.name()
                            + "」 — allowed only as a slip listed in the README").contains(e.name());
                    nameSlips.add(e.name());
                }
                assertThat(e.values()).as(where + " number of value cells").hasSize(t.columns().size());
                for (int c = 0; c < t.columns().size(); c++) {
                    BigDecimal v = r.value(c);
                    String printed = v == null ? "" : Amounts.printed(v).toPlainString();
                    assertThat(printed).as(where + " [" + t.columns().get(c) + "]").isEqualTo(e.values().get(c));
                    cells++;
                }
            }
        }
        assertThat(cells).as("cells compared").isGreaterThan(400);
        if (example.equals("urumqi-sme-center-2024")) assertThat(nameSlips).isEmpty();
    }

    static String strip(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    static List<Expected> read(Path tsv) throws IOException {
        List<Expected> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            List<String> values = new ArrayList<>();
            for (int k = 5; k < f.length; k++) values.add(f[k].trim());
            out.add(new Expected(Integer.parseInt(f[0].trim()), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(),
                    f[1].trim().equals("empty") ? List.of() : values, i + 1));
        }
        return out;
    }
}
