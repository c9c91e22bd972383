package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.testing.PdfFixtures;
import org.openbudget.io.InputException;

/**
 * Whatever the bytes, the audit gives a clear error (InputException: file, what is wrong) or an
 * honest partial result (reader notes) — never a crash: a seeded fuzz over 1,200 generated inputs
 * (random bytes, damaged texts and PDFs, document-like noise), a document of another type, and
 * 100 MB files refused before they are read.
 */
class RobustnessTest {
    static final Path SHARED = Path.of("../../shared/examples");

    static String example(String name) throws IOException {
        Path p = SHARED.resolve(name + ".txt");
        assumeTrue(Files.exists(p), "shared examples not present");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Runs one input; returns "ok", "partial" or "error"; fails the test on anything else. */
    static String outcome(Path file, String what) {
        try {
            DocumentAudit.Result r = DocumentAudit.run(file, LayoutVariantsTest.LIB);
            assertThat(r.disclosure()).isNotNull();
            return r.notes().isEmpty() ? "ok" : "partial";
        } catch (InputException e) {
            assertThat(e.getMessage()).as(what).isNotBlank();
            assertThat(e.problems()).as(what).isNotEmpty();
            return "error";
        } catch (Throwable t) {
            fail("crash on " + what + ": " + t, t);
            return null;
        }
    }

    @Test
    void fuzzOverTwelveHundredGeneratedInputs(@TempDir Path dir) throws IOException {
        Random rnd = new Random(19491001);
        List<String> texts = List.of(example("urumqi-sme-center-2024"), example("urumqi-sci-tech-info-center-2024"),
                example("urumqi-industry-it-bureau-2024"));
        byte[] pdf = Files.readAllBytes(PdfFixtures.DIR.resolve("urumqi-sme-center-2024.tables.libreoffice.pdf"));
        Path f = dir.resolve("input");
        int[] counts = new int[3];
        int n = 0;
        for (int i = 0; i < 1200; i++) {
            String what;
            byte[] bytes;
            int kind = i % 8;
            if (kind == 0) {
                bytes = new byte[rnd.nextInt(4096)];
                rnd.nextBytes(bytes);
                what = "random bytes " + bytes.length;
            } else if (kind <= 4) {
                // the bureau's long document one time in four: the fuzz stays fast
                String t = texts.get(rnd.nextInt(4) == 0 ? 2 : rnd.nextInt(2));
                t = damage(t, rnd, kind);
                bytes = t.getBytes(rnd.nextInt(10) == 0 ? java.nio.charset.Charset.forName("GB18030") : StandardCharsets.UTF_8);
                what = "damaged text kind " + kind + " #" + i;
            } else if (kind == 5) {
                bytes = noise(rnd).getBytes(StandardCharsets.UTF_8);
                what = "document-like noise #" + i;
            } else if (kind == 6 && i % 24 == 6) {
                // damaged PDFs: fewer (each is parsed), flipped bytes or truncated
                bytes = pdf.clone();
                if (rnd.nextBoolean()) {
                    for (int k = 0; k < 1 + rnd.nextInt(50); k++) bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
                } else {
                    bytes = Arrays.copyOf(bytes, 16 + rnd.nextInt(bytes.length - 16));
                }
                what = "damaged PDF #" + i;
            } else {
                // a PDF header over text or noise
                bytes = ("%PDF-1." + rnd.nextInt(8) + "\n" + noise(rnd)).getBytes(StandardCharsets.UTF_8);
                what = "fake PDF #" + i;
            }
            Files.write(f, bytes);
            String o = outcome(f, what);

            counts[o.equals("ok") ? 0 : o.equals("partial") ? 1 : 2]++;
            n++;
        }
        System.out.println("fuzz: " + n + " inputs — ok " + counts[0] + ", partial " + counts[1] + ", clear error " + counts[2]);
        assertThat(n).isGreaterThanOrEqualTo(1000);
        // the damaged documents are mostly still read in part
        assertThat(counts[0] + counts[1]).isPositive();
        assertThat(counts[2]).isPositive();
    }

    static String damage(String t, Random rnd, int kind) {
        List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        switch (kind) {
            case 1 -> {
                return t.substring(0, rnd.nextInt(t.length()));
            }
            case 2 -> {
                for (int k = 0; k < 1 + rnd.nextInt(40); k++) {
                    int at = rnd.nextInt(lines.size());
                    if (rnd.nextBoolean()) lines.remove(at);
                    else lines.add(rnd.nextInt(lines.size()), lines.get(at));
                }
            }
            case 3 -> {
                int a = rnd.nextInt(lines.size()), b = Math.min(lines.size(), a + 1 + rnd.nextInt(200));
                Collections.shuffle(lines.subList(a, b), rnd);
            }
            default -> {
                StringBuilder s = new StringBuilder(t);
                String junk = "\t\t<b>表 1 万元 ,.-0123456789※总计合计（）：\u0000\uFFFD\u202E";
                for (int k = 0; k < 1 + rnd.nextInt(200); k++) {
                    int at = rnd.nextInt(s.length());
                    if (rnd.nextBoolean()) s.insert(at, junk.charAt(rnd.nextInt(junk.length())));
                    else s.deleteCharAt(at);
                }
                return s.toString();
            }
        }
        return String.join("\n", lines);
    }

    /** Lines that look like a disclosure's: marks, titles, codes, amounts, in random order. */
    static String noise(Random rnd) {
        String[] tokens = {"表 " + (1 + rnd.nextInt(12)), "编制单位：某单位", "单位：万元", "单位：元", "2024年单位预算公开", "206 04 99",
                "总计", "合计", "收入总计", "支出总计", "※", "1", "2", "12", "科学技术支出", "1,234.56", "0.01", "-5.00", "99999999999999999999.99",
                "\t", "一、本年收入", "收支总体情况表", "没有", "为空表。", "第三部分", "（一）", "%", "增加", "减少"};
        StringBuilder b = new StringBuilder();
        int lines = 1 + rnd.nextInt(300);
        for (int i = 0; i < lines; i++) {
            int k = rnd.nextInt(8);
            for (int j = 0; j < k; j++) b.append(tokens[rnd.nextInt(tokens.length)]).append(rnd.nextInt(3) == 0 ? "\t" : " ");
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void aDocumentOfAnotherTypeIsAClearError(@TempDir Path dir) throws IOException {
        // a budget's words turned into a 决算's: recognised as a 决算, and none of a 决算's tables is there
        Path p = dir.resolve("final-accounts.txt");
        Files.writeString(p, example("urumqi-sci-tech-info-center-2024").replace("预算", "决算"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentAudit.run(p, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class)
                .hasMessageContaining("部门决算").hasMessageContaining("找不到任何决算公开表");
        // a government notice with no table at all
        Path notice = dir.resolve("notice.txt");
        Files.writeString(notice, "关于做好2024年部门预算编制工作的通知\n各单位：\n现将有关事项通知如下。\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentAudit.run(notice, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class);
    }

    @Test
    void hundredMegabyteFilesAreRefusedBeforeTheyAreRead(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("huge.txt");
        String chunk = example("urumqi-sme-center-2024");
        try (BufferedWriter w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            while (Files.size(text) < 100L << 20) {
                for (int i = 0; i < 200; i++) w.write(chunk);
                w.flush();
            }
        }
        long before = usedHeap();
        assertThatThrownBy(() -> DocumentAudit.run(text, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class).hasMessageContaining("过大");
        Files.delete(text);

        Path pdf = dir.resolve("huge.pdf");
        try (OutputStream o = Files.newOutputStream(pdf)) {
            o.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 100; i++) o.write(block);
        }
        assertThatThrownBy(() -> DocumentAudit.run(pdf, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class).hasMessageContaining("过大");
        Files.delete(pdf);
        // refused without reading: no 100 MB on the heap
        assertThat(usedHeap() - before).isLessThan(50L << 20);
    }

    @Test
    void aLargeTextUnderTheLimitGivesAnHonestResult(@TempDir Path dir) throws IOException {
        // twelve megabytes: the document followed by many copies of itself
        String doc = example("urumqi-sci-tech-info-center-2024");
        Path p = dir.resolve("big.txt");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            while (Files.size(p) < 12L << 20) {
                for (int i = 0; i < 50; i++) w.write(doc);
                w.flush();
            }
        }
        String o = outcome(p, "12 MB text");
        assertThat(o).isIn("ok", "partial");
        Files.delete(p);
    }

    static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
