package org.openbudget.audit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * No catastrophic regex (issue 16): every pattern of the readers (io/, audit/), on a 1 MB line of
 * each adversarial shape — the shapes that make a backtracking matcher quadratic or exponential —
 * and the published-text reader as a whole on a document holding such a line (the reader without
 * its line-length bound, so the patterns themselves are what is measured). The bound asserted is
 * generous (2 s per line, on a loaded 2-core machine); the real figure is milliseconds. A regression
 * guard, not a benchmark.
 */
class LinearPatternsTest {
    static final int MB = 1 << 20;
    static final long BOUND_MS = 2_000;

    /** The readers' classes whose static patterns run on untrusted text. */
    static final List<String> CLASSES = List.of(
            "org.openbudget.audit.shape.ShapeReader", "org.openbudget.audit.text.TextFactReader",
            "org.openbudget.audit.text.PublishedTextReader", "org.openbudget.audit.shape.Placement", "org.openbudget.audit.text.FinalTextReader",
            "org.openbudget.audit.text.ShapedDocument", "org.openbudget.audit.text.PerformanceTableReader",
            "org.openbudget.audit.recognise.Recognizer",
            "org.openbudget.audit.pdf.PdfLayout", "org.openbudget.io.workbook.WorkbookReader",
            "org.openbudget.io.dataset.NarrativeReader", "org.openbudget.io.dataset.DatasetRules",
            "org.openbudget.io.dataset.TextPartReader");

    /** Adversarial shapes of about 1 MB each. */
    static Map<String, String> shapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("digits", "1".repeat(MB));
        m.put("digits then x", "1".repeat(MB) + "x");
        m.put("digit groups", "1" + ",111".repeat(MB / 4) + ",11");
        m.put("commas", "1,".repeat(MB / 2));
        m.put("dots", "1.".repeat(MB / 2));
        m.put("spaces", " ".repeat(MB) + "x");
        m.put("digit space", "1 ".repeat(MB / 2) + "x");
        m.put("amounts no unit", "12.34 ".repeat(MB / 6));
        m.put("万元 runs", "1万元".repeat(MB / 3));
        m.put("percent", "占1%".repeat(MB / 3));
        m.put("reasons", "主要原因是".repeat(MB / 5));
        m.put("open paren", "（".repeat(MB));
        m.put("levels", "(类)".repeat(MB / 3));
        m.put("cjk", "收入支出".repeat(MB / 4));
        m.put("cjk no end", "下设1个处室，分别是：".repeat(MB / 11));
        m.put("minus digits", "-1".repeat(MB / 2));
        m.put("table marks", "表 1".repeat(MB / 3));
        m.put("tabs", "\t1".repeat(MB / 2));
        m.put("dash page", "— 1 —".repeat(MB / 5));
        m.put("counts", "增加1人".repeat(MB / 4));
        m.put("codes", "201 01 ".repeat(MB / 7));
        m.put("colons", "设立的政策依据:".repeat(MB / 8));
        return m;
    }

    static List<Pattern> patterns() throws Exception {
        List<Pattern> out = new ArrayList<>();
        for (String c : CLASSES) {
            Class<?> k;
            try {
                k = Class.forName(c);
            } catch (ClassNotFoundException e) {
                continue;
            }
            collect(k, out);
            for (Class<?> inner : k.getDeclaredClasses()) collect(inner, out);
        }
        // the 决算 reader's patterns are the profiles' (text.statements), compiled per template: each shipped profile's
        ReferenceLibrary lib = ReferenceLibrary.standard();
        for (String id : lib.profileIds()) out.addAll(org.openbudget.core.text.StatementPatterns.of(lib.profile(id).text()).patterns());
        return out;
    }

    private static void collect(Class<?> k, List<Pattern> out) throws IllegalAccessException {
        for (Field f : k.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Pattern.class) continue;
            f.setAccessible(true);
            out.add((Pattern) f.get(null));
        }
    }

    @Test
    void everyPatternOfTheReadersIsLinearOnAMegabyteLine() throws Exception {
        List<Pattern> patterns = patterns();
        assertThat(patterns).as("the readers' patterns were found").hasSizeGreaterThan(20);
        List<String> slow = new ArrayList<>();
        long worst = 0;
        for (Map.Entry<String, String> shape : shapes().entrySet()) {
            for (Pattern p : patterns) {
                long t0 = System.nanoTime();
                // a line that gives up at the bound: a quadratic pattern is reported, not waited for
                Bounded line = new Bounded(shape.getValue(), t0 + BOUND_MS * 1_000_000);
                try {
                    Matcher m = p.matcher(line);
                    int found = 0;
                    while (m.find() && found < 1_000_000) found++;
                    p.matcher(line).matches();
                    p.matcher(line).lookingAt();
                } catch (Bounded.TooSlow e) {
                    slow.add(p.pattern() + " on " + shape.getKey() + ": over " + BOUND_MS + " ms");
                    continue;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                worst = Math.max(worst, ms);
                if (ms > BOUND_MS) slow.add(p.pattern() + " on " + shape.getKey() + ": " + ms + " ms");
            }
        }
        assertThat(slow).as("patterns slower than " + BOUND_MS + " ms on a 1 MB line (worst " + worst + " ms)").isEmpty();
    }

    /** A line that throws once its deadline has passed (checked every 4,096 reads of a character). */
    static final class Bounded implements CharSequence {
        static final class TooSlow extends RuntimeException {
            TooSlow() {
                super("too slow", null, false, false);
            }
        }

        private final String s;
        private final long deadline;
        private int reads;

        Bounded(String s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 4095) == 0 && System.nanoTime() > deadline) throw new TooSlow();
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    /**
     * The whole text reader on a document holding a line as long as the line bound allows (64 K
     * characters) of each shape: every pattern and loop it runs stays linear, so it reads in well
     * under a second (asserted: 2 s on a loaded machine). Through the audit's edge a 1 MB line is
     * refused at once, at its line.
     */
    @Test
    void theTextReaderReadsALineAsLongAsTheBoundOfEachShapeQuicklyAndRefusesAMegabyteLineAtOnce() throws Exception {
        Path example = Path.of("../../shared/examples/urumqi-sme-center-2024.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(example), "shared examples not present");
        String doc = Files.readString(example, StandardCharsets.UTF_8);
        String[] lines = doc.split("\n", -1);
        ReferenceLibrary lib = ReferenceLibrary.standard();
        int bound = org.openbudget.io.guard.ReadLimits.current().lineChars();
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, String> shape : shapes().entrySet()) {
            String atBound = shape.getValue().substring(0, bound);
            // the long line in the text part and inside a table, where different patterns see it
            for (int at : new int[] {lines.length / 3, lines.length * 2 / 3}) {
                List<String> l = new ArrayList<>(List.of(lines));
                l.add(at, atBound);
                String text = String.join("\n", l);
                // the better of two readings: the first of a shape may pay the JIT on a loaded machine
                long ms = Long.MAX_VALUE;
                for (int round = 0; round < 2 && ms > BOUND_MS / 4; round++) {
                    long t0 = System.nanoTime();
                    try {
                        PublishedTextReader.readWithNotes("hostile.txt", text, lib);
                    } catch (InputException refused) {
                        // a clean refusal is as good as a reading here: the time is what is tested
                    }
                    ms = Math.min(ms, (System.nanoTime() - t0) / 1_000_000);
                }
                if (ms > BOUND_MS) slow.add(shape.getKey() + " at line " + at + ": " + ms + " ms");

                l.set(at, shape.getValue());
                String mb = String.join("\n", l);
                long t1 = System.nanoTime();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.openbudget.audit.DocumentAudit.auditText("hostile.txt", mb, lib, "hostile.txt"))
                        .isInstanceOfSatisfying(InputException.class, e -> {
                            assertThat(e.problems().get(0).line()).isEqualTo(at + 1);
                            assertThat(e.problems().get(0).message()).contains("过长");
                        });
                long ms1 = (System.nanoTime() - t1) / 1_000_000;
                if (ms1 > BOUND_MS) slow.add(shape.getKey() + " (1 MB, refused) at line " + at + ": " + ms1 + " ms");
            }
        }
        assertThat(slow).as("documents with a long line read slower than " + BOUND_MS + " ms").isEmpty();
    }
}
