package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.text.Numbering;

/**
 * The marks by which the reader of a published text finds its parts, sections, numbered items and amounts —
 * compiled from the same declarations of the profile's text the generator prints from, not written into the
 * reader: the parts' headings ({@code text.parts}: "第三部分"), the numbering of sections, sub-parts, lists,
 * items and glossary entries ({@code section_number}, {@code sub_heading}, {@code list_number},
 * {@code item_number}, {@code glossary_number}: {@link Numbering}), the unit the text's amounts are written in
 * ({@code amount_unit}), the closing date ({@code date_format}) and how the outline's headings end (the last
 * words of its section titles and heading patterns: 说明, 情况, 事项). Lines are matched half width
 * ({@link TextFactReader#half}).
 */
final class TextMarks {
    /** A section of 第三部分 at a line's start, its number as printed in group 1. */
    final Pattern section;
    /** A sub-part of a section (（一）), its number in group 1. */
    final Pattern sub;
    /** A numbered list line or item (1、 1.), its number in group 1: each style the profile numbers lists with. */
    final List<Numbering.Start> items;
    /** {@link #section} and {@link #sub} with their test of a line's first mark (asked of every line). */
    final Numbering.Start sectionStart, subStart;
    /** A numbered entry of the glossary. */
    final Pattern glossary;
    /** The closing date, the whole line. */
    final Pattern date;
    /** An amount: a number in the text's unit (the number as group 1), not a threshold ("50万元以上"). */
    final Pattern amount;
    /** An amount in the text's unit, whatever follows it. */
    final Pattern amountAny;
    /** The text's amount unit (万元). */
    final String unit;
    /** The words each part's heading starts with (第一部分, 第三部分, 第四部分). */
    final String overview, explanation, glossaryPart;
    /** How a section's title ends, and a sub-part's heading (the outline's titles' and headings' last two characters). */
    final Set<String> sectionEndings, subEndings;

    TextMarks(TextTemplate t) {
        section = Numbering.start(t.sectionNumber());
        sub = Numbering.start(t.subHeading());
        sectionStart = Numbering.starting(t.sectionNumber());
        subStart = Numbering.starting(t.subHeading());
        List<Numbering.Start> list = new ArrayList<>();
        for (String style : new LinkedHashSet<>(List.of(Numbering.half(t.listNumber()).strip(), Numbering.half(t.itemNumber()).strip()))) {
            list.add(Numbering.starting(style));
        }
        items = List.copyOf(list);
        glossary = Numbering.start(t.glossaryNumber());
        date = datePattern(t.dateFormat());
        unit = t.amountUnit();
        amount = Pattern.compile(TextFactReader.NUM + "\\s*+" + Pattern.quote(unit) + "(?!以上)");
        amountAny = Pattern.compile(TextFactReader.NUM + "\\s*+" + Pattern.quote(unit));
        overview = t.parts().overviewMark();
        explanation = t.parts().explanationMark();
        glossaryPart = t.parts().glossaryMark();
        Set<String> secEnd = new LinkedHashSet<>(), subEnd = new LinkedHashSet<>();
        for (TextOutline.Section s : t.outline().sections()) {
            String title = t.titles().get(s.number());
            if (title != null) ending(title, secEnd);
            for (TextOutline.Block b : s.blocks()) {
                if (b.kind().equals("heading") && t.sentences().containsKey(b.sentence())) ending(t.sentence(b.sentence()), subEnd);
            }
        }
        sectionEndings = Set.copyOf(secEnd);
        subEndings = Set.copyOf(subEnd);
    }

    /** "{y}年{m}月{d}日" → a line of a date so written, spaces allowed between its parts. */
    static Pattern datePattern(String format) {
        StringBuilder b = new StringBuilder("^");
        String f = format.strip();
        int i = 0;
        while (i < f.length()) {
            if (b.length() > 1) b.append("\\s*");
            if (f.startsWith("{y}", i)) {
                b.append("\\d{4}");
                i += 3;
            } else if (f.startsWith("{m}", i) || f.startsWith("{d}", i)) {
                b.append("\\d{1,2}");
                i += 3;
            } else {
                char c = f.charAt(i++);
                if (!Character.isWhitespace(c)) b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.append('$').toString());
    }

    private static void ending(String pattern, Set<String> out) {
        String p = OutlineWords.flat(pattern).replaceAll("[。:;,]+$", "");
        if (p.length() >= 2 && p.charAt(p.length() - 1) != '}') out.add(p.substring(p.length() - 2));
    }

    /** The number of a numbered list line or item at the line's start (half width), or null. */
    Matcher item(String h) {
        for (Numbering.Start p : items) {
            Matcher m = p.find(h);
            if (m != null) return m;
        }
        return null;
    }

    /** The line without its list or item number. */
    String stripItem(String s) {
        Matcher m = item(TextFactReader.half(s));
        return m == null ? s : s.substring(m.end()).stripLeading();
    }

    /** Whether a (squashed) line starts a part: its heading's words. */
    static boolean starts(String squashed, String mark) {
        return !mark.isEmpty() && squashed.startsWith(mark);
    }
}
