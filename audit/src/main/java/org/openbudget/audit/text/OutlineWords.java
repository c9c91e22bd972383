package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextTemplate;

/**
 * What the reader of a published text looks for, taken from the template's outline and its sentence patterns
 * rather than written into the reader: the words a pattern prints before a placeholder ("收支总预算" before
 * {total} in "…年收支总预算{total}万元"), the labels of a narrative block's fields, and which blocks a
 * section's sub-part (（一）, （二） …) holds — the blocks after its first, second … heading.
 *
 * <p>Words are compared as the reader compares a paragraph: without whitespace, full-width ASCII as half
 * width ({@link TextFactReader#half}).
 */
final class OutlineWords {
    private static final String STOPS = ",;:。";

    private final TextTemplate text;

    OutlineWords(TextTemplate text) {
        this.text = text;
    }

    /** The section of the outline with this number, if any. */
    Optional<TextOutline.Section> section(String number) {
        for (TextOutline.Section s : text.outline().sections()) if (s.number().equals(number)) return Optional.of(s);
        return Optional.empty();
    }

    /**
     * The blocks of a section's sub-part {@code n} (1 = （一）): those after its n-th heading block; with no
     * headings, n = 0 holds every block.
     */
    List<TextOutline.Block> part(String number, int n) {
        List<TextOutline.Block> out = new ArrayList<>();
        TextOutline.Section s = section(number).orElse(null);
        if (s == null) return out;
        int at = 0;
        for (TextOutline.Block b : s.blocks()) {
            if (b.kind().equals("heading")) {
                at++;
                continue;
            }
            if (at == n) out.add(b);
        }
        return out;
    }

    /** The first block of a section (or of a part's blocks) of this kind. */
    static Optional<TextOutline.Block> block(List<TextOutline.Block> blocks, String kind) {
        for (TextOutline.Block b : blocks) if (b.kind().equals(kind)) return Optional.of(b);
        return Optional.empty();
    }

    /** Whether a section has headings that part it into （一）, （二） …. */
    boolean headed(String number) {
        for (TextOutline.Block b : blocks(number)) if (b.kind().equals("heading")) return true;
        return false;
    }

    /** The blocks of a whole section. */
    List<TextOutline.Block> blocks(String number) {
        return section(number).map(TextOutline.Section::blocks).orElse(List.of());
    }

    /**
     * The words a pattern prints right before a placeholder: back to the previous placeholder or clause
     * separator, a colon right before the placeholder left out ("收入预算包括：{list}" → 收入预算包括), and the
     * 年 (年度) of a date placeholder before them ("{year}年支出预算{total}" → 支出预算). "" when the profile
     * has no such pattern or placeholder.
     */
    String before(String key, String var) {
        return memo.computeIfAbsent("b\u0000" + key + "\u0000" + var, k -> beforeOf(key, var));
    }

    /** What {@link #before} and the others found, per pattern and placeholder (a paragraph asks for the same words again and again). */
    private final java.util.Map<String, String> memo = new java.util.concurrent.ConcurrentHashMap<>();

    private String beforeOf(String key, String var) {
        if (key == null || key.isEmpty() || !text.sentences().containsKey(key)) return "";
        String p = flat(text.sentence(key));
        int at = p.indexOf("{" + var + "}");
        if (at < 0) at = p.indexOf("{" + var + "|");
        if (at < 0) return "";
        int end = at;
        while (end > 0 && p.charAt(end - 1) == ':') end--;
        int i = end;
        while (i > 0 && STOPS.indexOf(p.charAt(i - 1)) < 0 && p.charAt(i - 1) != '}') i--;
        String words = p.substring(i, end);
        if (i > 0 && p.charAt(i - 1) == '}') {
            int open = p.lastIndexOf('{', i - 1);
            String name = open < 0 ? "" : p.substring(open + 1, i - 1);
            if (name.equals("year") || name.equals("prev_year")) {
                if (words.startsWith("年度")) words = words.substring(2);
                else if (words.startsWith("年")) words = words.substring(1);
            }
        }
        return words;
    }

    /** The words a pattern prints right after a placeholder, up to the next placeholder or clause separator ("{count}个处室，" → 个处室). */
    String after(String key, String var) {
        return memo.computeIfAbsent("a\u0000" + key + "\u0000" + var, k -> afterOf(key, var));
    }

    private String afterOf(String key, String var) {
        if (key == null || key.isEmpty() || !text.sentences().containsKey(key)) return "";
        String p = flat(text.sentence(key));
        int at = p.indexOf("{" + var + "}");
        if (at < 0) at = p.indexOf("{" + var + "|");
        if (at < 0) return "";
        int i = p.indexOf('}', at) + 1;
        int end = i;
        while (end < p.length() && STOPS.indexOf(p.charAt(end)) < 0 && p.charAt(end) != '{') end++;
        return p.substring(i, end);
    }

    /** The words a pattern ends with: its last clause after the last placeholder, the colon it ends with left out. */
    String tail(String key) {
        if (key == null || key.isEmpty() || !text.sentences().containsKey(key)) return "";
        String p = flat(text.sentence(key));
        int end = p.length();
        while (end > 0 && (p.charAt(end - 1) == ':' || p.charAt(end - 1) == '。')) end--;
        int i = end;
        while (i > 0 && STOPS.indexOf(p.charAt(i - 1)) < 0 && p.charAt(i - 1) != '}') i--;
        String words = p.substring(i, end);
        if (i > 0 && p.charAt(i - 1) == '}' && p.lastIndexOf("{year}", i) == i - 6 && words.startsWith("年")) words = words.substring(1);
        return words;
    }

    /**
     * A numbered heading pattern ("一、主要职能") as an expression over a squashed line: its numeral or the digit of
     * it, an optional list mark, its words; null when the profile has no such pattern.
     */
    java.util.regex.Pattern heading(String key) {
        if (key == null || key.isEmpty() || !text.sentences().containsKey(key)) return null;
        String p = TextFactReader.squash(text.sentence(key));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([一二三四五六七八九十]{1,3})[、.．]?").matcher(p);
        if (!m.find()) return java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(p));
        int n = TextFactReader.partNumber(m.group(1));
        String words = p.substring(m.end());
        return java.util.regex.Pattern.compile("^(?:" + m.group(1) + "|" + n + ")[、.．]?" + java.util.regex.Pattern.quote(words));
    }

    /** A pattern's words up to its first placeholder or clause end ("完全不予公开。" → 完全不予公开). */
    String words(String key) {
        if (key == null || key.isEmpty() || !text.sentences().containsKey(key)) return "";
        String p = flat(text.sentence(key));
        int i = 0;
        while (i < p.length() && STOPS.indexOf(p.charAt(i)) < 0 && p.charAt(i) != '{') i++;
        return p.substring(0, i);
    }

    /** A pattern as the reader compares it: no whitespace, half width. */
    static String flat(String pattern) {
        return TextFactReader.half(TextFactReader.squash(pattern));
    }
}
