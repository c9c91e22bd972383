package org.openbudget.audit.shape;

import static org.openbudget.audit.shape.Cells.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a table's title is printed: the template's title filled in for this document ({kind}, {year}, the unit's name
 * a gap), found on a line followed within a few lines by its unit line or header — not in a 目录 (dot leaders, or an
 * entry under another), not inside another table's longer title; its qualifier worded otherwise, extended by what
 * the table also holds (…及会议费、培训费…), or misprinted with a character left out.
 */
final class Titles {
    private Titles() {}

    /** How far below a title its unit line or header must start. */
    static final int TITLE_REACH = 5;

    /**
     * The title as printed for this document, in its literal parts: {kind} and {year} filled in, the
     * unit's name a gap (a document may print its full name or a short one), spaces removed.
     */
    static List<String> title(String title, String kindLabel, String unit, int year) {
        String filled = title.replace("{kind}", kindLabel).replace("{year}", String.valueOf(year))
                .replace("{prev_year}", String.valueOf(year - 1));
        List<String> parts = new ArrayList<>();
        for (String part : filled.split("\\{unit\\}", -1)) {
            String sq = squeeze(part);
            if (!sq.isEmpty()) parts.add(sq);
        }
        return parts;
    }

    /** A title "…表（按支出功能分类科目）" as its parts before the bracket and the qualifier's key word; null without a qualifier that has one. */
    static List<String> qualifierLoose(String title, String kindLabel, String unit, int year) {
        int open = title.lastIndexOf('（');
        if (open <= 0 || !title.endsWith("）")) return null;
        String qualifier = title.substring(open);
        String key = qualifier.contains("功能") ? "功能" : qualifier.contains("经济") ? "经济" : null;
        if (key == null) return null;
        List<String> parts = new ArrayList<>(title(title.substring(0, open), kindLabel, unit, year));
        parts.add("（");
        parts.add(key);
        return parts;
    }

    /**
     * A title "…表（按支出功能分类科目）" wrapped inside its qualifier, before the qualifier's key word is whole (西安 2021:
     * "…基本支出明细表（按支出功" / "能分类科目-不含上年结转）"): the first line holding the title before the bracket and
     * the bracket, whose words after it and the next line's hold the key word, as {@link #find} finds a title; −1 when none.
     */
    static int findWrapped(List<String> squeezed, int from, String title, String kindLabel, String unit, int year, List<List<String>> longer, java.util.Set<Integer> taken) {
        List<String> loose = qualifierLoose(title, kindLabel, unit, year);
        if (loose == null) return -1;
        List<String> before = loose.subList(0, loose.size() - 1);
        String key = loose.get(loose.size() - 1);
        for (int n = from; n + 1 < squeezed.size(); n++) {
            String l = squeezed.get(n);
            if (taken.contains(n) || !holds(l, before)) continue;
            String rest = l.substring(l.lastIndexOf('（') + 1);
            if (rest.contains(key) || !(rest + squeezed.get(n + 1)).contains(key)) continue;
            if (find(squeezed, n, before, longer, false, taken) == n) return n;
        }
        return -1;
    }

    /** Does the line hold the title's parts, in order? */
    static boolean holds(String line, List<String> parts) {
        int at = 0;
        for (String p : parts) {
            int i = line.indexOf(p, at);
            if (i < 0) return false;
            at = i + p.length();
        }
        return !parts.isEmpty();
    }

    /** What a title may be extended by: a conjunction and the further items the table holds (及会议费、培训费). */
    static final int EXTENSION = 16;

    /**
     * Does the line hold the title with a few words joined into it after a conjunction ("财政拨款“三公”经费" +
     * "及会议费、培训费" + "支出决算表")? Both sides at least two characters, so the title is still there in its words.
     */
    static boolean extends_(String line, String title) {
        for (int k = 2; k <= title.length() - 2; k++) {
            String a = title.substring(0, k), b = title.substring(k);
            for (int i = line.indexOf(a); i >= 0; i = line.indexOf(a, i + 1)) {
                int x = i + a.length();
                if (x >= line.length() || "及和与、".indexOf(line.charAt(x)) < 0) continue;
                int j = line.indexOf(b, x + 1);
                if (j > x && j - x <= EXTENSION) return true;
            }
        }
        return false;
    }

    /** A 目录 entry without dot leaders: "二、收入总体情况表", "十一、部门预算基本支出预算表", "第三部分 …", or a row of a 报表目录 table ("表2 部门综合预算收入总表"). */
    static final java.util.regex.Pattern TOC_ENTRY = java.util.regex.Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}、.{2,60}表(?:（.{1,30}）)?\\d*|" + org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART) + ".*"
            + "|(?:部门)?(?:公开|预算)?表\\d{1,2}(?:-\\d{1,2})?(?:20\\d\\d年度?|[^\\d\\-]).{1,60}表(?:（.{1,30}）)?(?:是|否)?(?:不涉及)?)$");

    /** The other tables' titles that hold this one's (一般公共预算财政拨款支出决算表 holds 支出决算表): a line with one is theirs. */
    static List<List<String>> longer(List<List<String>> titles, List<String> title) {
        List<List<String>> longer = new ArrayList<>();
        String own = String.join("", title);
        for (List<String> other : titles) {
            String o = String.join("", other);
            if (o.length() > own.length() && holds(o, title)) longer.add(other);
        }
        return longer;
    }

    static int find(List<String> squeezed, int from, List<String> title, List<List<String>> longer) {
        return find(squeezed, from, title, longer, false, java.util.Set.of());
    }

    /**
     * The first line at or after {@code from} that holds the title and, within a few lines, a unit line or header;
     * {@code extended}: or the title with what else the table holds joined in ("…经费及会议费、培训费支出决算表");
     * never a line in {@code taken} (another table's).
     */
    static int find(List<String> squeezed, int from, List<String> title, List<List<String>> longer,
                            boolean extended, java.util.Set<Integer> taken) {
        int length = title.stream().mapToInt(String::length).sum();
        for (int n = from; n < squeezed.size(); n++) {
            if (taken.contains(n)) continue;
            String l = squeezed.get(n);
            if (!(extended ? extends_(l, String.join("", title)) : holds(l, title)) || l.length() > length + 60) continue;
            String line = l;
            if (longer.stream().anyMatch(o -> holds(line, o) || extends_(line, String.join("", o)))) continue;
            if (tocDots(l)) continue; // a 目录 entry with its dots and page number
            // a row of a 目录 table under the one before it ("表8 国有资本…表 是 本部门不涉及"; "表9 …表 否")
            if (n > 0 && TOC_ENTRY.matcher(l).matches() && TOC_ENTRY.matcher(squeezed.get(n - 1)).matches()
                    && !PART_LINE.matcher(squeezed.get(n - 1)).matches()) continue;
            for (int k = n + 1; k <= n + TITLE_REACH && k < squeezed.size(); k++) {
                String h = squeezed.get(k);
                if (TOC_ENTRY.matcher(h).matches()) break; // the next entry of a 目录: this was one too
                if (h.contains("单位：") || h.contains("单位:") || h.contains("科目") || h.startsWith("项目") || h.startsWith("收入")
                        || h.contains("预算数") || h.contains("合计")) return n;
            }
        }
        return -1;
    }

    /**
     * The first line holding a title of one part, long enough to name a table alone, printed with one of its characters
     * left out (no year digit: a title of another year is no misprint), as {@link #find} finds a title; -1 when none.
     */
    static int findMisprinted(List<String> squeezed, List<String> title, List<List<String>> longer, java.util.Set<Integer> taken) {
        if (title.size() != 1 || title.get(0).length() < 10) return -1;
        String whole = title.get(0);
        for (int j = 0; j < whole.length(); j++) {
            char c = whole.charAt(j);
            if (Character.isDigit(c) || j > 0 && whole.charAt(j - 1) == c) continue;
            int n = find(squeezed, 0, List.of(whole.substring(0, j) + whole.substring(j + 1)), longer, false, taken);
            if (n >= 0) return n;
        }
        return -1;
    }
}
