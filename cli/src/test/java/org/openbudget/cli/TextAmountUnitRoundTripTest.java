package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;

/**
 * A text stated in 元 (issue 10): a bureau's copy of its profile, given at run time, whose text says
 * {@code amount_unit: 元} while its tables stay in 万元. The generator states every amount in 元 (the exact amount,
 * not 万元 figures followed by 元), the audit reads the rendered PDF back under that profile with the same facts
 * and holds them to the tables in 元 — no error — to the precision the tables print: an amount changed by less than
 * the 100 元 a 0.01 万元 cell tells is no slip; changed by 100 元, it is caught where it is.
 */
class TextAmountUnitRoundTripTest {
    private static final String UNIT_LINE = "  amount_unit: 万元                 # the text's amounts (whatever unit the tables print)";

    @Test
    void aTextInYuanIsWrittenReadAndCheckedInYuan(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("own/profiles"));
        Files.writeString(dir.resolve("own/profiles/xinjiang-2024.yaml"),
                OutlineAsDataRoundTripTest.changed(yaml, UNIT_LINE, "  amount_unit: 元"), StandardCharsets.UTF_8);
        ReferenceLibrary own = new ReferenceLibrary(dir.resolve("own"));
        Path example = Path.of("../examples").resolve(OutlineAsDataRoundTripTest.NAME);
        DocumentText wan = new Workspace(ReferenceLibrary.standard()).load(example).disclosure().text();
        Workspace.Loaded l = new Workspace(own).load(example);
        DocumentText yuan = l.disclosure().text();

        // the generator: the same facts, each amount the 万元 text states now in 元 — 万元 × 10000 to the 元's cent,
        // which rounds back to the 万元 figure — and printed so, followed by 元
        assertThat(wan.amountUnit()).isEqualTo("万元");
        assertThat(yuan.amountUnit()).isEqualTo("元");
        assertThat(yuan.facts()).hasSameSizeAs(wan.facts());
        int amounts = 0;
        for (int i = 0; i < wan.facts().size(); i++) {
            TextFact w = wan.facts().get(i), y = yuan.facts().get(i);
            assertThat(y.key()).isEqualTo(w.key());
            if (w.kind() != FactKind.AMOUNT || w.value() == null || w.source().startsWith("数据集") || w.key().startsWith("assets.")) continue;
            assertThat(Amounts.printed(y.value().movePointLeft(4))).as(y.key() + " " + y.sentence()).isEqualByComparingTo(w.value());
            if (y.value().signum() != 0) {
                // as the profile prints it: with separators and two decimals, or plain ({x|plain}, 资金分配情况)
                assertThat(y.sentence()).as(y.key()).containsAnyOf(Amounts.format(y.value(), true) + "元",
                        y.value().stripTrailingZeros().toPlainString() + "元");
                amounts++;
            }
        }
        assertThat(amounts).isGreaterThan(20);
        assertThat(String.join("\n", yuan.sections().stream().flatMap(s -> s.paragraphs().stream()).toList()))
                .doesNotContain(wan.fact("total", FactKind.AMOUNT).orElseThrow().value().toPlainString() + "万元");

        // the PDF read back under the same profile: every number as the generator wrote it, in 元, and no error
        Path pdf = dir.resolve("own.pdf");
        try (OutputStream o = Files.newOutputStream(pdf)) {
            Renderers.of(Format.PDF).write(new DocumentView(l.disclosure(), l.profile()), o);
        }
        DocumentAudit.Result a = DocumentAudit.run(pdf, own);
        assertThat(a.disclosure().text().amountUnit()).isEqualTo("元");
        assertThat(OutlineAsDataRoundTripTest.summary(a.disclosure().text().facts())).hasSizeGreaterThan(100)
                .containsExactlyInAnyOrderElementsOf(OutlineAsDataRoundTripTest.summary(yuan.facts()));
        assertThat(errors(a)).isEmpty();

        // one amount of the text changed: by 49 元, it still rounds to the 0.01 万元 its table prints (a table in 万元
        // knows the amount only to 100 元: a text in 元 to the cent is not a slip for that) — no error; by 100 元, it is
        // a slip the table shows, caught in its section, the cell's precision said
        TextFact basic = yuan.facts().stream().filter(f -> f.key().equals("expense.basic") && f.kind() == FactKind.AMOUNT)
                .findFirst().orElseThrow();
        PdfLayout.Text laid = PdfLayout.read(pdf.toFile());
        assertThat(errors(changed(laid, basic, 49, own))).isEmpty();
        assertThat(errors(changed(laid, basic, -49, own))).isEmpty();
        assertThat(errors(changed(laid, basic, 100, own))).isNotEmpty().allMatch(f -> f.section().equals(basic.section()))
                .anyMatch(f -> f.message().contains(basic.value().add(BigDecimal.valueOf(100)).toPlainString())
                        && f.message().contains("表中数只精确到 100 元"));
    }

    /** The rendered PDF's text with the line stating {@code f} changed by {@code yuan}, audited under {@code lib}. */
    private static DocumentAudit.Result changed(PdfLayout.Text laid, TextFact f, int yuan, ReferenceLibrary lib) {
        String printed = Amounts.format(f.value(), true) + "元";
        String changed = Amounts.format(f.value().add(BigDecimal.valueOf(yuan)).setScale(2, RoundingMode.UNNECESSARY), true) + "元";
        List<String> lines = new ArrayList<>(laid.lines());
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).contains("基本支出" + printed)) at = i;
        assertThat(at).as("the line stating 基本支出 " + printed).isNotNegative();
        lines.set(at, lines.get(at).replace("基本支出" + printed, "基本支出" + changed));
        return DocumentAudit.auditLaidOut("own.pdf",
                new PdfLayout.Text(lines, laid.pageOfLine(), laid.pages(), laid.encrypted(), laid.notes(), laid.boxes()), lib);
    }

    private static List<Finding> errors(DocumentAudit.Result r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
