package org.openbudget.audit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.TemplateProfile;

/**
 * The mutation generator: takes a document's text (a published example or a rendering) and
 * injects ONE fault at a time, recording where it is — the table and row, or the 第三部分 section.
 *
 * <p>Table faults: a changed cell, a dropped row, a changed subject name, a changed subject code,
 * the empty-table sentence put on a table with numbers. Text faults (第三部分): a changed amount, a
 * changed share or rate, a flipped direction word (增加↔减少, 增长↔下降).
 */
public final class Mutants {
    public enum Kind { CELL, DROP_ROW, NAME, CODE, EMPTY_SENTENCE, TEXT_AMOUNT, TEXT_RATE, TEXT_WORD }

    /**
     * One mutant.
     *
     * @param table   the table the fault is in (null for a text fault)
     * @param code    the row's code ("" for rows without one)
     * @param label   the row's label (name) for rows without a code
     * @param section the 第三部分 section numeral for a text fault
     */
    public record Mutant(Kind kind, String text, Integer table, String code, String label, String section, String what) {
    }

    private static final Pattern NUM = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}");
    private static final Pattern SECTION = Pattern.compile("^\\s*#*\\s*([一二三四五六七八九十]{1,3})、");

    private final String text;
    private final List<String> lines;
    private final Disclosure d;
    private final PublishedTextReader.Result read;
    private final ReferenceData ref;
    private final TemplateProfile profile;

    public Mutants(String text, PublishedTextReader.Result read, TemplateProfile profile, ReferenceData ref) {
        this.text = text;
        this.lines = List.of(text.split("\n", -1));
        this.read = read;
        this.d = read.disclosure();
        this.profile = profile;
        this.ref = ref;
    }

    /** Up to {@code n} mutants of every table kind, chosen with {@code rnd}. */
    public List<Mutant> tableMutants(Random rnd, int n) {
        List<Mutant> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < n && attempts++ < n * 20) {
            Kind k = switch (rnd.nextInt(10)) {
                case 0, 1, 2, 3 -> Kind.CELL;
                case 4, 5 -> Kind.DROP_ROW;
                case 6, 7 -> Kind.NAME;
                case 8 -> Kind.CODE;
                default -> Kind.EMPTY_SENTENCE;
            };
            Mutant m = switch (k) {
                case CELL -> cell(rnd);
                case DROP_ROW -> drop(rnd);
                case NAME -> name(rnd);
                case CODE -> code(rnd);
                case EMPTY_SENTENCE -> emptySentence(rnd);
                default -> null;
            };
            if (m != null && !m.text.equals(text)) out.add(m);
        }
        return out;
    }

    /** Up to {@code n} text mutants (第三部分 amounts, shares and rates, direction words). */
    public List<Mutant> textMutants(Random rnd, int n) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).replaceAll("[#\\s]", "");
            if (t.startsWith("第三部分") && i > 0 && (start < 0 || i > start)) start = i;
        }
        List<Mutant> out = new ArrayList<>();
        if (start < 0) return out;
        // candidate sites: (line, section, matcher kind)
        List<int[]> sites = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String section = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher s = SECTION.matcher(l);
            if (s.find() && l.contains("说明")) section = s.group(1);
            if (l.replaceAll("[#\\s]", "").startsWith("第四部分")) break;
            if (section == null || l.indexOf('\t') >= 0) continue;
            if (l.matches(".*\\d[\\d,]*\\.\\d{2}\\s*万元.*")) { sites.add(new int[]{i, 0}); sections.add(section); }
            if (l.matches(".*(占|增长|下降)\\s*\\d+\\.\\d{2}\\s*%.*")) { sites.add(new int[]{i, 1}); sections.add(section); }
            if (l.matches(".*(增加|减少|增长|下降)\\s*\\d.*")) { sites.add(new int[]{i, 2}); sections.add(section); }
        }
        if (sites.isEmpty()) return out;
        for (int a = 0; a < n * 5 && out.size() < n; a++) {
            int pick = rnd.nextInt(sites.size());
            int[] s = sites.get(pick);
            String l = lines.get(s[0]);
            String changed = switch (s[1]) {
                case 0 -> replaceNth(l, Pattern.compile("\\d[\\d,]*\\.\\d{2}(?=\\s*万元)"), rnd, v -> bump(v, rnd));
                case 1 -> replaceNth(l, Pattern.compile("(?<=(占|增长|下降)\\s{0,2})\\d+\\.\\d{2}(?=\\s*%)"), rnd, v -> bump(v, rnd));
                default -> flipWord(l, rnd);
            };
            if (changed == null || changed.equals(l)) continue;
            Kind k = s[1] == 0 ? Kind.TEXT_AMOUNT : s[1] == 1 ? Kind.TEXT_RATE : Kind.TEXT_WORD;
            out.add(new Mutant(k, with(s[0], changed), null, "", "", sections.get(pick), k + " line " + (s[0] + 1) + ": " + changed.strip()));
        }
        return out;
    }

    // ------------------------------------------------------------------ table mutants

    private record Site(DisclosureTable t, int index, Row row, int line) {
    }

    private Site site(Random rnd, java.util.function.Predicate<Row> ok) {
        List<Site> all = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            for (int i = 0; i < t.rows().size(); i++) {
                int line = read.line(t.no(), i);
                Row r = t.rows().get(i);
                if (line > 0 && ok.test(r)) all.add(new Site(t, i, r, line));
            }
        }
        return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
    }

    private Mutant cell(Random rnd) {
        Site s = site(rnd, r -> r.values().stream().anyMatch(v -> v != null && v.signum() != 0));
        if (s == null) return null;
        String l = lines.get(s.line - 1);
        // 表1/表4 print an income row and an expense row on one line: change a number of this row's side
        String changed;
        if (s.t.no() == 1 || s.t.no() == 4) {
            changed = sideNumber(l, s, rnd);
        } else {
            changed = replaceNth(l, NUM, rnd, v -> bump(v, rnd));
        }
        if (changed == null || changed.equals(l)) return null;
        return new Mutant(Kind.CELL, with(s.line - 1, changed), s.t.no(), s.row.code(), s.row.name(), null,
                "表" + s.t.no() + " " + s.row.label() + ": " + changed.strip());
    }

    private String sideNumber(String l, Site s, Random rnd) {
        if (l.indexOf('\t') >= 0) {
            String[] c = l.split("\t", -1);
            List<Integer> idx = new ArrayList<>();
            for (int k = 0; k < c.length; k++) {
                boolean income = k < 2;
                if (NUM.matcher(c[k].replace("<b>", "").replace("</b>", "").trim()).matches() && income == (s.row.side() == Side.INCOME)) idx.add(k);
            }
            if (idx.isEmpty()) return null;
            int k = idx.get(rnd.nextInt(idx.size()));
            c[k] = c[k].replaceFirst(NUM.pattern(), java.util.regex.Matcher.quoteReplacement(bump(c[k].replaceAll("[^\\d.,-]", ""), rnd)));
            return String.join("\t", c);
        }
        // plain: the income number follows the income label, the expense numbers end the line
        Matcher m = NUM.matcher(l);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(), m.end()});
        if (spans.isEmpty()) return null;
        int codeAt = -1;
        Matcher c = Pattern.compile("(?<![\\d.,])\\d{3}\\s").matcher(l);
        if (c.find()) codeAt = c.start();
        List<int[]> mine = new ArrayList<>();
        for (int[] sp : spans) {
            boolean income = codeAt < 0 ? s.row.side() == Side.INCOME && sp == spans.get(0) : sp[0] < codeAt;
            if (s.row.kind() == RowKind.TOTAL) income = sp == spans.get(0);
            if (income == (s.row.side() == Side.INCOME)) mine.add(sp);
        }
        if (mine.isEmpty()) return null;
        int[] sp = mine.get(rnd.nextInt(mine.size()));
        return l.substring(0, sp[0]) + bump(l.substring(sp[0], sp[1]), rnd) + l.substring(sp[1]);
    }

    private Mutant drop(Random rnd) {
        Site s = site(rnd, r -> (r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT)
                && r.values().stream().anyMatch(v -> v != null && v.signum() != 0));
        if (s == null || s.t.no() == 1 || s.t.no() == 4) return null;
        // the row's lines: from its first line to the one that ends with its numbers (a wrapped row has several)
        int first = s.line - 1, last = first;
        while (last < lines.size() && !ENDS_WITH_NUMBER.matcher(lines.get(last).replace("<b>", "").replace("</b>", "")).find()) last++;
        if (last >= lines.size() || last - first > 5) return null;
        List<String> out = new ArrayList<>(lines);
        for (int k = last; k >= first; k--) out.remove(k);
        return new Mutant(Kind.DROP_ROW, String.join("\n", out), s.t.no(), s.row.code(), s.row.name(), null, "drop 表" + s.t.no() + " " + s.row.label());
    }

    private static final Pattern ENDS_WITH_NUMBER = Pattern.compile("(?:^|\\s)-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}\\s*$");

    private Mutant name(Random rnd) {
        Site s = site(rnd, r -> r.kind() == RowKind.CLASS && r.name().length() >= 2);
        if (s == null) return null;
        String l = lines.get(s.line - 1);
        String name = s.row.name();
        int at = l.indexOf(name);
        if (at < 0) return null; // a wrapped name: not on this line whole
        // one character replaced by a look-alike: a typo a reviewer must catch
        int k = rnd.nextInt(name.length());
        char repl = "的和与及其他项费支出务管理".charAt(rnd.nextInt(13));
        if (name.charAt(k) == repl) return null;
        String typo = name.substring(0, k) + repl + name.substring(k + 1);
        String changed = l.substring(0, at) + typo + l.substring(at + name.length());
        return new Mutant(Kind.NAME, with(s.line - 1, changed), s.t.no(), s.row.code(), s.row.name(), null,
                "表" + s.t.no() + " " + s.row.code() + " " + name + " → " + typo);
    }

    private Mutant code(Random rnd) {
        Site s = site(rnd, r -> r.kind() == RowKind.CLASS && (r.code().length() == 7 || r.code().length() == 5) && r.side() == null);
        if (s == null) return null;
        String l = lines.get(s.line - 1);
        String code = s.row.code();
        String last = code.substring(code.length() - 2);
        String other;
        do {
            other = String.format("%02d", 1 + rnd.nextInt(98));
        } while (other.equals(last));
        // the last two digits as printed: a separate cell (tab) or the last group of "206 04 99"
        String changed;
        String parent = code.substring(0, code.length() - 2);
        String spaced = spaced(code);
        if (l.contains(spaced)) {
            changed = l.replaceFirst(Pattern.quote(spaced), spaced(parent + other));
        } else if (l.indexOf('\t') >= 0) {
            String[] c = l.split("\t", -1);
            int idx = code.length() == 7 ? 2 : 1;
            if (c.length <= idx || !c[idx].replace("<b>", "").replace("</b>", "").trim().equals(last)) return null;
            c[idx] = c[idx].replace(last, other);
            changed = String.join("\t", c);
        } else {
            return null;
        }
        String newCode = parent + other;
        return new Mutant(Kind.CODE, with(s.line - 1, changed), s.t.no(), newCode, s.row.name(), null,
                "表" + s.t.no() + " " + code + " → " + newCode);
    }

    private static String spaced(String code) {
        StringBuilder b = new StringBuilder(code.substring(0, 3));
        if (code.length() >= 5) b.append(' ').append(code, 3, 5);
        if (code.length() >= 7) b.append(' ').append(code, 5, 7);
        return b.toString();
    }

    private Mutant emptySentence(Random rnd) {
        List<DisclosureTable> full = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            if (!t.empty() && !t.rows().isEmpty() && profile.findTable(t.no()).map(x -> x.emptyNote() != null).orElse(false)
                    && read.line(t.no(), t.rows().size() - 1) > 0) full.add(t);
        }
        if (full.isEmpty()) return null;
        DisclosureTable t = full.get(rnd.nextInt(full.size()));
        String sentence = profile.table(t.no()).emptyNote(d.unitName(), d.year()).replace("{kind}", d.kind().label());
        int last = read.line(t.no(), t.rows().size() - 1);
        List<String> out = new ArrayList<>(lines);
        out.add(last, sentence);
        return new Mutant(Kind.EMPTY_SENTENCE, String.join("\n", out), t.no(), "", "", null, "empty sentence on 表" + t.no());
    }

    // ------------------------------------------------------------------ helpers

    private String with(int index, String line) {
        List<String> out = new ArrayList<>(lines);
        out.set(index, line);
        return String.join("\n", out);
    }

    /** Replaces one (random) match of {@code p} in {@code l} by {@code f(match)}. */
    private static String replaceNth(String l, Pattern p, Random rnd, java.util.function.UnaryOperator<String> f) {
        Matcher m = p.matcher(l);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(), m.end()});
        if (spans.isEmpty()) return null;
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return l.substring(0, s[0]) + f.apply(l.substring(s[0], s[1])) + l.substring(s[1]);
    }

    /** A plausible typo in a printed amount: one digit changed, two digits swapped, or a shifted value; keeps the printed form. */
    static String bump(String printed, Random rnd) {
        boolean sep = printed.contains(",");
        String plain = printed.replace(",", "");
        boolean neg = plain.startsWith("-");
        if (neg) plain = plain.substring(1);
        char[] c = plain.toCharArray();
        String out;
        switch (rnd.nextInt(3)) {
            case 0 -> {
                // one digit changed (not the last cent, a change a reader would see)
                List<Integer> digits = new ArrayList<>();
                for (int i = 0; i < c.length - 1; i++) if (Character.isDigit(c[i])) digits.add(i);
                int i = digits.get(rnd.nextInt(digits.size()));
                char d;
                do {
                    d = (char) ('0' + rnd.nextInt(10));
                } while (d == c[i] || (i == 0 && d == '0' && c.length > 4));
                c[i] = d;
                out = new String(c);
            }
            case 1 -> {
                // two neighbouring different digits swapped
                List<Integer> pairs = new ArrayList<>();
                for (int i = 0; i + 1 < c.length; i++) {
                    if (Character.isDigit(c[i]) && Character.isDigit(c[i + 1]) && c[i] != c[i + 1] && !(i == 0 && c[1] == '0')) pairs.add(i);
                }
                if (pairs.isEmpty()) {
                    out = new java.math.BigDecimal(plain).add(java.math.BigDecimal.ONE).toPlainString();
                } else {
                    int i = pairs.get(rnd.nextInt(pairs.size()));
                    char t = c[i];
                    c[i] = c[i + 1];
                    c[i + 1] = t;
                    out = new String(c);
                }
            }
            default -> {
                java.math.BigDecimal v = new java.math.BigDecimal(plain);
                java.math.BigDecimal delta = java.math.BigDecimal.valueOf(1 + rnd.nextInt(5000), 2).add(java.math.BigDecimal.ONE);
                java.math.BigDecimal r = rnd.nextBoolean() || v.compareTo(delta) <= 0 ? v.add(delta) : v.subtract(delta);
                out = r.setScale(2).toPlainString();
            }
        }
        if (sep) out = org.openbudget.core.money.Amounts.format(new java.math.BigDecimal(out), true);
        return (neg ? "-" : "") + out;
    }

    private static String flipWord(String l, Random rnd) {
        Matcher m = Pattern.compile("(增加|减少|增长|下降)(?=\\s*\\d)").matcher(l);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(), m.end()});
        if (spans.isEmpty()) return null;
        int[] s = spans.get(rnd.nextInt(spans.size()));
        String w = l.substring(s[0], s[1]);
        String f = switch (w) {
            case "增加" -> "减少";
            case "减少" -> "增加";
            case "增长" -> "下降";
            default -> "增长";
        };
        return l.substring(0, s[0]) + f + l.substring(s[1]);
    }
}
