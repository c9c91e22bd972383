package org.openbudget.audit.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextRules;

/**
 * Reads 第一部分 of a published document — 主要职能, 机构设置 (offices, subordinate units), the staffing sentence —
 * by the words of the profile's 第一部分 patterns (p1.*), its numbering and its part headings ({@link TextMarks}),
 * and a single unit's type by the profile's {@code text_rules.agency_types}. Its facts go to the reader's list.
 */
final class OverviewReader {
    private final TemplateProfile profile;
    private final TextRules rules;
    private final OutlineWords words;
    private final TextMarks marks;
    private final AgencyKind kind;
    private final String unit;
    private final List<DisclosureTable> tables;
    private final List<String> notes;
    private final List<TextFact> facts;

    OverviewReader(TemplateProfile profile, OutlineWords words, TextMarks marks, AgencyKind kind, String unit,
                   List<DisclosureTable> tables, List<String> notes, List<TextFact> facts) {
        this.profile = profile;
        this.rules = profile.rules();
        this.words = words;
        this.marks = marks;
        this.kind = kind;
        this.unit = unit;
        this.tables = tables;
        this.notes = notes;
        this.facts = facts;
    }

    private void add(String sec, String part, String key, String subject, FactKind kind, BigDecimal value,
                     String word, String reason, String sentence) {
        facts.add(new TextFact(sec, part, key, subject, kind, value, word, reason, List.of(), "", sentence.trim()));
    }

    /** 主要职能 (one per numbered function), offices and subordinate units, and the staffing read above. */
    Overview overview(List<String> lines, int firstTableLine, Staffing staffing) {
        int stop = firstTableLine > 0 ? firstTableLine : lines.size();
        int start = 0;
        for (int n = 0; n < stop; n++) if (TextMarks.starts(TextFactReader.squash(lines.get(n)), marks.overview)) start = n; // the last: the TOC names it too
        int duties = -1, setup = -1;
        // the two headings of 第一部分 as the profile prints them ("一、主要职能", "二、机构设置及人员情况")
        Pattern dutiesHeading = words.heading("p1.functions_heading");
        Pattern setupHeading = words.heading("p1.structure_heading");
        for (int n = start; n < stop; n++) {
            String s = TextFactReader.squash(lines.get(n));
            if (duties < 0 && dutiesHeading != null && dutiesHeading.matcher(s).find()) duties = n;
            if (setup < 0 && setupHeading != null && setupHeading.matcher(s).find()) setup = n;
        }
        List<String> functions = new ArrayList<>();
        if (duties >= 0) {
            StringBuilder b = new StringBuilder();
            for (int n = duties + 1; n < (setup > duties ? setup : stop); n++) b.append(lines.get(n).replace('\t', ' ').trim());
            String all = b.toString();
            // each function numbered as the profile numbers sub-parts (（一）): found anywhere in the joined lines
            Pattern functionMark = Pattern.compile(org.openbudget.core.text.Numbering.body(profile.text().subHeading()));
            Matcher m = functionMark.matcher(TextFactReader.half(all));
            List<Integer> at = new ArrayList<>();
            while (m.find()) at.add(m.start());
            for (int i = 0; i < at.size(); i++) {
                String f = all.substring(at.get(i), i + 1 < at.size() ? at.get(i + 1) : all.length());
                Matcher fm = functionMark.matcher(TextFactReader.half(f));
                if (fm.lookingAt()) f = f.substring(fm.end());
                f = f.trim().replaceFirst("[；;]$", "");
                if (!f.isEmpty()) functions.add(f);
            }
        }
        List<String> offices = new ArrayList<>(), units = new ArrayList<>();
        if (setup >= 0) {
            StringBuilder b = new StringBuilder();
            boolean listing = false;
            // the words of 第一部分's patterns: the staffing sentence's first label, the list of a department's units,
            // "下设{count}个处室，分别是：{offices}"
            String staffWords = words.before("p1.staffing", "authorized");
            String unitsWords = words.tail("p1.department_units");
            for (int n = setup + 1; n < stop; n++) {
                String l = lines.get(n);
                if (!staffWords.isEmpty() && TextFactReader.squash(l).contains(staffWords)) break;
                if (!unitsWords.isEmpty() && TextFactReader.squash(l).contains(unitsWords)) listing = true;
                String bare = l.strip().replaceFirst("^-\\s*+", "");
                Matcher item = listing ? marks.item(TextFactReader.half(bare)) : null;
                if (item != null && !bare.substring(item.end()).isBlank()) units.add(bare.substring(item.end()).trim());
                else b.append(l.replace('\t', ' ').trim());
            }
            String before = Pattern.quote(words.before("p1.unit_structure", "count"));
            String after = Pattern.quote(words.after("p1.unit_structure", "count"));
            String listed = Pattern.quote(words.before("p1.unit_structure", "offices"));
            Matcher count = Pattern.compile(before + "\\s*+(\\d{1,9})\\s*+" + after).matcher(b);
            if (count.find()) {
                facts.add(new TextFact("第一部分", "", "offices", "处室", FactKind.COUNT, new BigDecimal(count.group(1)), "", "", List.of(), "",
                        TextFactReader.squash(b.toString()).length() > 200 ? count.group() : b.toString()));
            }
            Matcher m = Pattern.compile(before + "\\s*+\\d{1,9}\\s*+" + after + "[，,]\\s*+" + listed + "[：:]([^。\\n\\r\\u0085\\u2028\\u2029]*+)。").matcher(b);
            if (m.find()) {
                // the profile's sentence of no offices ("本单位无下设处室。") printed in the list's place is none
                String none = OutlineWords.flat(profile.text().sentences().getOrDefault("p1.no_offices", "")).replaceAll("[。.]+$", "");
                for (String o : m.group(1).split("、")) {
                    String f = OutlineWords.flat(o);
                    if (!o.isBlank() && (none.isEmpty() || !(none.contains(f) || f.contains(none)))) offices.add(o.trim());
                }
            }
        }
        return new Overview(functions, units, offices, staffing);
    }

    Staffing staffing(List<String> lines, int firstTableLine) {
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < Math.min(lines.size(), firstTableLine > 0 ? firstTableLine : lines.size()); n++) b.append(lines.get(n));
        String all = TextFactReader.half(TextFactReader.squash(b.toString()));
        // the labels the profile's staffing sentence prints before its numbers ("编制数{authorized}，实有人数{actual}人，其中：在职{active}人…")
        String authorizedWords = words.before("p1.staffing", "authorized");
        String actualWords = words.before("p1.staffing", "actual");
        int at = authorizedWords.isEmpty() ? -1 : all.indexOf(authorizedWords);
        if (at < 0) {
            // a document without 第一部分 (e.g. the tables and 第三部分 only) has no staffing to miss
            if (!marks.overview.isEmpty() && all.replace("*", "").replace("#", "").contains(marks.overview)) notes.add("第一部分：找不到人员情况（" + authorizedWords + "、" + actualWords + "）");
            return null;
        }
        int stop = all.indexOf('。', at);
        String s = all.substring(at, stop < 0 ? Math.min(all.length(), at + 200) : stop + 1);
        Integer authorized = intOf(s, Pattern.quote(authorizedWords) + "(\\d{1,9})(?!\\d)");
        Integer actual = actualWords.isEmpty() ? null : intOf(s, Pattern.quote(actualWords) + "(\\d{1,9})(?!\\d)");
        int[] active = person(s, "active", "staff.active");
        int[] retired = person(s, "retired", "staff.retired");
        int[] honorary = person(s, "honorary", "staff.honorary");
        if (authorized != null) add("第一部分", "", "staff.authorized", authorizedWords, FactKind.COUNT, BigDecimal.valueOf(authorized), "", "", s);
        if (actual != null) add("第一部分", "", "staff.actual", actualWords, FactKind.COUNT, BigDecimal.valueOf(actual), "", "", s);
        return new Staffing(authorized, actual, box(active, 0), box(active, 1), box(retired, 0), box(retired, 1),
                box(honorary, 0), box(honorary, 1));
    }

    /**
     * A count of persons as the staffing pattern prints it ("退休{retired}人，{retired_word}{retired_change}人"): its label
     * where a clause starts (not 退休 inside 离退休), the count, and the change after it.
     */
    private int[] person(String s, String var, String key) {
        String subject = words.before("p1.staffing", var);
        if (subject.isEmpty()) return null;
        String unit = Pattern.quote(words.after("p1.staffing", var));
        List<String> dir = profile.text().changeWords();
        String changeWord = "(" + Pattern.quote(dir.get(0)) + "|" + Pattern.quote(dir.get(1)) + ")";
        Matcher m = Pattern.compile("(?:(?<!\\p{IsHan})|(?<=其中))" + Pattern.quote(subject) + "(\\d{1,9})" + unit + ",?(?:" + changeWord + "(\\d{1,9})" + unit + ")?").matcher(s);
        if (!m.find()) return null;
        int v = Integer.parseInt(m.group(1));
        add("第一部分", "", key, subject, FactKind.COUNT, BigDecimal.valueOf(v), "", "", s);
        if (m.group(2) == null) return new int[]{v, Integer.MIN_VALUE};
        int c = Integer.parseInt(m.group(3));
        add("第一部分", "", key, subject, FactKind.CHANGE, BigDecimal.valueOf(c), m.group(2), "", s);
        return new int[]{v, m.group(2).equals(dir.get(1)) ? -c : c};
    }

    private static Integer box(int[] a, int i) {
        return a == null || a[i] == Integer.MIN_VALUE ? null : a[i];
    }

    private static Integer intOf(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * The type of a single unit (行政 / 事业 …), from the evidence the document gives, as the profile's
     * text_rules.agency_types declares it: a functional 项 of its tables only that type spends on (行政运行 /
     * 行政单位离退休 vs 事业运行 / 事业单位离退休) when exactly one type's are there, else, when none is there, the
     * ending of its name. Recorded as the fact {@code agency.type} (the sentence says what it rests on).
     */
    void agencyType() {
        if (kind != AgencyKind.UNIT) return;
        Map<String, String> found = new LinkedHashMap<>(); // type → the last row that shows it
        for (DisclosureTable t : tables) {
            if (!TextFactReader.functional(profile, t)) continue;
            for (Row r : t.rows()) {
                if (r.kind() != RowKind.CLASS || r.code().length() != 7) continue;
                for (TextRules.AgencyType a : rules.agencyTypes()) {
                    if (a.items().contains(r.name())) found.put(a.type(), TextFactReader.tableName(t) + " " + r.code() + " " + r.name());
                }
            }
        }
        String type = null, basis = "";
        if (found.size() == 1) {
            type = found.keySet().iterator().next();
            basis = found.get(type);
        } else if (found.isEmpty()) {
            for (TextRules.AgencyType a : rules.agencyTypes()) {
                if (type == null && a.nameEndings().stream().anyMatch(unit::endsWith)) {
                    type = a.type();
                    basis = "单位名称“" + unit + "”";
                }
            }
        }
        if (type != null) {
            facts.add(new TextFact("第一部分", "", "agency.type", unit, FactKind.NAME, null, "", "", List.of(type), "",
                    "单位类型推断为" + type + "（依据：" + basis + "）"));
        }
    }
}
