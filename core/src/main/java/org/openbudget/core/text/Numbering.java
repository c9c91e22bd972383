package org.openbudget.core.text;

import java.util.regex.Pattern;

/**
 * A numbering style as a profile writes it ("{cn}、", "（{cn}）", "{n}.", "第{cn}节"): printed for the n-th
 * heading or item, and compiled into the pattern that finds such a number at the start of a line of a published
 * document. The style itself is the profile's (its text.section_number, sub_heading, list_number, item_number,
 * glossary_number); what stays here is universal Chinese document grammar, true of every template: {cn} is
 * written in Chinese numerals (一 … 十 … 十二, ChineseNumerals), {n} in digits, full-width and half-width
 * punctuation are the same mark (（ and (, 、, ．and .), and a printed number may have spaces around its marks.
 */
public final class Numbering {
    private Numbering() {}

    /**
     * How every template numbers the document's parts: 第一部分 … 第十二部分. A part heading whose mark is in this style
     * ({@link org.openbudget.core.profile.TextTemplate.Parts}) is found whatever its number (the 目录 lists them all).
     */
    public static final String PART = "第{cn}部分";

    /** A line (squeezed or half width) that starts with a part's number in the style {@link #PART}, of any number. */
    public static final Pattern PART_START = start(PART);

    /** {@link #PART_START} with its test of the first mark ({@link #starting}). */
    public static final Start PART_STARTING = starting(PART);

    /**
     * The marks of the levels of 政府收支分类科目 (the national classification every template names its lines by), as a
     * text writes them after a name: 类, 款, 项 — "一般公共服务支出（类）财政事务（款）行政运行（项）".
     */
    public static final java.util.List<String> LEVEL_MARKS = java.util.List.of("（类）", "（款）", "（项）");

    /** The n-th number in this style ({cn} → 三, {n} → 3). */
    public static String format(String style, int n) {
        return style.replace("{cn}", ChineseNumerals.of(n)).replace("{n}", String.valueOf(n));
    }

    /**
     * A section's heading as the document prints it: its number in the profile's style ({@code text.section_number}:
     * "{cn}、" → 三、, "第{cn}节 " → 第三节 ) before its title; the title alone when the section has no number. The one
     * way the renderer and {@code budget text} head a section of 第三部分.
     */
    public static String heading(String style, String numeral, String title) {
        return numeral == null || numeral.isEmpty() ? title : format(style, ordinal(numeral)) + title;
    }

    /**
     * A line (made half width: {@link #half}) that starts with a number in this style, the number as printed in
     * group 1; a digit number is not followed by a digit (a list's "1." is not a year's "2022.5").
     */
    public static Pattern start(String style) {
        return Pattern.compile("^\\s*+" + body(style));
    }

    /**
     * {@link #start(String)} with a test of the line's first mark that spares the pattern on the lines that cannot start
     * with the style (most lines: a reader asks of every line whether it starts a section, a sub-part, an item).
     */
    public static Start starting(String style) {
        String s = half(style).strip();
        String first = s.isEmpty() ? null : s.startsWith("{cn}") ? "一二三四五六七八九十" : s.startsWith("{n}") ? "0123456789" : s.substring(0, 1);
        return new Start(start(style), first);
    }

    /** A style's start pattern and the marks a line may start with for it to match (null: any). */
    public record Start(Pattern pattern, String first) {
        /** The match at the line's start (group 1 the number), or null. */
        public java.util.regex.Matcher find(CharSequence line) {
            if (!mayStart(line)) return null;
            java.util.regex.Matcher m = pattern.matcher(line);
            return m.find() ? m : null;
        }

        /** Whether the line starts with a number in the style. */
        public boolean at(CharSequence line) {
            return find(line) != null;
        }

        private boolean mayStart(CharSequence line) {
            if (first == null) return true;
            int i = 0, n = line.length();
            // the pattern's leading \s*+: ASCII spaces, tabs and line ends
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) >= '\t' && line.charAt(i) <= '\r')) i++;
            return i < n && first.indexOf(line.charAt(i)) >= 0;
        }
    }

    /** The style's regular expression (no anchor), the number as printed in its first group. */
    public static String body(String style) {
        String s = half(style).strip();
        StringBuilder b = new StringBuilder();
        boolean digits = false;
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("{cn}", i)) {
                b.append("([一二三四五六七八九十]{1,3})");
                i += 4;
                digits = false;
            } else if (s.startsWith("{n}", i)) {
                b.append("(\\d{1,2})");
                i += 3;
                digits = true;
            } else {
                char c = s.charAt(i++);
                if (Character.isWhitespace(c)) {
                    b.append("\\s*+");
                    continue;
                }
                b.append("\\s*+").append(Pattern.quote(String.valueOf(c)));
                if (digits) b.append("(?!\\d)");
                digits = false;
            }
        }
        return b.toString();
    }

    /**
     * The style's regular expression as {@link #body}, without the spaces it allows before its first mark: for a line
     * without whitespace, or within a pattern that anchors it (linear where {@code find} tries every position).
     */
    public static String inline(String style) {
        String b = body(style);
        return b.startsWith("\\s*+") ? b.substring(4) : b;
    }

    /** The ordinal of a number as printed: 三 → 3, 一十二 → 12, 12 → 12; 0 when it is none. */
    public static int ordinal(String printed) {
        String n = printed.strip();
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) return n.length() > 4 ? 0 : Integer.parseInt(n);
        int tens = n.indexOf('十');
        if (tens < 0) return n.length() == 1 ? digit(n.charAt(0)) : 0;
        int high = tens == 0 ? 1 : tens == 1 ? digit(n.charAt(0)) : 0;
        int low = tens == n.length() - 1 ? 0 : tens == n.length() - 2 ? digit(n.charAt(tens + 1)) : -1;
        return high <= 0 || low < 0 ? 0 : high * 10 + low;
    }

    private static int digit(char c) {
        return "一二三四五六七八九".indexOf(c) + 1;
    }

    /** Full-width ASCII to half width (（ → (, ．→ .); 、 and other marks kept; one character for one. */
    public static String half(String s) {
        int k = 0;
        while (k < s.length() && (s.charAt(k) < '\uFF01' || s.charAt(k) > '\uFF5E') && s.charAt(k) != '\u3000') k++;
        if (k == s.length()) return s;   // nothing full-width (most lines, read many times over): as it is
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            else if (c == '\u3000') c = ' ';
            b.append(c);
        }
        return b.toString();
    }
}
