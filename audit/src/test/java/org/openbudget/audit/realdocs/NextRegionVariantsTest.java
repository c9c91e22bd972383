package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.testing.PdfToText;
import org.openbudget.core.check.Severity;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The readers are judged on documents not yet seen: real documents (their `pdftotext -layout` text) printed the way
 * another region would — table marks 表一 / 公开表1 / 预算01表, the unit under 预算单位：, 功能分类 codes split (201 01 01),
 * the tables in 元 with thousands separators, a table continued over a page without its header — give the same tables
 * and no more errors than the document as published. (The layouts of shared/examples are varied in LayoutVariantsTest.)
 */
class NextRegionVariantsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Path REAL = Path.of("../../shared/realdocs");
    private static final Map<String, DocumentAudit.Result> ORIGINAL = new HashMap<>();
    private static final Map<String, String> TEXT = new HashMap<>();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String v : List.of("表一", "公开表1", "预算01表", "预算单位", "编码分开", "元", "续页无表头")) out.add(Arguments.of("guangzhou/2026年广州市信访局部门预算.pdf", v));
        for (String v : List.of("预算单位", "编码分开", "元", "续页无表头")) out.add(Arguments.of("shenzhen/2026年深圳市信访局部门预算.pdf", v));
        for (String v : List.of("表一", "预算01表", "元")) out.add(Arguments.of("yantai/2026年烟台市审计局部门预算.pdf", v));
        out.add(Arguments.of("shanghai/2026年上海市戒毒康复中心单位预算.pdf", "预算单位"));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void anotherRegionsPrintingIsReadAlike(String file, String variant) {
        Path pdf = REAL.resolve(file);
        assumeTrue(Files.isRegularFile(pdf) && PdfToText.available(), "shared/realdocs or pdftotext not present");
        String text = TEXT.computeIfAbsent(file, f -> PdfToText.layout(pdf));
        DocumentAudit.Result base = ORIGINAL.computeIfAbsent(file, f -> DocumentAudit.auditText("original.txt", text, LIB, "original.txt"));
        String changed = VARIANTS.get(variant).apply(text);
        assertThat(changed).as("the variant changes the text").isNotEqualTo(text);
        DocumentAudit.Result r = DocumentAudit.auditText("variant.txt", changed, LIB, "variant.txt");
        assertThat(titles(r)).as(variant + ": tables read").isEqualTo(titles(base));
        assertThat(errors(r)).as(variant + ": errors").isLessThanOrEqualTo(errors(base));
    }

    private static List<String> titles(DocumentAudit.Result r) {
        return r.disclosure().tables().stream().map(t -> t.no() + " " + t.title()).toList();
    }

    private static long errors(DocumentAudit.Result r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    private static final Pattern MARK = Pattern.compile("(?m)^(\\s*)(?:部门)?(?:公开)?表\\s*(\\d{1,2})(\\s*)$");
    private static final Pattern SEVEN = Pattern.compile("(?m)^(\\s*)(\\d{3})(\\d{2})(\\d{2})?(?=\\s)");
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)\\.(\\d{2})(?![\\d%])");
    private static final Pattern AMOUNT_ANY = Pattern.compile("\\d\\.\\d{2}");

    private static final Map<String, UnaryOperator<String>> VARIANTS = Map.of(
            "表一", t -> marks(t, n -> "表" + chinese(n)),
            "公开表1", t -> marks(t, n -> "公开表" + n),
            "预算01表", t -> marks(t, n -> String.format("预算%02d表", n)),
            "预算单位", t -> t.replaceAll("(单位名称|编制单位|编制部门|部门名称)[：:]", "预算单位："),
            "编码分开", t -> SEVEN.matcher(t).replaceAll(m -> m.group(1) + m.group(2) + " " + m.group(3) + (m.group(4) == null ? "" : " " + m.group(4))),
            "元", NextRegionVariantsTest::yuan,
            "续页无表头", NextRegionVariantsTest::noRepeatedHeader);

    private static String marks(String text, java.util.function.IntFunction<String> mark) {
        return MARK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mark.apply(Integer.parseInt(m.group(2))) + m.group(3)));
    }

    private static String chinese(int n) {
        String d = "零一二三四五六七八九";
        if (n <= 10) return n == 10 ? "十" : String.valueOf(d.charAt(n));
        return (n < 20 ? "" : String.valueOf(d.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
    }

    /**
     * The tables' rows (lines of amounts, no sentence) in 元 with thousands separators, their unit lines saying so. The
     * lines of a table (words parted by wide gaps) are laid out again half as wide again, as pdftotext lays out a table
     * whose columns are wide enough for figures in 元: each amount ends at 1.5 times its right edge, every other word
     * centred on 1.5 times its centre (one space kept where one parted two words), so that a column's amounts still
     * line up (within what pdftotext's placing of words strays by, 1.5 times as much); a header's word alone on its line
     * is moved with its column as well.
     */
    private static String yuan(String text) {
        StringBuilder out = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            // a row of a table: amounts, no sentence — or amounts side by side, then another column's sentence (广州's 绩效目标)
            boolean rows = AMOUNT_ANY.matcher(l).find() && !l.contains("%") && !l.contains("万元") && (!l.matches(".*[，。；].*") || AMOUNTS.matcher(l).find());
            // a word alone on an indented line (a header's word wrapped under its column: 烟台's 小计) is moved with its column too
            if (rows || WIDE.matcher(l.trim()).find() || l.startsWith("   ") && !l.isBlank() && l.trim().indexOf(' ') < 0) l = twiceAsWide(l, rows);
            out.append(l).append('\n');
        }
        return out.substring(0, out.length() - 1).replace("单位：万元", "单位：元").replace("单位:万元", "单位：元");
    }

    private static final Pattern AMOUNTS = Pattern.compile("\\d\\.\\d{2} +\\d[\\d,]*\\.\\d{2} +\\d[\\d,]*\\.\\d{2}");
    private static final Pattern WIDE = Pattern.compile("\\S {2,}\\S");
    private static final Pattern WORD = Pattern.compile("[^ ]+");

    /** The line laid out 1.5 times as wide (its amounts in 元 when {@code rows}): amounts by their right edge, other words by their centre. */
    private static String twiceAsWide(String l, boolean rows) {
        StringBuilder row = new StringBuilder();
        Matcher m = WORD.matcher(l);
        int lastEnd = -10;
        while (m.find()) {
            String w = m.group();
            Matcher a = AMOUNT.matcher(w);
            boolean amount = rows && a.matches();
            if (amount) w = String.format("%,.2f", new BigDecimal(a.group(1).replace(",", "") + "." + a.group(2)).movePointRight(4));
            int s = m.start(), e = m.end();
            int at = amount ? 3 * e / 2 - w.length() : 3 * (s + e) / 4 - w.length() / 2;
            if (s - lastEnd == 1) at = row.length() + 1;   // one space parted them: one still does
            else if (row.length() > 0) at = Math.max(at, row.length() + 2);
            while (row.length() < at) row.append(' ');
            row.append(w);
            lastEnd = e;
        }
        return row.toString();
    }

    /** After a page break, a table's header lines before its first row of amounts left out (a page that starts a table keeps them). */
    private static String noRepeatedHeader(String text) {
        String[] pages = text.split("\f", -1);
        StringBuilder out = new StringBuilder(pages[0]);
        for (int p = 1; p < pages.length; p++) {
            List<String> lines = new ArrayList<>(List.of(pages[p].split("\n", -1)));
            int first = 0;
            while (first < lines.size() && lines.get(first).isBlank()) first++;
            int k = first;
            while (k < lines.size() && k < first + 8 && !AMOUNT.matcher(lines.get(k)).find() && !lines.get(k).matches(".*(表|部分|说明|目录).*")) k++;
            if (k > first && k < lines.size() && AMOUNT.matcher(lines.get(k)).find()) lines.subList(first, k).clear();
            out.append('\f').append(String.join("\n", lines));
        }
        return out.toString();
    }
}
