package org.openbudget.audit.finals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The 决算 text's sentences are data (issue 10 items 1 and 3): a bureau's copy of the 上海 决算 profile, given at run time
 * in a directory, that words its totals "收支总计" where the template says "收入支出总计" — its outline's sentences and its
 * {@code text.statements} (two lines of YAML each, the rest inherited from the profile it extends) — reads and checks a
 * 决算 whose text is worded so: the totals are read under their keys and held to the summaries their measures name, one
 * changed is an FT.total error. The shipped profile does not read that wording; no Java knows it.
 */
class FinalStatementsAsDataTest {
    private static final ReferenceLibrary STANDARD = ReferenceLibrary.standard();

    /** Our 决算 example's text as the audit reads it from its PDF (a committed fixture), worded "收支总计". */
    private static List<String> reworded() {
        List<String> out = new ArrayList<>();
        for (String l : FinalAccountsAuditTest.audited(FinalAccountsAuditTest.OURS).lines()) out.add(l.replace("收入支出总计", "收支总计"));
        return out;
    }

    private static DocumentAudit.Result audit(List<String> lines, ReferenceLibrary lib) {
        return DocumentAudit.run("final.txt", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), lib);
    }

    /** "key value" of the facts of the 决算 totals (final.total.N, final.fiscal.total.N), numbers dropped from the keys. */
    private static List<String> totals(DocumentAudit.Result a) {
        List<String> out = new ArrayList<>();
        for (TextFact f : a.disclosure().text().facts()) {
            if (f.key().startsWith("final.total.") || f.key().startsWith("final.fiscal.total.")) {
                out.add(f.key().replaceFirst("\\.\\d+$", "") + " " + f.value().toPlainString());
            }
        }
        return out;
    }

    private static List<String> errors(DocumentAudit.Result a, String id) {
        return a.findings().stream().filter(f -> f.id().equals(id) && f.severity() == Severity.ERROR).map(Finding::message).toList();
    }

    /** The shipped 上海 决算 profile with its totals worded "收支总计" (what the bureau's copy changes; {@code extra} added to its statements). */
    private static ReferenceLibrary own(Path dir, String extra) throws Exception {
        String yaml = Files.readString(Path.of("../refdata/profiles/shanghai-final-2024.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("\ntext:\n").contains("  sentences:\n");
        String changed = yaml.replace("\ntext:\n", "\ntext:\n"
                        + "  statements:\n"
                        + "    totals:\n"
                        + "      total:  {pattern: \"收支总计{amount}{amount_unit}\"}\n"
                        + "      fiscal: {pattern: \"财政拨款收支总计{amount}{amount_unit}\"}\n"
                        + extra)
                .replace("  sentences:\n", "  sentences:\n"
                        + "    f1.total: \"{unit}{year}年度收支总计{total}{amount_unit}。\"\n"
                        + "    f4.total: \"{unit}{year}年度财政拨款收支总计{total}{amount_unit}。\"\n");
        Files.createDirectories(dir.resolve("own/profiles"));
        Files.writeString(dir.resolve("own/profiles/shanghai-final-2024.yaml"), changed, StandardCharsets.UTF_8);
        return new ReferenceLibrary(dir.resolve("own"));
    }

    @Test
    void aProfileGivenAtRunTimeThatWordsTheTotalsOtherwiseReadsAndChecksATextWordedSo(@TempDir Path dir) throws Exception {
        DocumentAudit.Result shipped = FinalAccountsAuditTest.audited(FinalAccountsAuditTest.OURS);
        List<String> stated = totals(shipped);
        // our example states both totals, as its summaries print them (no FT.total finding)
        assertThat(stated).hasSize(2).anyMatch(s -> s.startsWith("final.total ")).anyMatch(s -> s.startsWith("final.fiscal.total "));
        assertThat(errors(shipped, "FT.total")).isEmpty();

        List<String> lines = reworded();
        assertThat(String.join("\n", lines)).contains("收支总计").doesNotContain("收入支出总计");
        // the shipped profile does not read the other wording
        assertThat(totals(audit(lines, STANDARD))).isEmpty();

        ReferenceLibrary own = own(dir, "");
        DocumentAudit.Result read = audit(lines, own);
        assertThat(read.disclosure().profileId()).isEqualTo("shanghai-final-2024");
        // the bureau's profile reads it: the same totals under the same keys, held to the same summaries
        assertThat(totals(read)).containsExactlyElementsOf(stated);
        assertThat(errors(read, "FT.total")).isEmpty();

        // a total changed is found by the bureau's profile
        BigDecimal total = new BigDecimal(stated.stream().filter(s -> s.startsWith("final.total ")).findFirst().orElseThrow().split(" ")[1]);
        List<String> mutant = new ArrayList<>(lines);
        int at = -1;
        for (int i = 0; i < mutant.size() && at < 0; i++) {
            if (mutant.get(i).contains("收支总计" + total.toPlainString()) && !mutant.get(i).contains("财政拨款收支总计")) at = i;
        }
        assertThat(at).as("the line stating 收支总计 %s", total).isGreaterThanOrEqualTo(0);
        mutant.set(at, mutant.get(at).replace("收支总计" + total.toPlainString(), "收支总计" + total.add(BigDecimal.TEN).toPlainString()));
        assertThat(errors(audit(mutant, own), "FT.total")).hasSize(1).allMatch(m -> m.contains(total.add(BigDecimal.TEN).toPlainString()));
    }

    @Test
    void aStatementWithAnUnknownPlaceholderIsRefusedAtItsLine(@TempDir Path dir) throws Exception {
        ReferenceLibrary own = own(dir, "    share: {pattern: \"{amount}{amount_unit}，占{shares}%\"}\n");
        assertThatThrownBy(() -> own.profile("shanghai-final-2024")).isInstanceOf(InputException.class)
                .hasMessageContaining("shanghai-final-2024.yaml").hasMessageContaining("{shares}");
    }

    /** Our 决算's text with every amount it states in 万元 restated in 元 ("2106.66万元" → "21066600.00元"; a threshold, 50万元以上, kept); the tables as printed. */
    private static List<String> inYuan() {
        java.util.regex.Pattern wan = java.util.regex.Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)万元(?!以上)");
        List<String> out = new ArrayList<>();
        for (String l : FinalAccountsAuditTest.audited(FinalAccountsAuditTest.OURS).lines()) {
            java.util.regex.Matcher m = wan.matcher(l);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                BigDecimal yuan = new BigDecimal(m.group(1).replace(",", "")).movePointRight(4).setScale(2);
                m.appendReplacement(b, yuan.toPlainString() + "元");
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void aProfileWhoseTextIsInYuanHoldsItsAmountsToTheTablesInWan(@TempDir Path dir) throws Exception {
        DocumentAudit.Result shipped = FinalAccountsAuditTest.audited(FinalAccountsAuditTest.OURS);
        List<String> lines = inYuan();
        assertThat(String.join("\n", lines)).contains("元").doesNotContainPattern("\\d万元(?!以上)");
        String yaml = Files.readString(Path.of("../refdata/profiles/shanghai-final-2024.yaml"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("own/profiles"));
        Files.writeString(dir.resolve("own/profiles/shanghai-final-2024.yaml"), yaml.replace("\ntext:\n", "\ntext:\n  amount_unit: 元\n"), StandardCharsets.UTF_8);
        ReferenceLibrary own = new ReferenceLibrary(dir.resolve("own"));

        DocumentAudit.Result read = audit(lines, own);
        assertThat(read.disclosure().text().amountUnit()).isEqualTo("元");
        // the same totals, in 元, held to the summaries printed in 万元: no more findings of the text than in 万元
        List<String> stated = totals(read);
        assertThat(stated).hasSize(2);
        for (String id : List.of("FT.total", "FT.item", "FT.share", "FT.tpe")) {
            assertThat(errors(read, id)).as(id).hasSameSizeAs(errors(shipped, id));
        }
        // the summaries print 0.01 万元, so they tell the total only to 100 元: a total 49 元 off still rounds to them (no
        // slip), one 100 元 off is found, the cell's precision said
        String total = stated.stream().filter(s -> s.startsWith("final.total ")).findFirst().orElseThrow().split(" ")[1];
        assertThat(errors(audit(off(lines, total, 49), own), "FT.total")).isEmpty();
        String off = new BigDecimal(total).add(BigDecimal.valueOf(100)).setScale(2).toPlainString();
        assertThat(errors(audit(off(lines, total, 100), own), "FT.total")).hasSize(1)
                .allMatch(m -> m.contains(off) && m.contains("表中数只精确到 100 元"));
    }

    /** The text with its 收入支出总计 {@code total} (元) stated {@code yuan} more. */
    private static List<String> off(List<String> lines, String total, int yuan) {
        String off = new BigDecimal(total).add(BigDecimal.valueOf(yuan)).setScale(2).toPlainString();
        List<String> mutant = new ArrayList<>(lines);
        int at = -1;
        for (int i = 0; i < mutant.size() && at < 0; i++) if (mutant.get(i).contains(total + "元") && mutant.get(i).contains("收入支出总计")) at = i;
        assertThat(at).as("the line stating 收入支出总计 %s元", total).isGreaterThanOrEqualTo(0);
        mutant.set(at, mutant.get(at).replaceFirst(java.util.regex.Pattern.quote(total + "元"), off + "元"));
        return mutant;
    }
}
