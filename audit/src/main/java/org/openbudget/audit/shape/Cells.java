package org.openbudget.audit.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reader of tables asks of a line's text and of its cells, with no table in mind: a line squeezed (no
 * whitespace, ASCII brackets and colons full-width), its cells (tab-separated, or parted by runs of spaces), whether a
 * cell is an amount (with or without thousands separators, a dash for none), a classification code, a table mark
 * (表5, 表五, 公开表5, 预算05表), a 目录 entry, a page footer, a label's numbering (一、 1.) — pure functions, scanned by
 * hand where they run for every cell of every row ({@code HandScansTest} holds them to the expressions they replaced).
 */
public final class Cells {
    private Cells() {}

    /** Without whitespace; ASCII colons and brackets as full-width. */
    public static String squeeze(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !(c <= ' ' || c == ':' || c == '(' || c == ')' || white(c));
        }
        if (plain) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (white(c)) continue;
            b.append(switch (c) {
                case ':' -> '：';
                case '(' -> '（';
                case ')' -> '）';
                default -> c;
            });
        }
        return b.toString();
    }

    /**
     * {@link Character#isWhitespace} or the ideographic space: the Unicode spaces all lie at or below U+3000, so the
     * CJK text above it (every line of every table, many times over) is not looked up.
     */
    static boolean white(char c) {
        return c <= '\u3000' && (c == '\u3000' || Character.isWhitespace(c));
    }

    /** Every line {@link #squeeze squeezed}. */
    public static List<String> squeezedAll(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) out.add(squeeze(l));
        return out;
    }

    /** An amount, alone in its cell. */
    private static final java.util.regex.Pattern SPILLED_AMOUNT = java.util.regex.Pattern.compile(
            "-?+(?:\\d{1,3}(?:,\\d{3})++|\\d++)(?:\\.\\d{1,4})?");

    /**
     * A long name clipped by its cell runs on into the amount cell beside it (西安 2022 from Excel: "自然资源海洋气象等支 |
     * 出 18803323.32", "缴费支出43608.96", or its glyphs interleaved with the amount's: "障中18心39311.66"): the
     * characters of the name (at most four Chinese characters, the cell's first) go back to the name, the amount stays in its column.
     */
    static List<String> spilled(List<String> cells) {
        List<String> out = null;
        for (int j = 1; j < cells.size(); j++) {
            String prev = (out == null ? cells : out).get(j - 1);
            if (prev.isBlank() || amount(prev)) continue;
            String cell = cells.get(j).trim();
            if (cell.isEmpty() || !cjk(cell.charAt(0))) continue;
            StringBuilder name = new StringBuilder(), rest = new StringBuilder();
            for (int i = 0; i < cell.length(); i++) {
                char ch = cell.charAt(i);
                if (cjk(ch)) name.append(ch);
                else if (!Character.isWhitespace(ch) && ch != '\u3000') rest.append(ch);
            }
            if (name.length() > 4 || rest.isEmpty() || !SPILLED_AMOUNT.matcher(rest).matches()) continue;
            if (out == null) out = new ArrayList<>(cells);
            out.set(j - 1, prev.trim() + name);
            out.set(j, rest.toString());
        }
        return out == null ? cells : out;
    }

    /** A table mark alone on its line, in any style: 表5, 表五, 公开表5, 部门公开表5, 预算05表, 公开05表, 表5-1. */
    private static final java.util.regex.Pattern MARK_LINE = java.util.regex.Pattern.compile(
            "(?:部门)?(?:公开|预算)?表(\\d{1,2}(?:-\\d{1,2})?|[一二三四五六七八九十]{1,3})|(?:部门)?(?:公开|预算)(\\d{1,2})表");

    /** The number a mark line gives its table ("12", "5-1"; Chinese numerals as digits; leading zeros dropped), null when the line is no mark. */
    static String markNumber(String sq) {
        // a mark is at most ten characters and holds 表 (部门公开表12-1): other lines are not matched at all
        if (sq.length() > 10 || sq.indexOf('表') < 0) return null;
        java.util.regex.Matcher m = MARK_LINE.matcher(sq);
        if (!m.matches()) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        if (!Character.isDigit(n.charAt(0))) {
            String cn = "零一二三四五六七八九";
            int ten = n.indexOf('十');
            if (ten < 0) return n.length() == 1 ? String.valueOf(cn.indexOf(n.charAt(0))) : null;
            int tens = ten == 0 ? 1 : ten == 1 ? cn.indexOf(n.charAt(0)) : -1;
            int units = ten == n.length() - 1 ? 0 : ten == n.length() - 2 ? cn.indexOf(n.charAt(ten + 1)) : -1;
            return tens < 0 || units < 0 ? null : String.valueOf(tens * 10 + units);
        }
        String[] parts = n.split("-");
        StringBuilder b = new StringBuilder(String.valueOf(Integer.parseInt(parts[0])));
        for (int i = 1; i < parts.length; i++) b.append('-').append(Integer.parseInt(parts[i]));
        return b.toString();
    }

    private static boolean cjk(char ch) {
        return ch >= '\u4e00' && ch <= '\u9fff';
    }

    // the row paths run per line of every table: their patterns compiled once
    static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s++");

    private static final java.util.regex.Pattern WIDE_GAPS = java.util.regex.Pattern.compile("\\s{2,}+");

    /** Whether {@code s} is {@code min} to {@code max} ASCII digits ("\\d{min,max}"). */
    static boolean digits(String s, int min, int max) {
        int n = s.length();
        return n >= min && n <= max && digitsIn(s, 0, n);
    }

    /** Only ASCII digits from {@code from} to {@code to}. */
    private static boolean digitsIn(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /**
     * A trimmed line's words between runs of ASCII whitespace — {@code List.of(SPACES.split(t))}, scanned by hand (every
     * line of a plain table is split so).
     */
    static List<String> splitSpaces(String t) {
        List<String> out = new ArrayList<>();
        int n = t.length(), i = 0;
        while (i < n) {
            while (i < n && space(t.charAt(i))) i++;
            if (i == n) break;
            int start = i;
            while (i < n && !space(t.charAt(i))) i++;
            out.add(t.substring(start, i));
        }
        return List.copyOf(out);
    }

    /** A classification code's digits alone: 3, 5 or 7 of them. */
    static boolean codeDigits(String s) {
        int n = s.length();
        return (n == 3 || n == 5 || n == 7) && digitsIn(s, 0, n);
    }

    /** The characters of a regular expression's \\s: ASCII space, tab, line ends, vertical tab, form feed. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Without whitespace (what replaceAll("\\s+", "") gives). */
    static String noSpace(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Each run of whitespace as one space (what replaceAll("\\s+", " ") gives). */
    static String oneSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                gap = true;
            } else {
                if (gap) b.append(' ');
                gap = false;
                b.append(c);
            }
        }
        if (gap) b.append(' ');
        return b.toString();
    }

    /** Cells: tab-separated, else separated by runs of two or more spaces. */
    static List<String> cells(String line) {
        if (line.indexOf('\t') >= 0) return List.of(line.split("\t", -1));
        List<String> out = new ArrayList<>();
        for (String c : WIDE_GAPS.split(line.trim())) {
            // a text laid out by spaces (pdftotext -layout) leaves one space where a narrow gap parts two cells: an amount
            // and the next column's label ("3,944.08 一、一般公共服务支出"), or a label and its amount ("其他收入 0.00")
            for (String part : AMOUNT_NEXT_TO_WORDS.split(c, -1)) out.add(part);
        }
        return out;
    }

    /** One space between an amount (with decimals) and a CJK word, on either side of it. */
    private static final java.util.regex.Pattern AMOUNT_NEXT_TO_WORDS = java.util.regex.Pattern.compile(
            "(?<=\\d\\.\\d\\d) (?=[\\u3000-\\u9fff\\uff00-\\uffef])|(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=-?(?:\\d{1,3}(?:,\\d{3})++|\\d++)\\.\\d\\d(?:\\s|$))");

    static boolean amount(String s) {
        String c = s.trim();
        if (c.isEmpty() || c.length() > 24) return false;
        if (dash(c)) return true;
        return amountCell(c);
    }

    /**
     * An amount as printed in a cell, {@code -?(\d{1,3}(,\d{3})++|\d++)(\.\d{1,4})?}: digits, or one to three then
     * groups of a comma and three; then a point and one to four decimals, or nothing. Scanned by hand: every cell of
     * every row is tested, and the expression's matcher was the reader's largest allocation.
     */
    static boolean amountCell(String c) {
        int n = c.length(), i = n > 0 && c.charAt(0) == '-' ? 1 : 0, start = i;
        while (i < n && c.charAt(i) >= '0' && c.charAt(i) <= '9') i++;
        int head = i - start;
        if (head == 0) return false;
        if (i < n && c.charAt(i) == ',') {
            if (head > 3) return false;
            while (i < n && c.charAt(i) == ',') {
                if (i + 4 > n || !digitsIn(c, i + 1, i + 4)) return false;
                i += 4;
            }
        }
        if (i == n) return true;
        if (c.charAt(i) != '.') return false;
        int decimals = n - i - 1;
        return decimals >= 1 && decimals <= 4 && digitsIn(c, i + 1, n);
    }

    /** A 目录 entry's end, {@code .*[.…·]{3,}\\d*}: three or more leader dots, then the page's digits or nothing. */
    static boolean tocDots(String l) {
        int i = l.length();
        while (i > 0 && l.charAt(i - 1) >= '0' && l.charAt(i - 1) <= '9') i--;
        int dots = 0;
        while (i > 0 && dots < 3 && (l.charAt(i - 1) == '.' || l.charAt(i - 1) == '…' || l.charAt(i - 1) == '·')) {
            i--;
            dots++;
        }
        return dots == 3;
    }

    /** A cell of a dash alone: nothing (-, —, －). */
    static boolean dash(String c) {
        return c.equals("-") || c.equals("—") || c.equals("－");
    }

    /** 类, 款 or 项 alone: the level columns' header words. */
    static boolean levelWord(String sq) {
        return sq.length() == 1 && (sq.charAt(0) == '类' || sq.charAt(0) == '款' || sq.charAt(0) == '项');
    }

    static boolean hasAmount(List<String> cells) {
        for (String c : cells) if (amount(c) && !dash(c.trim()) && !digits(c.trim(), 1, 2)) return true;
        return false;
    }

    /**
     * A line of words and no amount that can be a row: some cell prints more than a placeholder (a template's "…" / "……",
     * 普陀's 部门决算模板 "…  …" under its example classes, a row the PDF prints "………" in one cell: no row).
     */
    static boolean isLabelOnly(List<String> cells) {
        return cells.stream().anyMatch(c -> !c.isBlank() && !c.strip().chars().allMatch(ch -> ch == '…' || ch == '.' || ch == '·' || Character.isWhitespace(ch)));
    }

    /** The ※ 1 2 3 … row under a header. */
    static boolean numberRow(List<String> cells) {
        int k = 0;
        for (String c : cells) {
            String s = c.trim();
            if (s.isEmpty() || s.equals("※") || s.equals("栏次") || s.equals("行次")) continue;
            if (!digits(s, 1, 2)) return false;
            k++;
        }
        return k >= 1;
    }

    static boolean footer(String sq) {
        if (sq.startsWith("注：") || sq.startsWith("说明：") || sq.contains("尾数误差")) return true;
        if (sq.isEmpty()) return false;
        // the expressions only where they can match: a line that starts with a dash or a digit, or with 第
        char first = sq.charAt(0);
        if (first == '第') return PAGE_OF.matcher(sq).matches();
        return (first >= '0' && first <= '9' || first == '-' || first == '—' || first == '–' || first == '－') && PAGE_FOOTER.matcher(sq).matches();
    }

    static boolean total(String sq) {
        return sq.equals("合计") || sq.equals("总计") || sq.equals("支出合计") || sq.equals("收入合计");
    }

    private static final java.util.regex.Pattern PAGE_FOOTER = java.util.regex.Pattern.compile("[—–\\-－]*\\d{1,4}[—–\\-－]*");

    private static final java.util.regex.Pattern PAGE_OF = java.util.regex.Pattern.compile("第\\d{1,4}页(共\\d{1,4}页)?");

    /** "[204]公共安全支出", "【204】…" (广州). */
    private static final java.util.regex.Pattern BRACKETED_CODE = java.util.regex.Pattern.compile("^[\\[【［](\\d{3}|\\d{5}|\\d{7})[\\]】］]\\s*+(\\S.*)$");

    /** "206 科学技术支出" → {206, 科学技术支出}; "2060499其他技术研究与开发支出" too. */
    static String[] splitCode(String label) {
        String s = label.trim();
        java.util.regex.Matcher bracket = BRACKETED_CODE.matcher(s);
        if (bracket.matches()) return new String[]{bracket.group(1), bracket.group(2).trim()};
        int i = 0;
        StringBuilder code = new StringBuilder();
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ' ')) {
            if (s.charAt(i) != ' ') code.append(s.charAt(i));
            i++;
        }
        if (code.length() != 3 && code.length() != 5 && code.length() != 7) return null;
        String name = s.substring(i).trim();
        return name.isEmpty() ? null : new String[]{code.toString(), name};
    }

    /** "一、一般公共服务支出" → 一般公共服务支出. */
    static String stripNumbering(String label) {
        // by hand (CN_NUMBERING then DIGIT_NUMBERING, as HandScansTest holds): this runs for every label of every row,
        // and for each prefix of a summary's line that may be its income label
        String s = label.trim();
        s = s.substring(numbering(s, 4, true));
        return s.substring(numbering(s, 3, false));
    }

    /** How long the numbering a label starts with is: up to {@code most} numerals (or digits), 、 . or ．, then spaces; 0: none. */
    private static int numbering(String s, int most, boolean numerals) {
        int r = 0, n = s.length();
        while (r < n && r <= most && (numerals ? "一二三四五六七八九十百".indexOf(s.charAt(r)) >= 0 : s.charAt(r) >= '0' && s.charAt(r) <= '9')) r++;
        if (r == 0 || r > most || r == n || "、.．".indexOf(s.charAt(r)) < 0) return 0;
        int e = r + 1;
        while (e < n && space(s.charAt(e))) e++;
        return e;
    }

    /** A row label compared without numbering, 其中：, spaces or bracket width. */
    static String plainLabel(String label) {
        String s = squeeze(stripNumbering(label));
        if (s.startsWith("其中：")) s = s.substring(3);
        return stripNumbering(s);
    }

    /** An amount token of the plain layout (two decimals: a code is no amount). */
    static final java.util.regex.Pattern PLAIN_AMOUNT = java.util.regex.Pattern.compile("(?<![\\d,])-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2}");

    /** A token that is an amount (PLAIN_AMOUNT, whole), by hand. */
    static boolean amountToken(String tok) {
        int n = tok.length();
        if (n < 4 || tok.charAt(n - 3) != '.' || !digit(tok.charAt(n - 1)) || !digit(tok.charAt(n - 2))) return false;
        return wholePart(tok, tok.charAt(0) == '-' ? 1 : 0, n - 3);
    }

    /** Where the amount that begins at {@code from} ends (-12.00, 1,234.56: PLAIN_AMOUNT's shape), or -1. */
    private static int amountEnd(CharSequence s, int from) {
        int n = s.length(), i = from < n && s.charAt(from) == '-' ? from + 1 : from, k = i;
        while (k < n && (digit(s.charAt(k)) || s.charAt(k) == ',')) k++;
        if (k + 2 >= n || s.charAt(k) != '.' || !digit(s.charAt(k + 1)) || !digit(s.charAt(k + 2)) || !wholePart(s, i, k)) return -1;
        return k + 3;
    }

    /**
     * A word then one space then an amount then a space or the line's end: cells printed run together, as no
     * ruled or column layout prints them (RUN_TOGETHER's shape, by hand: every line of every plain table is asked).
     */
    static boolean runTogether(CharSequence s) {
        int n = s.length();
        for (int p = 1; p + 4 < n + 1; p++) {
            if (s.charAt(p) != ' ' || space(s.charAt(p - 1))) continue;
            int e = amountEnd(s, p + 1);
            if (e < 0) continue;
            if (e == n || s.charAt(e) == ' ' || lineEndFrom(s, e)) return true;
        }
        return false;
    }

    /** Does s end at i with a line end (the expression's $ stops before one)? */
    private static boolean lineEndFrom(CharSequence s, int i) {
        int left = s.length() - i;
        char c = s.charAt(i);
        if (left == 1) return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        return left == 2 && c == '\r' && s.charAt(i + 1) == '\n';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Where the amount a line ends with begins (at its start or after a space: -12.00, 1,234.56, at most 18 digits
     * or seven groups), or -1 — by hand, from the end: every line of a plain table is asked, its label again for
     * each amount it gives up (the expression it replaced scanned the whole line each time).
     */
    static int trailingAmount(CharSequence s) {
        int n = s.length();
        if (n < 4 || s.charAt(n - 3) != '.' || !digit(s.charAt(n - 1)) || !digit(s.charAt(n - 2))) return -1;
        int end = n - 3, i = end;
        while (i > 0 && (digit(s.charAt(i - 1)) || s.charAt(i - 1) == ',')) i--;
        if (!wholePart(s, i, end)) return -1;
        int start = i > 0 && s.charAt(i - 1) == '-' ? i - 1 : i;
        return start == 0 || space(s.charAt(start - 1)) ? start : -1;
    }

    /** Is s[from, to) an amount's whole part: 1–18 digits, or 1–3 digits then one to six groups of ,ddd? */
    private static boolean wholePart(CharSequence s, int from, int to) {
        int len = to - from, comma = -1;
        if (len < 1) return false;
        for (int k = from; k < to && comma < 0; k++) {
            if (s.charAt(k) == ',') comma = k;
            else if (!digit(s.charAt(k))) return false;
        }
        if (comma < 0) return len <= 18;
        int lead = comma - from;
        if (lead < 1 || lead > 3 || (to - comma) % 4 != 0 || (to - comma) / 4 > 6) return false;
        for (int k = comma; k < to; k += 4) {
            if (s.charAt(k) != ',') return false;
            for (int j = k + 1; j < k + 4; j++) if (!digit(s.charAt(j))) return false;
        }
        return true;
    }

    /** A part's heading (第三部分 …) and a few words after it. */
    static final java.util.regex.Pattern PART_LINE = java.util.regex.Pattern.compile(
            org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART) + ".{0,30}");
}
