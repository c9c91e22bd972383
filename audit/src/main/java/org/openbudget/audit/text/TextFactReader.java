package org.openbudget.audit.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextRules;
import org.openbudget.core.profile.TextSubjects;
import org.openbudget.core.text.NarrativeStatements;
import org.openbudget.core.text.RestatedClauses;

/**
 * Reads the TEXT parts of a published document — 第一部分 ({@link OverviewReader}), the sections of 第三部分
 * (here), the 绩效目标表 ({@link PerformanceTableReader}), 第四部分 and the closing ({@link ClosingReader}) — into a
 * {@link DocumentText} whose facts use the keys of docs/text-facts.md. Nothing of a template is written here: the
 * parts, the numbering and the text's amount unit are the profile's ({@link TextMarks}), each part of a section is read by
 * the kinds of the blocks the outline puts there — the same blocks the walker writes (core/text/OutlineWalker): one reader
 * per kind of block, never per section, the words it looks for taken from the blocks' sentence patterns by
 * {@link OutlineWords} and {@link org.openbudget.core.text.RestatedClauses} — and subjects map to keys by the outline's
 * words and the dictionary's names and synonyms of the measures ({@link org.openbudget.core.profile.TextSubjects}). What stays is how a published text is
 * laid out, true of every template: wrapped lines joined into paragraphs, a clause continued on the next line,
 * 类/款/项 named with their level marks, a name before its amount. Works on the cleaned lines {@link PublishedTextReader} gives it (no {@code <b>},
 * no markdown heading marks), in every layout of the examples: lines wrapped mid-sentence (plain
 * text), one paragraph per line (tab/markdown), numbers with or without thousands separators, half-
 * and full-width punctuation, "（一十）" numbering.
 *
 * <p>Printed subjects are mapped to keys through the outline's words and the measures' ({@link TextSubjects}); 类/款/项
 * named by name are mapped to codes through the document's own classification tables' rows, then the year's
 * classification. What cannot be mapped is a reader note, never an exception.
 */
final class TextFactReader {
    /**
     * A number as the text prints it. Linear on any line (issue 16): it starts only where a digit run
     * starts (not inside one, nor after a decimal point) and its quantifiers are bounded, so each
     * starting place costs a few dozen steps, whatever the line; a number of more digits than any
     * budget prints is not a number here.
     */
    static final String NUM = "(?<![\\d.])(\\d{1,3}(?:,\\d{3}){1,6}(?:\\.\\d{1,12})?|\\d{1,18}(?:\\.\\d{1,12})?)";
    static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,3}");
    /** The profile's marks: parts, numbering, the text's amount unit ({@link TextMarks}). */
    private final TextMarks marks;
    /** An amount in the text's unit (the number as group 1), not a threshold; {@link TextMarks#amount}. */
    private final Pattern amountMark;
    /** A section heading of 第三部分, numbered as the profile numbers its sections (一、 … ). */
    private final Pattern sectionMark;
    /** A sub-part of a section, numbered as the profile's sub_heading ((一)). */
    private final Pattern subMark;

    /**
     * What the pattern {@code ([^,;:、。]{0,200}?)\s*NUM\s*UNIT} finds — a name and the amount after it —
     * found in linear time (the pattern tried up to 200 names at every place of a line): the first
     * amount at or after the search start, and as its name the text before it back to the last
     * delimiter (, ; : 、 。), the search start, or 200 characters.
     */
    static final class Named {
        private final String s;
        private final Matcher amount;
        private int nameStart, nameEnd;

        Named(String s, Pattern amountAny) {
            this.s = s;
            this.amount = amountAny.matcher(s);
        }

        boolean find(int from) {
            if (from > s.length() || !amount.find(from)) return false;
            int a = amount.start(1);
            int w = a;
            while (w > from && Character.isWhitespace(s.charAt(w - 1))) w--;
            int p = w;
            while (p > from && w - p < 200 && ",;:、。".indexOf(s.charAt(p - 1)) < 0) p--;
            nameStart = p;
            nameEnd = Math.max(p, w);
            return true;
        }

        int start(int group) {
            return group == 1 ? nameStart : amount.start(1);
        }

        int end(int group) {
            return group == 1 ? nameEnd : amount.end(1);
        }

        String group(int group) {
            return group == 1 ? s.substring(nameStart, nameEnd) : amount.group(1);
        }

        int end() {
            return amount.end();
        }
    }

    private final TemplateProfile profile;
    private final TextRules rules;
    private final ReferenceData ref;
    private final AgencyKind kind;
    private final String unit;
    private final List<DisclosureTable> tables;
    private final List<String> notes;
    private final List<TextFact> facts = new ArrayList<>();
    /** 类/款/项 named by name → codes: the document's tables first, then the year's classification. */
    private final ClassNames classNames;
    /** The profile's subjects, normalized once: key → normalized words. */
    private final Map<String, List<String>> subjectWords;
    /** The profile's subjects as written ({@link TextSubjects}). */
    private final Map<String, List<String>> subjects;
    /** What the reader takes from the template, shared by the documents of one profile and year. */
    private final Template template;

    TextFactReader(TemplateProfile profile, ReferenceData ref, AgencyKind kind, String unit,
                   List<DisclosureTable> tables, List<String> notes) {
        this.profile = profile;
        this.rules = profile.rules();
        this.ref = ref;
        this.kind = kind;
        this.unit = unit;
        this.tables = tables;
        this.notes = notes;
        this.classNames = new ClassNames(profile, ref, tables);
        this.performanceReader = new PerformanceTableReader(profile.text().performanceLabels(), notes);
        Template t = Template.of(profile, ref);
        this.template = t;
        this.marks = t.marks;
        this.amountMark = marks.amount;
        this.sectionMark = marks.section;
        this.subMark = marks.sub;
        this.words = t.words;
        this.projectPrefix = t.projectPrefix;
        this.projectName = t.projectName;
        this.withheldWords = t.withheldWords;
        this.fieldNames = t.fieldNames;
        this.field = t.field;
        this.share = t.share;
        this.change = t.change;
        this.rate = t.rate;
        this.reason = t.reason;
        this.continuations = t.continuations;
        this.subjects = t.subjects;
        this.subjectWords = t.subjectWords;
    }

    /**
     * What the reader takes from a template — its marks, its outline's words and clauses, the projects' field labels, the
     * subjects' words — made once per profile and year's reference data, not for every document read (an audit of a text
     * made them anew each time). Shared by the audits running at once: nothing in it changes after it is made.
     */
    private static final class Template {
        private static final org.openbudget.core.profile.PerTemplate<Template> MADE = new org.openbudget.core.profile.PerTemplate<>(32);

        final TextMarks marks;
        final OutlineWords words;
        final Map<String, String> fieldNames = new java.util.HashMap<>();
        final Pattern field;
        final String projectPrefix, projectName, withheldWords;
        final Pattern share, change, rate, reason;
        final List<String> continuations;
        final Map<String, List<String>> subjects;
        final Map<String, List<String>> subjectWords = new LinkedHashMap<>();
        /** A narrative block's statements compiled, by the block (its identity) and the document's kind (单位 / 部门). */
        private final org.openbudget.core.profile.PerTemplate<NarrativeStatements> statements = new org.openbudget.core.profile.PerTemplate<>(256);

        NarrativeStatements statements(TemplateProfile profile, String kind, TextOutline.Block b) {
            // looked up by the block's identity: a key with the template in it hashes the whole outline (per paragraph)
            return statements.get(() -> NarrativeStatements.compile(profile, kind, b), b, kind);
        }

        /** The template of this profile under this year's data (by identity: a profile read at run time is its own). */
        static Template of(TemplateProfile profile, ReferenceData ref) {
            return MADE.get(() -> new Template(profile, ref), profile, ref);
        }

        private Template(TemplateProfile profile, ReferenceData ref) {
            marks = new TextMarks(profile.text());
            words = new OutlineWords(profile.text());
            // the projects block's field labels, as its patterns print them before their placeholder ("预算安排规模：{amount}万元")
            TextOutline.Block projects = null;
            for (TextOutline.Section s : profile.text().outline().sections()) {
                for (TextOutline.Block b : s.blocks()) if (projects == null && b.kind().equals("projects")) projects = b;
            }
            StringBuilder alt = new StringBuilder();
            String pre = projects == null ? "" : projects.sentence() + ".";
            projectPrefix = pre;
            projectName = projects == null ? "" : words.before(pre + "name", "name");
            withheldWords = projects == null ? "" : words.words(pre + "withheld");
            if (projects != null) {
                String[][] fields = {{"basis", "basis"}, {"amount", "amount"}, {"unit", "unit_name"}, {"alloc", "list"}, {"period", "period"}};
                for (String[] x : fields) {
                    String label = words.before(pre + x[0], x[1]);
                    if (label.isEmpty()) continue;
                    fieldNames.put(label, x[0]);
                    if (alt.length() > 0) alt.append('|');
                    alt.append(Pattern.quote(label));
                }
            }
            field = alt.length() == 0 ? null : Pattern.compile("^(" + alt + ")\\s*+:");
            // what the outline's blocks declare their amounts restate (share_of, change, reason), compiled from their patterns
            RestatedClauses restated = RestatedClauses.of(profile.text(), NUM);
            share = restated.share();
            change = restated.change();
            rate = restated.rate();
            reason = restated.reason();
            // a clause wrapped onto its own line right after the sentence's 。 — its reason, or what a 类 or a project is 主要用于
            List<String> onwards = new ArrayList<>(restated.reasonWords());
            for (TextOutline.Section s : profile.text().outline().sections()) {
                for (TextOutline.Block b : s.blocks()) {
                    for (String x : List.of("expense_item_noted", "project")) {
                        String w = words.before(b.sentence() + "." + x, "note");
                        if (!w.isEmpty() && !onwards.contains(w)) onwards.add(w);
                    }
                }
            }
            continuations = List.copyOf(onwards);
            subjects = TextSubjects.of(profile);
            subjects.forEach((k, v) -> subjectWords.put(k, v.stream().map(TextFactReader::norm).toList()));
            // the summary tables' rows too, added to the item that states their money (by measure, TextSubjects.rowLabels):
            // "其中：一般财力" → income.gpb.local; the label without "其中：" or its number
            TextSubjects.rowLabels(profile, ref.sources()).forEach((key, printed) -> {
                List<String> words = new ArrayList<>(subjectWords.getOrDefault(key, List.of()));
                for (String w : printed) {
                    String n = norm(w).replaceFirst("^其中:", "").replaceFirst("^[一二三四五六七八九十]+、", "").replaceFirst("^\\d+[.、]", "");
                    if (!n.isEmpty() && !words.contains(n)) words.add(n);
                }
                subjectWords.put(key, words);
            });
        }
    }

    /** A share, a change, a rate and a reason as the outline's patterns print them ({@link RestatedClauses}); null: none declared. */
    private final Pattern share, change, rate, reason;
    /** The words of a clause that continues the sentence before it when a line starts with them ("主要原因是", "主要用于"). */
    private final List<String> continuations;

    /** The outline's words: what each sentence pattern prints before its placeholders, and each section's parts. */
    private final OutlineWords words;
    /** A field line of a project's description ("预算安排规模：…"), by the projects block's patterns; null when none. */
    private final Pattern field;
    /** Field label → the pattern it is printed by (basis, amount, unit, alloc, period). */
    private final Map<String, String> fieldNames;
    private final String projectPrefix;
    /** The label of a project's name ("项目名称") and the words of a withheld one ("完全不予公开"). */
    private final String projectName;
    private final String withheldWords;

    /** The document's text; {@code firstTableLine} is where 第二部分's tables start (0 when unknown). */
    DocumentText read(List<String> lines, int firstTableLine) {
        // a text of the tables alone (no 第一部分, no 第三部分) has no text to read: nothing to note
        boolean anyText = false;
        String[] squashed = new String[lines.size()];   // each line squashed once, for the three passes below
        for (int n = 0; n < lines.size() && !anyText; n++) {
            String s = squashed(lines, squashed, n).replace("*", "").replace("#", "");
            anyText = TextMarks.starts(s, marks.overview) || TextMarks.starts(s, marks.explanation);
        }
        if (!anyText) return DocumentText.EMPTY;
        OverviewReader part1 = new OverviewReader(profile, words, marks, kind, unit, tables, notes, facts);
        Staffing staffing = part1.staffing(lines, firstTableLine);
        part1.agencyType();
        int start = -1, end = lines.size();
        for (int n = 0; n < lines.size(); n++) {
            if (TextMarks.starts(squashed(lines, squashed, n), marks.explanation) && n >= firstTableLine) start = n;
        }
        List<Section> sections = new ArrayList<>();
        List<PerformanceTable> performance = new ArrayList<>();
        if (start < 0) {
            notes.add(marks.explanation + "：文档中找不到（没有读取情况说明）");
        } else {
            for (int n = start + 1; n < lines.size(); n++) {
                if (TextMarks.starts(squashed(lines, squashed, n).replace("*", ""), marks.glossaryPart)) {
                    end = n;
                    break;
                }
            }
            List<String> text = new ArrayList<>();
            List<List<String>> perf = new ArrayList<>();
            List<String> current = null;
            for (int n = start + 1; n < end; n++) {
                String l = lines.get(n);
                String s = squashed(lines, squashed, n).replace("*", "");
                if (performanceReader.title(s) != null) {
                    current = new ArrayList<>();
                    perf.add(current);
                    current.add(s);
                    continue;
                }
                if (current != null && subMark.matcher(half(s)).find()) current = null; // (五) 其他需说明的事项
                if (current != null) current.add(l);
                else text.add(l);
            }
            sections = sections(paragraphs(text));
            for (Section sec : sections) facts(sec);
            for (List<String> p : perf) performance.add(performanceReader.read(p));
        }
        Overview overview = part1.overview(lines, firstTableLine, staffing);
        List<String> tail = start < 0 ? List.of() : lines.subList(Math.min(end, lines.size()), lines.size());
        ClosingReader part4 = new ClosingReader(marks);
        String[] closing = part4.closing(tail);
        List<DocumentText.GlossaryEntry> glossary = part4.glossary(tail, Integer.parseInt(closing[2]));
        return new DocumentText(overview, sections, facts, performance, glossary, closing[0], closing[1], marks.unit);
    }

    // ------------------------------------------------------------------ 第一部分 概况, 第四部分, closing

    /** The 绩效目标表 reader, with the profile's labels. */
    private final PerformanceTableReader performanceReader;

    // ------------------------------------------------------------------ paragraphs and sections

    /** Joins wrapped lines into paragraphs: a paragraph ends at 。：； or where a heading, list item or field starts. */
    List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String raw : lines) {
            String l = raw.replace('\t', ' ').trim().replace("**", "");
            if (l.startsWith("- ")) l = l.substring(2).trim();
            if (l.isEmpty() || PAGE_NUMBER.matcher(l).matches()) continue;
            String h = half(l);
            boolean start = marks.sectionStart.at(h) || marks.subStart.at(h) || marks.item(h) != null || field != null && field.matcher(h).find();
            if (cur != null && !start && continues(h)) {
                cur.append(l); // a reason wrapped right after the sentence's 。 belongs to it
            } else if (cur == null) {
                cur = new StringBuilder(l);
            } else if (start || cur.length() > MAX_PARAGRAPH || headingComplete(cur.toString()) || endsParagraph(cur)) {
                out.add(cur.toString());
                cur = new StringBuilder(l);
            } else {
                char a = cur.charAt(cur.length() - 1), b = l.charAt(0);
                if (isAscii(a) && isAscii(b)) cur.append(' ');
                cur.append(l);
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    /** Whether a line starts with the words of a clause that continues the sentence before it (its reason …). */
    private boolean continues(String h) {
        for (String w : continuations) if (h.startsWith(w)) return true;
        return false;
    }

    /** A paragraph longer than this is not one of 第三部分's sentences: cut it (bounded work on any input). */
    private static final int MAX_PARAGRAPH = 20_000;

    private static boolean isAscii(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private boolean headingComplete(String p) {
        if (p.length() > 200) return false;
        String h = half(p).trim();
        // a heading ends as the outline's titles and headings end (说明; 情况, 事项)
        if (marks.sectionStart.at(h)) return endsWithAny(h, marks.sectionEndings);
        if (marks.subStart.at(h) && (projectName.isEmpty() || !h.contains(projectName))) {
            return endsWithAny(h, marks.subEndings) || endsWithAny(h, marks.sectionEndings);
        }
        return false;
    }

    private static boolean endsWithAny(String h, java.util.Set<String> endings) {
        for (String e : endings) if (h.endsWith(e)) return true;
        return false;
    }

    private static boolean endsParagraph(CharSequence p) {
        int i = p.length() - 1;
        while (i > 0 && Character.isWhitespace(p.charAt(i))) i--;
        char c = half(String.valueOf(p.charAt(i))).charAt(0);
        return c == '。' || c == ':' || c == ';';
    }

    private List<Section> sections(List<String> paragraphs) {
        List<Section> out = new ArrayList<>();
        String numeral = null, title = null;
        List<String> body = new ArrayList<>();
        for (String p : paragraphs) {
            Matcher m = sectionMark.matcher(half(p));
            if (m.find()) {
                if (numeral != null) out.add(new Section(numeral, title, body));
                // the section's number as the outline numbers its sections (一 … 十二), however the document prints it
                int ordinal = org.openbudget.core.text.Numbering.ordinal(m.group(1));
                numeral = ordinal > 0 ? org.openbudget.core.text.ChineseNumerals.of(ordinal) : m.group(1);
                title = p.substring(m.end()).trim();
                body = new ArrayList<>();
            } else if (numeral != null) {
                body.add(p);
            }
        }
        if (numeral != null) out.add(new Section(numeral, title, body));
        return out;
    }

    // ------------------------------------------------------------------ facts per section

    private void facts(Section s) {
        String part = "";
        // a section of projects reads each project's sub-heading as its name; any other section's sub-heading starts a part
        boolean projects = OutlineWords.block(words.blocks(s.numeral()), "projects").isPresent();
        for (String p : s.paragraphs()) {
            String h = half(p);
            Matcher sub = subMark.matcher(h);
            if (sub.find()) {
                part = partName(sub.group(1));
                if (!projects) continue;
            }
            try {
                paragraph(s.numeral(), part, p, h);
            } catch (org.openbudget.io.guard.ReadGuard.Stop e) {
                throw e;
            } catch (RuntimeException e) {
                String id = org.openbudget.io.guard.FailureLog.log("第三部分", shortly(p), e);
                notes.add("第三部分" + s.numeral() + part + "：无法读取“" + shortly(p) + "”（记录编号 " + id + "）");
            }
        }
    }

    private String currentProjectPart = "";

    /**
     * A paragraph of a section's part, read by the blocks the outline puts there — by their kinds, the same the walker
     * writes (core/text/OutlineWalker), never by the section's number or a word of the outline's saying how: a part is
     * read by the first of its blocks that names what its paragraphs are (a project, a carried-over list, the 财政拨款
     * budgets, a table's rows, a narrative block), else by its sentences and their items — clauses of items' changes,
     * an empty table's note, items each with the names of its rows, items each with its share and change, lists of
     * names, or the amounts the sentences state.
     */
    private void paragraph(String sec, String part, String p, String h) {
        // a section's sub-part (（二）) holds the blocks after the outline's second heading of it; without headings, all of them
        List<TextOutline.Block> blocks = words.headed(sec) ? words.part(sec, part.isEmpty() ? 0 : partOrdinal(part)) : words.blocks(sec);
        TextOutline.Block b;
        if (OutlineWords.block(blocks, "projects").isPresent()) project(sec, p, h);
        else if ((b = OutlineWords.block(blocks, "carry_over").orElse(null)) != null) carry(sec, part, p, h, b);
        else if ((b = OutlineWords.block(blocks, "budgets").orElse(null)) != null) fiscal(sec, part, p, h, blocks, b);
        else if ((b = OutlineWords.block(blocks, "each_row").orElse(null)) != null) {
            if (b.rows() != null && b.rows().level() == 1) rowClass(sec, part, p, h, b.key());
            else rowItem(sec, part, p, h, b.key(), b);
        } else if ((b = narrative(blocks)) != null) narrative(sec, part, p, h, b);
        else if ((b = sentence(blocks, x -> x.clauses() != null)) != null) clauses(sec, part, p, h, blocks);
        else if ((b = sentence(blocks, x -> !x.emptyKey().isEmpty())) != null) emptyOrAmount(sec, part, p, h, b);
        else if ((b = OutlineWords.block(blocks, "each").orElse(null)) != null) {
            if (b.items().stream().anyMatch(i -> i.names() != null)) named(sec, part, p, h, blocks);
            else statedOrItem(sec, part, p, h, blocks);
        } else if (OutlineWords.block(blocks, "names").isPresent()) {
            stated(sec, part, p, h, blocks, false);
            for (TextOutline.Block x : blocks) {
                if (x.kind().equals("names")) list(sec, part, x.key(), words.before(x.sentence(), "list"), p, h);
            }
        } else {
            sentences(sec, part, p, h, blocks);
        }
    }

    /** The first narrative block of a part (its statements read by the dictionary's {@code statements:}), null when none. */
    private static TextOutline.Block narrative(List<TextOutline.Block> blocks) {
        for (TextOutline.Block b : blocks) if (NARRATIVE.contains(b.kind())) return b;
        return null;
    }

    /** The blocks over the dataset's narrative whose statements the dictionary declares ({@code statements:}); a 决算's too. */
    private static final java.util.Set<String> NARRATIVE = java.util.Set.of("procurement", "assets", "performance", "other_matters",
            "three_public", "evaluation");

    /** The first sentence block of a part that has this option, null when none. */
    private static TextOutline.Block sentence(List<TextOutline.Block> blocks, java.util.function.Predicate<TextOutline.Block> option) {
        for (TextOutline.Block b : blocks) if (b.kind().equals("sentence") && option.test(b)) return b;
        return null;
    }

    /** A sub-part's name as the profile numbers sub-parts, from its number as printed ("三" → "（三）"). */
    private String partName(String printed) {
        int n = org.openbudget.core.text.Numbering.ordinal(printed);
        return n > 0 ? org.openbudget.core.text.Numbering.format(profile.text().subHeading(), n).strip() : "（" + numeral(printed) + "）";
    }

    /** The number of a sub-part as {@link #partName} names it: 3 for "（三）" (0 when it is not one). */
    private int partOrdinal(String part) {
        Matcher m = subMark.matcher(half(part));
        return m.find() ? org.openbudget.core.text.Numbering.ordinal(m.group(1)) : 0;
    }

    /** The number of a sub-part "（三）": 3 (0 when it is not one). */
    static int partNumber(String part) {
        String n = part.replace("（", "").replace("）", "");
        int tens = n.indexOf('十');
        if (tens < 0) return digit(n);
        int high = tens == 0 ? 1 : digit(n.substring(0, tens));
        int low = tens == n.length() - 1 ? 0 : digit(n.substring(tens + 1));
        return high * 10 + low;
    }

    private static int digit(String d) {
        return "一二三四五六七八九".indexOf(d) + 1;
    }

    /**
     * The amount a block's sentence states ("…收支总预算{total}万元"): the first amount after the words its pattern
     * prints before it; {@code unlessShare}: not in a sentence that states a share (an item's).
     */
    private boolean stated(String sec, String part, String p, String h, List<TextOutline.Block> blocks, boolean unlessShare) {
        for (TextOutline.Block b : blocks) {
            if (!b.kind().equals("sentence")) continue;
            for (TextOutline.Stated a : b.amounts()) {
                if (a.var().isEmpty()) continue;
                String anchor = words.before(b.sentence(), a.var());
                if (anchor.isEmpty() || !h.contains(anchor)) continue;
                if (unlessShare && (sharing(blocks, h) || !amountMark.matcher(h).find())) continue;
                amountAfter(sec, part, a.key(), a.subject(), p, h, h.indexOf(anchor));
                return true;
            }
        }
        return false;
    }

    /** Whether the paragraph states a share as an each block's items do ("占{share}"). */
    private boolean sharing(List<TextOutline.Block> blocks, String h) {
        for (TextOutline.Block b : blocks) {
            if (!b.kind().equals("each")) continue;
            String share = words.before(b.sentence(), "share");
            if (!share.isEmpty() && h.contains(share)) return true;
        }
        return false;
    }

    /** A section of a total and its items (二, 三, 五（一）): the total's sentence, else one of the each block's items. */
    private void statedOrItem(String sec, String part, String p, String h, List<TextOutline.Block> blocks) {
        if (stated(sec, part, p, h, blocks, true)) return;
        OutlineWords.block(blocks, "each").ifPresent(b -> {
            String prefix = keyPrefix(b.items().isEmpty() ? "" : b.items().get(0).key());
            // an item stated without an amount: the words the block's not_arranged pattern prints after its label ("未安排")
            if (!prefix.isEmpty()) item(sec, part, prefix, p, h, words.after(b.notArranged(), "label"));
        });
    }

    /** "income.gpb.local" → "income.". */
    private static String keyPrefix(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? "" : key.substring(0, dot + 1);
    }

    /** "…收支总预算 304.15万元。" — the first amount after {@code from}. */
    private void amountAfter(String sec, String part, String key, String subject, String p, String h, int from) {
        Matcher m = amountMark.matcher(h);
        if (m.find(Math.max(0, from))) add(sec, part, key, subject, FactKind.AMOUNT, num(m.group(1)), "", "", p);
    }

    private void list(String sec, String part, String key, String label, String p, String h) {
        int at = h.indexOf(label);
        if (at < 0) return;
        String rest = h.substring(at + label.length()).replaceFirst("^\\s*:", "");
        int stop = rest.indexOf('。');
        if (stop >= 0) rest = rest.substring(0, stop);
        List<String> items = new ArrayList<>();
        for (String i : rest.split("[、,;]")) {
            String t = i.trim();
            if (!t.isEmpty()) items.add(t);
        }
        facts.add(new TextFact(sec, part, key, label, FactKind.LIST, null, "", "", items, "", p));
    }

    /**
     * One restated item: "一般公共预算 304.15万元，占 100.00%，比上年预算增加 64.20万元，增长 26.76%，主要原因是…"
     * or "上级政府性基金安排的转移支付资金未安排。" — its key by the subject printed before the first number.
     */
    private void item(String sec, String part, String prefix, String p, String h, String notArranged) {
        Matcher am = amountMark.matcher(h);
        boolean hasAmount = am.find();
        int cut = hasAmount ? am.start() : notArranged.isEmpty() ? -1 : h.indexOf(notArranged);
        if (cut < 0) return;
        String subject = p.substring(0, cut).trim();
        String key = keyOf(prefix, subject);
        if (key == null) {
            notes.add("第三部分" + sec + part + "：“" + subject + "”对应不到模板的任何项目（" + shortly(p) + "）");
            return;
        }
        if (!hasAmount) {
            add(sec, part, key, subject, FactKind.AMOUNT, BigDecimal.ZERO.setScale(2), "", "", p);
            return;
        }
        add(sec, part, key, subject, FactKind.AMOUNT, num(am.group(1)), "", "", p);
        changes(sec, part, key, subject, p, h, am.end());
    }

    /** The share, the change (with its reason) and every rate stated from {@code from} on, as the outline's patterns print them. */
    private void changes(String sec, String part, String key, String subject, String p, String h, int from) {
        if (share != null) {
            Matcher sm = share.matcher(h);
            if (sm.find(from)) add(sec, part, key, subject, FactKind.SHARE, num(sm.group(1)), "", "", p);
        }
        if (change != null) {
            Matcher cm = change.matcher(h);
            if (cm.find(from)) add(sec, part, key, subject, FactKind.CHANGE, num(cm.group(2)), cm.group(1), reasonAfter(p, h, 0, cm.end()), p);
        }
        if (rate != null) {
            Matcher rm = rate.matcher(h);
            int at = from;
            while (rm.find(at)) {
                add(sec, part, key, subject, FactKind.RATE, num(rm.group(2)), rm.group(1), "", p);
                at = rm.end();
            }
        }
    }

    /** The reason stated after {@code from} of {@code h} (a paragraph's text from {@code offset} of {@code p} on), "" when none. */
    private String reasonAfter(String p, String h, int offset, int from) {
        if (reason == null) return "";
        Matcher rm = reason.matcher(h);
        return rm.find(from) ? p.substring(offset + rm.start(1), offset + rm.end(1)).trim() : "";
    }

    /** The longest of the profile's words for a key with this prefix that the subject is or ends with. */
    private String keyOf(String prefix, String subject) {
        String s = norm(subject);
        String best = null;
        int bestLen = -1;
        for (Map.Entry<String, List<String>> e : subjectWords.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            for (String nw : e.getValue()) {
                if ((s.equals(nw) || s.endsWith(nw)) && nw.length() > bestLen) {
                    best = e.getKey();
                    bestLen = nw.length();
                }
            }
        }
        if (best != null && prefix.equals("income.") && !best.startsWith("income.")) return null;
        return best;
    }

    /** The words printed for each fact key: its outline's words and the dictionary's names and synonyms of its measures. */
    private Map<String, List<String>> subjects() {
        return subjects;
    }

    /**
     * A budgets block (the Xinjiang outline's 四): the total's sentence, the income list ("收入预算包括：…", each item's key by its
     * printed name) and each budget's expense list ("…支出包括：类 X万元，主要用于项 Y万元；…") — the words as the
     * block's patterns print them.
     */
    private void fiscal(String sec, String part, String p, String h, List<TextOutline.Block> blocks, TextOutline.Block budgets) {
        if (stated(sec, part, p, h, blocks, false)) return;
        if (budgets.items().isEmpty()) return;
        String pre = budgets.sentence() + ".";
        String incomeWords = words.before(pre + "income", "list");
        String expenseWords = words.before(pre + "expense", "list");
        String useWords = words.before(pre + "expense_item_noted", "note");
        String incomePrefix = keyPrefix(budgets.items().get(0).key());
        String classKey = budgets.items().get(0).word("class_key");
        String itemKey = budgets.key();
        int inc = incomeWords.isEmpty() ? -1 : h.indexOf(incomeWords);
        if (inc >= 0) {
            Named m = new Named(h, marks.amountAny);
            int at = inc + incomeWords.length();
            while (m.find(at)) {
                String subject = p.substring(m.start(1), m.end(1)).replaceFirst("^\\s*[:：]", "").trim();
                String key = keyOf(incomePrefix, subject);
                if (key == null) notes.add("第三部分" + sec + "：收入“" + subject + "”对应不到模板的任何项目");
                else add(sec, part, key, subject, FactKind.AMOUNT, num(m.group(2)), "", "", p);
                at = m.end();
            }
            return;
        }
        int exp = expenseWords.isEmpty() ? -1 : h.indexOf(expenseWords);
        if (exp < 0) return;
        String body = h.substring(exp + expenseWords.length()).replaceFirst("^\\s*:", "");
        int offset = h.length() - body.length();
        int pos = 0;
        for (String clause : body.split(";")) {
            int cstart = offset + pos;
            pos += clause.length() + 1;
            Matcher m = amountMark.matcher(clause);
            if (!m.find()) continue;
            String name = clause.substring(0, m.start()).trim();
            String code = classNames.classCode(name, 1, null);
            String note = "";
            int use = useWords.isEmpty() ? -1 : clause.indexOf(useWords, m.end());
            if (use >= 0) note = p.substring(cstart + use + useWords.length(), cstart + clause.length()).replaceFirst("[。;；]+$", "").trim();
            if (code == null) {
                notes.add("第三部分" + sec + "：支出“" + name + "”不是" + ref.year() + "年的功能分类类");
                continue;
            }
            add(sec, part, classKey + ":" + code, name, FactKind.AMOUNT, num(m.group(1)), "", note, p);
            if (use >= 0) {
                Named im = new Named(clause, marks.amountAny);
                int at = use + useWords.length();
                while (im.find(at)) {
                    String iname = clause.substring(im.start(1), im.end(1)).trim();
                    String icode = classNames.classCode(iname, 3, code);
                    if (icode == null) notes.add("第三部分" + sec + "：“" + iname + "”不是" + name + "下的功能分类项");
                    else add(sec, part, itemKey + ":" + icode, iname, FactKind.AMOUNT, num(im.group(2)), "", "", p);
                    at = im.end();
                }
            }
        }
    }

    /** A row of a table at 类 level, named with its amount and share ("1、一般公共服务支出（类）X万元，占Y%。"), keyed {@code prefix:code}. */
    private void rowClass(String sec, String part, String p, String h, String prefix) {
        Matcher m = amountMark.matcher(h);
        if (!m.find()) return;
        String name = marks.stripItem(p.substring(0, m.start())).replaceAll("[（(]类[）)]\\s*$", "").trim();
        String code = classNames.classCode(name, 1, null);
        if (code == null) {
            notes.add("第三部分" + sec + part + "：“" + name + "”不是" + ref.year() + "年的功能分类类");
            return;
        }
        add(sec, part, prefix + ":" + code, name, FactKind.AMOUNT, num(m.group(1)), "", "", p);
        changes(sec, part, prefix + ":" + code, name, p, h, m.end());
    }

    /**
     * "一般公共服务支出(类)财政事务(款)行政运行(项)": the text before each of the three marks. A scanner
     * rather than the three lazy groups it was (cubic on a line of marks): the first (类), the first
     * (款) after it, the first (项) after that — what the lazy groups matched.
     */
    record Levels(String cls, String kuan, String xiang, int end) {
        static Levels of(String s) {
            int a = s.indexOf("(类)");
            if (a < 0) return null;
            int b = s.indexOf("(款)", a + 3);
            if (b < 0) return null;
            int c = s.indexOf("(项)", b + 3);
            if (c < 0) return null;
            return new Levels(s.substring(0, a), s.substring(a + 3, b), s.substring(b + 3, c), c + 3);
        }
    }

    /** A row of a table at 项 level, named by its 类, 款 and 项 ("类（类）款（款）项（项）：…X万元，比上年…"), keyed {@code prefix:code}. */
    private void rowItem(String sec, String part, String p, String h, String prefix, TextOutline.Block block) {
        String body = marks.stripItem(h);
        int off = h.length() - body.length();
        Levels lv = Levels.of(body);
        if (lv == null) return;
        String cls = lv.cls().trim(), kuan = lv.kuan().trim(), xiang = lv.xiang().trim();
        String code = classNames.itemCode(cls, kuan, xiang);
        String subject = p.substring(off, off + lv.end()).trim();
        if (code == null) {
            notes.add("第三部分" + sec + part + "：“" + subject + "”对应不到" + tableName(block.rows() == null ? null : block.rows().table()) + "或" + ref.year() + "年功能分类的项");
            return;
        }
        Matcher m = amountMark.matcher(h);
        if (!m.find(off + lv.end())) return;
        String key = prefix + ":" + code;
        add(sec, part, key, subject, FactKind.AMOUNT, num(m.group(1)), "", "", p);
        changes(sec, part, key, subject, p, h, m.end());
    }

    /**
     * A total and its items, each with the names of its rows (an each block whose items have {@code names}; the Xinjiang
     * outline's 六: "…基本支出{total}万元，其中：" then "人员经费{amount}万元，主要包括：{list}。"): keys by the printed subject
     * among the total's and its items' keys.
     */
    private void named(String sec, String part, String p, String h, List<TextOutline.Block> blocks) {
        TextOutline.Block sentence = OutlineWords.block(blocks, "sentence").orElse(null);
        TextOutline.Block each = OutlineWords.block(blocks, "each").orElse(null);
        if (sentence == null || sentence.amounts().isEmpty()) return;
        TextOutline.Stated total = sentence.amounts().get(0);
        String totalWords = words.before(sentence.sentence(), total.var());
        String listWords = "";
        if (each != null && !each.items().isEmpty()) {
            TextOutline.Item first = each.items().get(0);
            listWords = words.before(first.sentence().isEmpty() ? each.sentence() : first.sentence(), "list");
        }
        Matcher m = amountMark.matcher(h);
        if (!m.find()) return;
        String subject = p.substring(0, m.start()).trim();
        String key = keyOf(total.key(), subject);
        if (key == null || key.equals(total.key()) && !subject.contains(totalWords)) {
            notes.add("第三部分" + sec + "：“" + subject + "”对应不到模板的任何项目");
            return;
        }
        add(sec, part, key, subject, FactKind.AMOUNT, num(m.group(1)), "", "", p);
        int inc = listWords.isEmpty() ? -1 : h.indexOf(listWords);
        if (inc >= 0 && !key.equals(total.key())) {
            int after = inc + listWords.length();
            String rest = h.substring(after).replaceFirst("^\\s*:", "");
            int stop = rest.indexOf('。');
            if (stop >= 0) rest = rest.substring(0, stop);
            int off = after + (h.substring(after).length() - h.substring(after).replaceFirst("^\\s*:", "").length());
            List<String> items = new ArrayList<>();
            int pos = 0;
            for (String i : rest.split("、")) {
                String t = p.substring(off + pos, off + pos + i.length()).trim();
                pos += i.length() + 1;
                if (!t.isEmpty()) items.add(t);
            }
            facts.add(new TextFact(sec, part, key, subject, FactKind.LIST, null, "", "", items, "", p));
        }
    }

    // 七
    private void project(String sec, String p, String h) {
        Matcher sub = subMark.matcher(h);
        if (sub.find()) {
            currentProjectPart = partName(sub.group(1));
            int at = projectName.isEmpty() ? -1 : h.indexOf(projectName);
            if (at >= 0) {
                String name = p.substring(at + projectName.length()).replaceFirst("^\\s*[:：]", "").trim();
                facts.add(new TextFact(sec, currentProjectPart, "project.name", name, FactKind.NAME, null, "", "", List.of(name), "", p));
            }
            return;
        }
        String part = currentProjectPart;
        if (field == null) return;
        Matcher f = field.matcher(h);
        if (!f.find()) return;
        String value = p.substring(f.end()).trim();
        String hv = h.substring(f.end()).trim();
        String label = f.group(1);
        switch (fieldNames.getOrDefault(label, "")) {
            case "amount" -> {
                Matcher m = amountMark.matcher(hv);
                if (m.find()) add(sec, part, "project.amount", label, FactKind.AMOUNT, num(m.group(1)), "", "", p);
            }
            case "unit" -> {
                String u = value.replaceFirst("[。.]$", "").trim();
                facts.add(new TextFact(sec, part, "project.unit", u, FactKind.NAME, null, "", "", List.of(u), "", p));
            }
            case "alloc" -> {
                if (!withheldWords.isEmpty() && hv.contains(withheldWords)) {
                    if (facts.stream().noneMatch(x -> x.key().equals("project.withheld") && x.part().equals(part))) {
                        facts.add(new TextFact(sec, part, "project.withheld", label, FactKind.NAME, null, "", "", List.of(withheldWords), "", p));
                    }
                    return;
                }
                Named m = new Named(h, marks.amountAny);
                int at = f.end();
                while (m.find(at)) {
                    String item = p.substring(m.start(1), m.end(1)).trim();
                    add(sec, part, "project.alloc", item, FactKind.AMOUNT, num(m.group(2)), "", "", p);
                    at = m.end();
                }
            }
            case "basis" -> {
                if (!withheldWords.isEmpty() && hv.startsWith(withheldWords)) {
                    facts.add(new TextFact(sec, part, "project.withheld", label, FactKind.NAME, null, "", "", List.of(withheldWords), "", p));
                }
            }
            default -> { }
        }
    }

    /**
     * A sentence that follows a table's emptiness (its {@code empty_key}; the Xinjiang outline's 八, 九): the table's empty
     * note, else the first amount it states (its first amount's key), named by the words before it.
     */
    private void emptyOrAmount(String sec, String part, String p, String h, TextOutline.Block b) {
        if (emptyNote(sec, h)) {
            facts.add(new TextFact(sec, part, b.emptyKey(), "空表", FactKind.NAME, null, "", "", List.of(p.trim()), "", p));
            return;
        }
        if (b.amounts().isEmpty()) return;
        Matcher m = amountMark.matcher(h);
        if (m.find()) add(sec, part, b.amounts().get(0).key(), p.substring(0, m.start()).trim(), FactKind.AMOUNT, num(m.group(1)), "", "", p);
    }

    /** Each section's empty-table note as its words print (its table's empty_note after the last placeholder), on first use. */
    private final Map<String, String> emptyWords = new java.util.HashMap<>();

    /**
     * Whether the paragraph is the empty-table note of the table the section's block reads: the words its template's
     * {@code empty_note} prints after the unit's name and year ("年没有使用政府性基金预算拨款安排的支出，…为空表").
     */
    private boolean emptyNote(String sec, String h) {
        String words = emptyWords.computeIfAbsent(sec, x -> block(x, b -> !b.emptyKey().isEmpty())
                .flatMap(b -> MoneyCells.template(profile, ref.sources(), b.table()))
                .map(t -> t.emptyNote() == null ? "" : t.emptyNote())
                .map(n -> half(squash(n.substring(n.lastIndexOf('}') + 1))).replaceFirst("。$", ""))
                .orElse(""));
        return !words.isEmpty() && squash(h).contains(words);
    }

    private Optional<TextOutline.Block> block(String sec, java.util.function.Predicate<TextOutline.Block> p) {
        for (TextOutline.Section s : profile.text().outline().sections()) {
            if (!s.number().equals(sec)) continue;
            for (TextOutline.Block b : s.blocks()) if (p.test(b)) return Optional.of(b);
        }
        return Optional.empty();
    }

    /**
     * Sentences whose items' changes are clauses of one sentence (a sentence block with {@code clauses}; the Xinjiang
     * outline's 十): the clause before the first item states the total (the first amount of the sentences), each clause
     * that starts with an item's words (after , ; : or the paragraph's start) that item's amount and change — an item
     * any amount or clause of the sentences states, or a subtotal of them the dictionary declares (公务用车购置及运行费).
     */
    private void clauses(String sec, String part, String p, String h, List<TextOutline.Block> blocks) {
        TextOutline.Stated total = null;
        List<String> keys = new ArrayList<>(), measures = new ArrayList<>();
        for (TextOutline.Block b : blocks) {
            if (!b.kind().equals("sentence")) continue;
            List<TextOutline.Item> items = new ArrayList<>();
            for (TextOutline.Stated a : b.amounts()) items.add(new TextOutline.Item(a.key(), a.measure(), a.subject(), "", "", null, null));
            if (b.clauses() != null) items.addAll(b.clauses().items());
            for (TextOutline.Item i : items) {
                if (total == null) total = new TextOutline.Stated("", i.key(), i.measure(), i.label(), false, "");
                if (i.key().equals(total.key()) || keys.contains(i.key())) continue;
                keys.add(i.key());
                measures.add(i.measure());
            }
        }
        if (total == null) return;
        List<String> totalKeys = org.openbudget.core.measure.MeasureDictionary.keys(total.measure());
        String totalMeasure = totalKeys.isEmpty() ? total.key() : totalKeys.get(totalKeys.size() - 1);
        List<String[]> words = new ArrayList<>();
        for (String k : keys) for (String w : subjects().getOrDefault(k, List.of())) words.add(new String[]{k, half(w)});
        TextSubjects.subtotals(profile, measures, List.of(totalMeasure)).forEach((k, ws) -> {
            for (String w : ws) words.add(new String[]{k, half(w)});
        });
        words.sort(Comparator.comparingInt((String[] w) -> -w[1].length()));
        List<int[]> starts = new ArrayList<>(); // {pos, wordIndex}
        for (int i = 0; i < h.length(); i++) {
            int b = i - 1;
            while (b >= 0 && h.charAt(b) == ' ') b--;
            if (b >= 0 && ",;:".indexOf(h.charAt(b)) < 0) continue;
            for (int k = 0; k < words.size(); k++) {
                if (h.startsWith(words.get(k)[1], i)) {
                    starts.add(new int[]{i, k});
                    break;
                }
            }
        }
        int first = starts.isEmpty() ? h.length() : starts.get(0)[0];
        // the clause before the first item states the total, named as the dictionary of measures names it
        segment(sec, part, total.key(), profile.measures().find(totalMeasure).map(org.openbudget.core.measure.Measure::name).orElse(total.key()), p, h, 0, first);
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s)[0];
            int to = s + 1 < starts.size() ? starts.get(s + 1)[0] : h.length();
            String[] w = words.get(starts.get(s)[1]);
            segment(sec, part, w[0], p.substring(from, from + w[1].length()), p, h, from, to);
        }
    }

    private void segment(String sec, String part, String key, String subject, String p, String h, int from, int to) {
        String seg = h.substring(from, to);
        Matcher cm = change == null ? null : change.matcher(seg);
        Matcher am = amountMark.matcher(seg);
        boolean changed = cm != null && cm.find();
        if (am.find() && (!changed || am.start() < cm.start())) {
            add(sec, part, key, subject, FactKind.AMOUNT, num(am.group(1)), "", "", p);
        }
        if (changed) add(sec, part, key, subject, FactKind.CHANGE, num(cm.group(2)), cm.group(1), reasonAfter(p, seg, from, cm.end()), p);
        if (rate == null) return;
        Matcher rm = rate.matcher(seg);
        while (rm.find()) add(sec, part, key, subject, FactKind.RATE, num(rm.group(2)), rm.group(1), "", p);
    }

    /**
     * A carried-over block (the Xinjiang outline's 十一): the table's empty note; a numbered line, one project of the
     * table and its amount; else the amounts the block's sentence states, each keyed by its subject among the block's keys.
     */
    private void carry(String sec, String part, String p, String h, TextOutline.Block block) {
        if (emptyNote(sec, h)) {
            facts.add(new TextFact(sec, part, block.emptyKey(), "空表", FactKind.NAME, null, "", "", List.of(p.trim()), "", p));
            return;
        }
        Matcher item = marks.item(h);
        if (item != null) {
            Matcher m = amountMark.matcher(h);
            if (!m.find()) return;
            String name = p.substring(item.end(), m.start()).trim();
            add(sec, item.group(1) + ".", "carry.project", name, FactKind.AMOUNT, num(m.group(1)), "", "", p);
            return;
        }
        String prefix = keyPrefix(block.amounts().isEmpty() ? "" : block.amounts().get(0).key());
        if (prefix.isEmpty()) return;
        Named m = new Named(h, marks.amountAny);
        int at = 0;
        while (m.find(at)) {
            String subject = p.substring(m.start(1), m.end(1)).trim();
            String key = keyOf(prefix, subject);
            if (key != null) add(sec, part, key, subject, FactKind.AMOUNT, num(m.group(2)), "", "", p);
            else notes.add("第三部分" + sec + "：“" + subject + "”对应不到模板的任何项目");
            at = m.end();
        }
    }

    /**
     * The amounts a part's sentences state (the Xinjiang outline's 十二（一）, 运行经费): each after the words its pattern
     * prints before it (the block's first amount: the paragraph's first amount when those words are not printed), named
     * by its subject — the longest running term printed before it for {@code {running_label}}, the measure's name for
     * another placeholder — with the share, change, rates and reason it states when the outline says it states them.
     * A paragraph is one sentence: the first block that finds its amount in it.
     */
    private void sentences(String sec, String part, String p, String h, List<TextOutline.Block> blocks) {
        for (TextOutline.Block b : blocks) {
            if (!b.kind().equals("sentence") || b.amounts().isEmpty()) continue;
            boolean found = false;
            for (TextOutline.Stated a : b.amounts()) {
                if (a.var().isEmpty()) continue;
                String anchor = words.before(b.sentence(), a.var());
                int at = anchor.isEmpty() ? -1 : h.indexOf(anchor);
                if (at < 0 && (found || a != b.amounts().get(0))) continue;
                Matcher am = amountMark.matcher(h);
                if (!am.find(Math.max(0, at))) continue;
                found = true;
                String subject = subject(a, h.substring(0, am.start()));
                add(sec, part, a.key(), subject, FactKind.AMOUNT, num(am.group(1)), "", "", p);
                if (a.change() || b.change() || !b.shareOf().isEmpty()) changes(sec, part, a.key(), subject, p, h, am.end());
            }
            if (found) return;
        }
    }

    /** How a stated amount is named: its subject as the outline writes it, or the running term or measure a placeholder stands for. */
    private String subject(TextOutline.Stated a, String before) {
        if (!a.subject().contains("{")) return a.subject();
        String term = "";
        if (a.subject().contains("{running_label}")) {
            for (String t : List.of(rules.runningTermAdmin(), rules.runningTermInstitution())) {
                if (before.contains(t) && t.length() > term.length()) term = t;
            }
        }
        if (!term.isEmpty()) return term;
        // the dictionary's name of the fact's key (running: 机关运行经费), else of the measure stated
        List<String> keys = org.openbudget.core.measure.MeasureDictionary.keys(a.measure());
        String m = profile.measures().find(a.key()).isPresent() || keys.isEmpty() ? a.key() : keys.get(keys.size() - 1);
        return profile.measures().find(m).map(org.openbudget.core.measure.Measure::name).orElse(a.key());
    }

    /**
     * A narrative block ({@code procurement}, {@code assets}, {@code performance}, {@code other_matters}; a 决算's
     * {@code three_public}, {@code evaluation}): what its
     * sentences state, read by its patterns (core/text/NarrativeStatements); a clause that starts with the unit's name is
     * read after the name the document's recognition found.
     */
    private void narrative(String sec, String part, String p, String h, TextOutline.Block b) {
        NarrativeStatements n = statements.computeIfAbsent(b, x -> template.statements(profile, kind.label(), x));
        String head = opened != null && opened[0].equals(sec + part) ? opened[1] : null;
        opened = endsWithColon(h) ? new String[]{sec + part, p} : null;
        if (head == null) {
            facts.addAll(n.read(sec, part, p, p, unit));
            return;
        }
        // the sentence before ended at its "其中：" (a paragraph of its own): its clauses go on here
        java.util.Set<String> before = new java.util.HashSet<>();
        for (TextFact f : n.read(sec, part, head, head, unit)) before.add(f.key() + "/" + f.kind());
        for (TextFact f : n.read(sec, part, head + p, p, unit)) if (!before.contains(f.key() + "/" + f.kind())) facts.add(f);
    }

    /** The section, part and text of the narrative paragraph before when it ended at a colon (its sentence goes on); else null. */
    private String[] opened;

    private static boolean endsWithColon(String h) {
        String t = h.stripTrailing();
        return !t.isEmpty() && (t.charAt(t.length() - 1) == ':' || t.charAt(t.length() - 1) == '：');
    }

    /** Each narrative block's statements, compiled on first use. */
    private final Map<TextOutline.Block, NarrativeStatements> statements = new java.util.IdentityHashMap<>();

    // ------------------------------------------------------------------ helpers

    /** Whether a table is a classification table of the functional classification under this profile. */
    static boolean functional(TemplateProfile profile, DisclosureTable t) {
        return ClassNames.functional(profile, t);
    }

    /** How a note names a table of the document: its mark (表5), else its title. */
    static String tableName(DisclosureTable t) {
        return t.mark().isBlank() ? "《" + t.title() + "》" : t.mark();
    }

    /** How a note names the document's table an outline block reads (its mark, else its title); "表" when it has none. */
    private String tableName(TextOutline.TableRef ref) {
        if (ref == null) return "表";
        org.openbudget.core.disclosure.Disclosure d = new org.openbudget.core.disclosure.Disclosure(unit, kind, ref(), profile.id(), tables, "");
        return MoneyCells.table(d, profile, this.ref.sources(), ref).map(TextFactReader::tableName).orElse("表");
    }

    private int ref() {
        return ref.year();
    }

    private void add(String sec, String part, String key, String subject, FactKind kind, BigDecimal value,
                     String word, String reason, String sentence) {
        facts.add(new TextFact(sec, part, key, subject, kind, value, word, reason, List.of(), "", sentence.trim()));
    }

    private static String numeral(String n) {
        return n.startsWith("一十") ? n.substring(1) : n;
    }

    static BigDecimal num(String s) {
        return new BigDecimal(s.replace(",", ""));
    }

    private static String shortly(String p) {
        return p.length() > 40 ? p.substring(0, 40) + "…" : p;
    }

    private static String squashed(List<String> lines, String[] squashed, int n) {
        String s = squashed[n];
        if (s == null) squashed[n] = s = squash(lines.get(n));
        return s;
    }

    /** No whitespace at all. */
    static String squash(String s) {
        // lines are read many times over: a line without a space is returned as it is (the spaces all lie at or below U+3000)
        int i = 0;
        while (i < s.length() && !blank(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!blank(c)) b.append(c);
        }
        return b.toString();
    }

    /** Whitespace, the no-break and the ideographic space. */
    private static boolean blank(char c) {
        return c <= '\u3000' && (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000');
    }

    /**
     * Full-width digits, letters and ASCII punctuation to half width, and 、 kept: one character for
     * one, so that positions in the result are positions in the original.
     */
    static String half(String s) {
        return org.openbudget.core.text.Numbering.half(s);
    }

    /** For comparing names: half width, no whitespace, no quotes. */
    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            else if (c == '\u3000') c = ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '"' || c == '“' || c == '”' || c == '‘' || c == '’' || c == '「' || c == '」') continue;
            b.append(c);
        }
        return b.toString();
    }
}
