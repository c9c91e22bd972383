package org.openbudget.io.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Seeded generators of hostile workbooks from a real one, working on the zip and its XML parts
 * (fast: no spreadsheet library writes them): cell values NaN / Infinity / out of range, wrong cell
 * types and error cells, out-of-range style and row numbers, reversed and huge merged ranges,
 * blank required cells, a sheet claiming a million rows, a thousand bad amounts, parts dropped,
 * renamed or doubled, zip bombs, bytes flipped, truncation.
 */
public final class XlsxMutants {
    private final Map<String, byte[]> parts;
    private final byte[] original;
    private final Random rnd;

    public XlsxMutants(byte[] xlsx, long seed) {
        this.original = xlsx;
        this.parts = unzip(xlsx);
        this.rnd = new Random(seed);
    }

    public record Mutant(String what, byte[] bytes) {}

    static final String[] VALUES = {"NaN", "INF", "-INF", "Infinity", "1e400", "-1e400", "1E308", "4.9E-324", "", "abc", "99999999999999999999999",
            "9223372036854775808", "-0", "0x10", "1,5", "  ", "1.7976931348623157E309", "12345678901234567890.12"};
    static final String[] TYPES = {"e", "b", "str", "inlineStr", "s", "n", "d", "zz", ""};

    public Mutant next(int i) {
        int kind = i % 14;
        Map<String, byte[]> p = new LinkedHashMap<>(parts);
        List<String> sheets = p.keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).toList();
        String sheet = sheets.get(rnd.nextInt(sheets.size()));
        String xml = new String(p.get(sheet), StandardCharsets.UTF_8);
        String what;
        switch (kind) {
            case 0 -> {
                String v = VALUES[rnd.nextInt(VALUES.length)];
                xml = replaceSome(xml, Pattern.compile("<v>[^<]*</v>"), "<v>" + v + "</v>", 1 + rnd.nextInt(5));
                what = "cell values " + v;
            }
            case 1 -> {
                String t = TYPES[rnd.nextInt(TYPES.length)];
                xml = replaceSome(xml, Pattern.compile(" t=\"[a-zA-Z]*\""), " t=\"" + t + "\"", 1 + rnd.nextInt(5));
                if (rnd.nextBoolean()) xml = replaceSome(xml, Pattern.compile("<c r=\"([A-Z]+[0-9]+)\""), "<c r=\"$1\" t=\"" + t + "\"", 1 + rnd.nextInt(3));
                what = "cell types " + t;
            }
            case 2 -> {
                String[] s = {"99999", "-1", "4294967296", "x", ""};
                xml = replaceSome(xml, Pattern.compile(" s=\"[0-9]+\""), " s=\"" + s[rnd.nextInt(s.length)] + "\"", 1 + rnd.nextInt(5));
                what = "style numbers";
            }
            case 3 -> {
                String[] r = {"A1048576", "XFD1048577", "ZZZZ1", "", "A0", "A-1", "1A", "A99999999999"};
                xml = replaceSome(xml, Pattern.compile("<c r=\"[A-Z]+[0-9]+\""), "<c r=\"" + r[rnd.nextInt(r.length)] + "\"", 1 + rnd.nextInt(3));
                what = "cell references";
            }
            case 4 -> {
                String[] refs = {"B5:A1", "A1:XFD1048576", "C3:C3", "A3:F4", "Z9:A1", "A:A", "", "A1", "AAAA1:B2"};
                String ref = refs[rnd.nextInt(refs.length)];
                String merge = "<mergeCells count=\"1\"><mergeCell ref=\"" + ref + "\"/></mergeCells>";
                xml = xml.contains("<mergeCells") ? xml.replaceFirst("<mergeCells[^>]*>", "<mergeCells>" + "<mergeCell ref=\"" + ref + "\"/>")
                        : xml.replaceFirst("</sheetData>", "</sheetData>" + merge);
                what = "merged range " + ref;
            }
            case 5 -> {
                xml = replaceSome(xml, Pattern.compile("<v>[^<]*</v>"), "", 1 + rnd.nextInt(6));
                what = "blank cells";
            }
            case 6 -> {
                // a sheet claiming (or holding a row at) the last row of a sheet
                xml = xml.replaceFirst("<dimension ref=\"[^\"]*\"", "<dimension ref=\"A1:XFD1048576\"");
                xml = xml.replaceFirst("</sheetData>", "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>");
                what = "a row at 1048576";
            }
            case 7 -> {
                // many rows of bad amounts
                StringBuilder rows = new StringBuilder();
                int n = 200 + rnd.nextInt(3_000);
                int from = 1_000;
                for (int r = from; r < from + n; r++) {
                    rows.append("<row r=\"").append(r).append("\">");
                    for (char c = 'A'; c <= 'G'; c++) {
                        rows.append("<c r=\"").append(c).append(r).append("\" t=\"inlineStr\"><is><t>").append(c == 'F' ? "三十万" : "x").append("</t></is></c>");
                    }
                    rows.append("</row>");
                }
                xml = xml.replaceFirst("</sheetData>", rows + "</sheetData>");
                what = n + " rows of bad values";
            }
            case 8 -> {
                // a part dropped, renamed in another case, or its XML cut
                List<String> names = new ArrayList<>(p.keySet());
                String n = names.get(rnd.nextInt(names.size()));
                int how = rnd.nextInt(3);
                if (how == 0) p.remove(n);
                else if (how == 1) p.put(n.toUpperCase(), p.get(n));
                else {
                    byte[] b = p.get(n);
                    p.put(n, java.util.Arrays.copyOf(b, rnd.nextInt(Math.max(1, b.length))));
                }
                return new Mutant("part " + n + (how == 0 ? " dropped" : how == 1 ? " doubled in upper case" : " cut"), zip(p));
            }
            case 9 -> {
                byte[] b = original.clone();
                int n = 1 + rnd.nextInt(20);
                for (int k = 0; k < n; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                return new Mutant("zip bytes flipped", b);
            }
            case 10 -> {
                return new Mutant("zip truncated", java.util.Arrays.copyOf(original, rnd.nextInt(original.length)));
            }
            case 11 -> {
                // XML-level hostility: entities, deep nesting, a DOCTYPE
                String[] junk = {"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
                        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<x>".repeat(5_000), "&#0;", "\u0000", "<![CDATA[", "]]>"};
                String j = junk[rnd.nextInt(junk.length)];
                int at = xml.indexOf("?>") + 2;
                xml = at > 1 && rnd.nextBoolean() ? xml.substring(0, at) + j + xml.substring(at) : xml.replaceFirst("<sheetData>", "<sheetData>" + j);
                what = "xml junk";
            }
            case 12 -> {
                // the info sheet's labels or values changed
                String target = p.containsKey("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : sheet;
                String s = new String(p.get(target), StandardCharsets.UTF_8);
                String[] vals = {"", " ", "单位", "2999", "-1", "\u0000", "x".repeat(70_000), "=1+1", "2024年", "budget-workbook/0"};
                s = replaceSome(s, Pattern.compile("<t( [^>]*)?>[^<]*</t>"), "<t>" + vals[rnd.nextInt(vals.length)] + "</t>", 1 + rnd.nextInt(4));
                p.put(target, s.getBytes(StandardCharsets.UTF_8));
                return new Mutant("strings changed", zip(p));
            }
            default -> {
                // rows duplicated or shuffled
                Matcher m = Pattern.compile("<row [^>]*>.*?</row>", Pattern.DOTALL).matcher(xml);
                List<String> rows = new ArrayList<>();
                while (m.find()) rows.add(m.group());
                if (!rows.isEmpty()) {
                    String r = rows.get(rnd.nextInt(rows.size()));
                    xml = xml.replace(r, r + r);
                }
                what = "row doubled";
            }
        }
        p.put(sheet, xml.getBytes(StandardCharsets.UTF_8));
        return new Mutant(what + " in " + sheet, zip(p));
    }

    /** A zip bomb: a sheet of {@code mb} MB of spaces (compressed a thousand times). */
    public byte[] bomb(int mb) {
        Map<String, byte[]> p = new LinkedHashMap<>(parts);
        String sheet = p.keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).findFirst().orElseThrow();
        byte[] huge = new byte[mb << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        p.put(sheet, huge);
        return zip(p);
    }

    private String replaceSome(String s, Pattern p, String replacement, int n) {
        Matcher m = p.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return s;
        java.util.Set<Integer> pick = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (int k = 0; k < n; k++) pick.add(rnd.nextInt(spans.size()));
        StringBuilder b = new StringBuilder(s);
        for (int k : pick) {
            int[] sp = spans.get(k);
            String rep = p.matcher(s.substring(sp[0], sp[1])).replaceFirst(replacement);
            b.replace(sp[0], sp[1], rep);
        }
        return b.toString();
    }

    static Map<String, byte[]> unzip(byte[] xlsx) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
