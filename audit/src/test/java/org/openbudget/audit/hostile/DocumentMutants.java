package org.openbudget.audit.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile published documents: texts (damaged real documents, duplicated
 * table blocks, absurd amounts, long lines of adversarial shapes, encodings, control characters)
 * and PDFs (damaged real files, and PDFs written here byte by byte: skewed text matrices,
 * thousands of pages, compressed-stream bombs, pages of tens of thousands of glyphs or lines,
 * deep nesting, broken cross-reference tables). The same seed gives the same inputs.
 */
public final class DocumentMutants {
    private final List<String> texts;
    private final List<byte[]> pdfs;
    private final Random rnd;
    private byte[] manyPages, bomb;
    private final java.util.Map<Integer, byte[]> bombs = new java.util.HashMap<>();

    public DocumentMutants(List<String> texts, List<byte[]> pdfs, long seed) {
        this.texts = texts;
        this.pdfs = pdfs;
        this.rnd = new Random(seed);
    }

    public record Mutant(String what, byte[] bytes) {}

    // ------------------------------------------------------------------ texts

    static final String[] NUMBERS = {"1e99999", "9".repeat(40) + ".00", "NaN", "-", "1,2,3,4.00", "12.345.67", "99999999999999999999.99", "-0.00",
            "１２．００", "Infinity", "0x10", "1" + ",000".repeat(30) + ".00"};

    public Mutant text(int i) {
        // the bureau's long document one time in eight: the fuzz stays fast
        String base = texts.get(rnd.nextInt(8) == 0 ? texts.size() - 1 : rnd.nextInt(Math.max(1, texts.size() - 1)));
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        int kind = i % 14;
        String what;
        switch (kind) {
            case 0 -> {
                byte[] b = base.getBytes(StandardCharsets.UTF_8);
                int n = 1 + rnd.nextInt(30);
                for (int k = 0; k < n; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                return new Mutant("text bytes flipped", b);
            }
            case 1 -> {
                int a = rnd.nextInt(lines.size()), n = 1 + rnd.nextInt(Math.min(80, lines.size() - a));
                for (int k = 0; k < n && a < lines.size(); k++) lines.remove(a);
                what = "lines deleted";
            }
            case 2 -> {
                // a table block read twice (or five times)
                List<Integer> marks = new ArrayList<>();
                for (int k = 0; k < lines.size(); k++) if (lines.get(k).trim().matches("表\\s*\\d{1,2}")) marks.add(k);
                if (marks.size() < 2) {
                    what = "no tables";
                    break;
                }
                int m = rnd.nextInt(marks.size() - 1);
                List<String> block = new ArrayList<>(lines.subList(marks.get(m), marks.get(m + 1)));
                int times = 1 + rnd.nextInt(5);
                for (int k = 0; k < times; k++) lines.addAll(marks.get(m + 1), block);
                what = "table block ×" + (times + 1);
            }
            case 3 -> {
                int n = 1 + rnd.nextInt(10);
                for (int k = 0; k < n; k++) {
                    int at = rnd.nextInt(lines.size());
                    lines.set(at, lines.get(at).replaceFirst("\\d[\\d,]*\\.\\d{2}", java.util.regex.Matcher.quoteReplacement(NUMBERS[rnd.nextInt(NUMBERS.length)])));
                }
                what = "amounts";
            }
            case 4 -> {
                String[] shapes = {"1", "1,", "1.", " ", "1 ", "主要原因是", "（", "(类)", "\t1", "万元", "占1%", "增加1人", "表 1", "— 1 —"};
                String sh = shapes[rnd.nextInt(shapes.length)];
                int len = 1_000 + rnd.nextInt(80_000);
                lines.add(rnd.nextInt(lines.size()), sh.repeat(Math.max(1, len / sh.length())));
                what = "long line of " + sh;
            }
            case 5 -> {
                int a = rnd.nextInt(lines.size()), n = Math.min(lines.size() - a, 2 + rnd.nextInt(60));
                java.util.Collections.shuffle(lines.subList(a, a + n), rnd);
                what = "lines shuffled";
            }
            case 6 -> {
                String[] cs = {"GB18030", "UTF-16LE", "UTF-16BE", "UTF-8"};
                String c = cs[rnd.nextInt(cs.length)];
                byte[] body = base.getBytes(Charset.forName(c));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (c.equals("UTF-16LE")) out.write(0xFF);
                if (c.equals("UTF-16LE")) out.write(0xFE);
                if (c.equals("UTF-16BE") && rnd.nextBoolean()) {
                    out.write(0xFE);
                    out.write(0xFF);
                }
                if (c.equals("UTF-8")) out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(body);
                return new Mutant("encoding " + c, out.toByteArray());
            }
            case 7 -> {
                for (int k = 0; k < lines.size(); k++) lines.set(k, rnd.nextBoolean() ? lines.get(k).replace('\t', ' ') : lines.get(k).replace(' ', '\t'));
                what = "tabs and spaces";
            }
            case 8 -> {
                int n = rnd.nextInt(10) == 0 ? 600_000 : rnd.nextInt(20_000);
                lines.addAll(rnd.nextInt(lines.size()), java.util.Collections.nCopies(n, ""));
                what = n + " empty lines";
            }
            case 9 -> {
                byte[] b = new byte[rnd.nextInt(8_192)];
                rnd.nextBytes(b);
                return new Mutant("random bytes", b);
            }
            case 10 -> {
                String[] controls = {"\u0000", "\u0001", "\u001b", "\u007f", "\u2028", "\uFEFF", "\r", "\f", "\u200b"};
                StringBuilder b = new StringBuilder(base);
                int n = 1 + rnd.nextInt(20);
                for (int k = 0; k < n; k++) b.insert(rnd.nextInt(b.length()), controls[rnd.nextInt(controls.length)]);
                return new Mutant("control characters", b.toString().getBytes(StandardCharsets.UTF_8));
            }
            case 11 -> {
                int n = 1 + rnd.nextInt(30);
                for (int k = 0; k < n; k++) lines.add(rnd.nextInt(lines.size()), "表" + (rnd.nextInt(14)));
                what = "table marks";
            }
            case 12 -> {
                return new Mutant("text truncated", base.substring(0, rnd.nextInt(base.length())).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                int n = 1 + rnd.nextInt(200);
                for (int k = 0; k < n; k++) {
                    StringBuilder l = new StringBuilder();
                    int cells = rnd.nextInt(30);
                    for (int c = 0; c < cells; c++) l.append(rnd.nextBoolean() ? "\t" : " ").append(rnd.nextInt(100_000)).append('.').append(rnd.nextInt(90) + 10);
                    lines.add(rnd.nextInt(lines.size()), rnd.nextInt(3) == 0 ? "201" + rnd.nextInt(99) + " 名称" + l : l.toString());
                }
                what = "number noise";
            }
        }
        return new Mutant(what, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ PDFs

    public Mutant pdf(int i) {
        int kind = i % 12;
        switch (kind) {
            case 0, 1 -> {
                byte[] b = (kind == 0 ? base() : small(4)).clone();
                int n = 1 + rnd.nextInt(40);
                for (int k = 0; k < n; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                return new Mutant("PDF bytes flipped", b);
            }
            case 2 -> {
                byte[] b = rnd.nextBoolean() ? base() : small(3);
                return new Mutant("PDF truncated", java.util.Arrays.copyOf(b, 8 + rnd.nextInt(b.length - 8)));
            }
            case 3 -> {
                String s = new String(small(2), StandardCharsets.ISO_8859_1);
                String[] counts = {"2000", "-1", "99999999999", "0", "1e9", "/Kids"};
                s = s.replaceFirst("/Count \\d+", "/Count " + counts[rnd.nextInt(counts.length)]);
                if (rnd.nextBoolean()) s = s.replaceFirst("/Length \\d+", "/Length " + (rnd.nextBoolean() ? "999999999" : String.valueOf(rnd.nextInt(50))));
                return new Mutant("PDF counts and lengths", s.getBytes(StandardCharsets.ISO_8859_1));
            }
            case 4 -> {
                // a text matrix skewed, huge, tiny or degenerate
                String[] m = {"1 0 0.9 1 0 0", "1e30 0 0 1e30 0 0", "0 0 0 0 0 0", "1 1e-30 1e-30 1 0 0", "-1 0 0 -1 0 0", "1 0 0 1 1e38 -1e38",
                        "0.0001 1 1 0.0001 0 0", "1 0.5 -0.5 1 100 100"};
                String tm = m[rnd.nextInt(m.length)];
                return new Mutant("text matrix " + tm, write(1, page -> lines(tm, 30)));
            }
            // the costly shapes at full size one time in twenty (they are the same bytes each time; the
            // dedicated tests and the kept reproducers read them too), smaller otherwise: the fuzz stays fast
            case 5 -> {
                if (rnd.nextInt(20) == 0) {
                    if (manyPages == null) manyPages = write(2_100, page -> "BT /F1 12 Tf 72 700 Td (Page " + page + " of the text) Tj ET");
                    return new Mutant("2,100 pages", manyPages);
                }
                int n = 2 + rnd.nextInt(60);
                return new Mutant(n + " pages", write(n, page -> lines("1 0 0 1 0 0", 3)));
            }
            case 6 -> {
                boolean full = rnd.nextInt(20) == 0;
                if (full && bomb == null) bomb = bombPdf(96);
                int mb = 1 + rnd.nextInt(4);
                return new Mutant("compressed-stream bomb " + (full ? 96 : mb) + " MB", full ? bomb : bombs.computeIfAbsent(mb, DocumentMutants::bombPdf));
            }
            case 7 -> {
                int n = rnd.nextInt(20) == 0 ? 25_000 + rnd.nextInt(20_000) : 500 + rnd.nextInt(5_000);
                StringBuilder c = new StringBuilder("BT /F1 2 Tf ");
                for (int k = 0; k < n; k++) c.append("1 0 0 1 ").append(k % 600).append(' ').append(k / 600 % 800).append(" Tm (x) Tj ");
                c.append("ET");
                return new Mutant(n + " glyphs on a page", write(1, page -> c.toString()));
            }
            case 8 -> {
                int n = rnd.nextInt(20) == 0 ? 25_000 + rnd.nextInt(20_000) : 500 + rnd.nextInt(5_000);
                StringBuilder c = new StringBuilder();
                for (int k = 0; k < n; k++) c.append(k % 500).append(' ').append(k / 500 % 700).append(" 5 5 re ");
                c.append("S ").append(lines("1 0 0 1 0 0", 5));
                return new Mutant(n + " rectangles on a page", write(1, page -> c.toString()));
            }
            case 9 -> {
                int depth = 1_000 + rnd.nextInt(100_000);
                String c = "[".repeat(depth) + "]".repeat(depth) + " " + lines("1 0 0 1 0 0", 3);
                return new Mutant("nesting " + depth, write(1, page -> c));
            }
            case 10 -> {
                String s = new String(small(2), StandardCharsets.ISO_8859_1);
                String[] x = {"startxref\n0\n", "startxref\n999999999\n", "xref\n0 99999999\n", "trailer\n<< /Root 99 0 R /Size -1 >>\n", "1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n"};
                int at = rnd.nextInt(s.length());
                s = s.substring(0, at) + x[rnd.nextInt(x.length)] + s.substring(at);
                return new Mutant("PDF structure", s.getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> {
                byte[] b = new byte[rnd.nextInt(8_192) + 16];
                rnd.nextBytes(b);
                System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 9);
                return new Mutant("random bytes after %PDF-", b);
            }
        }
    }

    private byte[] base() {
        return pdfs.get(rnd.nextInt(pdfs.size()));
    }

    private byte[] small(int pages) {
        return write(pages, page -> lines("1 0 0 1 0 0", 20));
    }

    /** Lines of a table-like text: a total row and a few numbered rows, in Latin glyphs (Helvetica). */
    private String lines(String tm, int n) {
        StringBuilder c = new StringBuilder("BT /F1 10 Tf ").append(tm).append(" Tm ");
        for (int k = 0; k < n; k++) {
            c.append("0 -14 Td (").append(k == 0 ? "Total" : "20" + (k % 10) + "01").append("  ").append(rnd.nextInt(100_000)).append('.').append(rnd.nextInt(90) + 10)
                    .append("  ").append(rnd.nextInt(1_000)).append(".00) Tj ");
        }
        return c.append("ET").toString();
    }

    /** A PDF written here, uncompressed: one content stream per page (the same for each, or by page number). */
    static byte[] write(int pages, java.util.function.IntFunction<String> content) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages; p++) kids.append(4 + 2 * p).append(" 0 R ");
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int p = 0; p < pages; p++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " + (5 + 2 * p) + " 0 R >>");
            String c = content.apply(p + 1);
            objects.add("<< /Length " + c.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + c + "\nendstream");
        }
        return assemble(objects, null);
    }

    /** A one-page PDF whose content stream inflates to {@code mb} MB (compressed about a thousand times). */
    static byte[] bombPdf(int mb) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(z, new java.util.zip.Deflater(9))) {
            byte[] chunk = "0 0 m 1 1 l S ".repeat(4_096).getBytes(StandardCharsets.ISO_8859_1);
            for (long done = 0; done < ((long) mb << 20); done += chunk.length) out.write(chunk);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] stream = z.toByteArray();
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>");
        objects.add("<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n\u0001STREAM\u0001\nendstream");
        return assemble(objects, stream);
    }

    private static byte[] assemble(List<String> objects, byte[] stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.size()];
        for (int k = 0; k < objects.size(); k++) {
            offsets[k] = out.size();
            String o = (k + 1) + " 0 obj\n" + objects.get(k) + "\nendobj\n";
            int mark = o.indexOf("\u0001STREAM\u0001");
            if (mark >= 0 && stream != null) {
                out.writeBytes(o.substring(0, mark).getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(stream);
                out.writeBytes(o.substring(mark + 8).getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(o.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long off : offsets) x.append(String.format("%010d 00000 n \n", off));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(x.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
