package org.openbudget.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextSubjects;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The words a text may name an outline item by include the summary tables' rows that print its money (issue 10):
 * found by the money the row and the item are bound to ({@link TextSubjects#rowLabels}), not by how their keys are
 * spelled — the reader once took 表1's rows as {@code "income." + row key} and 表4's as the row key itself.
 */
class SummaryRowWordsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @Test
    void theShippedSummaryRowsNameTheItemsOfTheirMoney() {
        for (String id : List.of("xinjiang-2024", "xinjiang-2025")) {
            TemplateProfile p = LIB.profile(id);
            Map<String, List<String>> words = TextSubjects.rowLabels(p, LIB.year(2024).sources());
            // 表1's 其中：一般财力 (GPB) is 一般公共预算 of 二's income lines; 表4's 一般公共预算 (GPB + GPB_TR) is 四's
            assertThat(words.get("income.gpb.local")).as(id).contains(row(p, "gpb.local").label());
            assertThat(words.get("income.gpb.transfer")).as(id).contains(row(p, "gpb.transfer").label());
            assertThat(words.get("income.edu")).as(id).contains(row(p, "edu").label());
            assertThat(words.get("fiscal.gpb")).as(id).contains(row(p, "fiscal.gpb").label());
            assertThat(words.get("fiscal.soc")).as(id).contains(row(p, "fiscal.soc").label());
            // a row the outline lists no item of: the key the block listing 表1's rows gives it (its items' prefix) with the
            // dictionary's measure of the row's money; the table's whole (表4's 财政拨款 row) names nothing
            assertThat(words.get("income.unit.biz")).as(id).contains(row(p, "unit.biz").label());
            assertThat(words.get("income.current")).as(id).contains(row(p, "current").label());
            assertThat(words.values().stream().flatMap(List::stream)).doesNotContain(row(p, "fiscal").label());
        }
    }

    @Test
    void aRowIsKnownByItsMoneyWhateverItsKey(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        String own = yaml.replace("{key: gpb,                  label: 1.一般公共预算拨款, sum_of: [gpb.local, gpb.transfer]",
                        "{key: gpb,                  label: 1.一般公共预算拨款, sum_of: [own.general, gpb.transfer]")
                .replace("{key: gpb.local,            label: 其中：一般财力, sources: [GPB]}",
                        "{key: own.general,          label: 其中：本级财力, sources: [GPB]}");
        assertThat(own).contains("其中：本级财力").doesNotContain("其中：一般财力");
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/xinjiang-2024.yaml"), own, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        Map<String, List<String>> words = TextSubjects.rowLabels(lib.profile("xinjiang-2024"), lib.year(2024).sources());
        assertThat(words.get("income.gpb.local")).contains("其中：本级财力");
        assertThat(words).doesNotContainKey("income.own.general");
        assertThat(words.get("income.unit.biz")).contains("其中：事业收入");
    }

    /** The income row of this key of a summary table of the profile (表1's rows and 表4's have keys of their own). */
    private static LineSpec row(TemplateProfile p, String key) {
        for (TableTemplate t : p.tables().values()) {
            if (t.shape() == null || t.shape().kind() != TableShape.Kind.SUMMARY) continue;
            for (LineSpec l : t.incomeRows()) if (l.key().equals(key)) return l;
        }
        throw new AssertionError("no summary row " + key + " in " + p.id());
    }
}
