package org.openbudget.audit.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.profile.TextStatements;
import org.openbudget.core.text.StatementPatterns;

/**
 * What a published 决算's text (情况说明) states that the 决算 text checks verify ({@code core/check/FinalTextChecks},
 * fact keys in docs/final-accounts-audit.md): the year and the unit its part headings and dates name, the totals of
 * sections 一 and 四, and each "年初预算为A万元，支出决算为B万元" with the 完成年初预算的X% and the 大于/小于/等于/持平 it
 * states, the changes on the year before, the shares. The words are the recognised profile's ({@code text.statements},
 * compiled once per template: {@link StatementPatterns}; their fact keys too) — none is written here; what they do not
 * recognise is left unread (nothing is guessed). Each fact's sentence starts at the line it was read from, so that a
 * finding points at that line and page.
 */
final class FinalTextReader {
    private FinalTextReader() {}

    /** A heading of the 说明: "五、…", "（一）…". */
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)");
    /** An item of a list: "4、…". */
    private static final Pattern ITEM = Pattern.compile("^\\d{1,2}、");
    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十]{1,3})、");
    /** Two full stops, not the three of a placeholder's ellipsis (the blank template's "。。。"). */
    private static final Pattern DOUBLE_STOP = Pattern.compile("(?<!。)。。(?!。)");

    /**
     * Line {@code i} (squeezed) with the full stops of a cell wrapped around it: a line of full stops only is the rest of
     * the line above's last full stops, or of its own (the blank template's placeholder "。。。" in a cell too narrow,
     * pdftotext's "4    。" over "      。。": no doubled full stop).
     */
    private static String withWrappedStops(List<String> lines, int i) {
        String l = lines.get(i);
        if (i + 1 < lines.size() && onlyStops(lines.get(i + 1)) && l.endsWith("。")) l += lines.get(i + 1);
        if (i > 0 && onlyStops(l)) {
            String above = lines.get(i - 1);
            int k = above.length();
            while (k > 0 && above.charAt(k - 1) == '。') k--;
            l = above.substring(k) + l;
        }
        return l;
    }

    private static boolean onlyStops(String l) {
        return !l.isEmpty() && l.chars().allMatch(c -> c == '。');
    }
    /** A 类 with its amount and share: "社会保障和就业支出（类）326.72万元，占11.11%" (the profile's class_share after the mark). */
    private static final String CLASS_MARK = org.openbudget.core.text.Numbering.LEVEL_MARKS.get(0);
    /** What ends a 类's name read backwards from its "（类）" (besides a digit: "1." of a numbered line). */
    private static final String NOT_NAME = "，。；：、（）.．";

    /**
     * The amount a change is about: the last amount in its own sentence before it, else in the sentence before (in the
     * same section); null when neither states one.
     */
    static String current(String body, int at, List<String> sectionAt, Pattern amount) {
        int own = body.lastIndexOf('。', at - 1);
        int before = own < 0 ? -1 : body.lastIndexOf('。', own - 1);
        String section = sectionAt.get(Math.max(0, at - 1));
        for (int start : new int[] {own + 1, before + 1}) {
            if (start < 0 || start > at) continue;
            // within the section (the sentence before may be its heading's or another section's)
            while (start < at && !sectionAt.get(start).equals(section)) start++;
            String last = null;
            for (Matcher m = amount.matcher(body).region(start, at); m.find(); ) last = m.group(1);
            if (last != null) return last.replace(",", "");
        }
        return null;
    }

    /**
     * The part headings that name the unit and the year: the profile's statement (第N部分…20xx年度部门决算表) and its own
     * parts (text.parts), each with groups year and unit.
     */
    private static List<Pattern> parts(TextTemplate t, StatementPatterns.Compiled heading) {
        List<Pattern> out = new ArrayList<>();
        if (heading != null) out.add(heading.pattern());
        out.addAll(t.parts().naming());
        return out;
    }

    /**
     * The text's facts; {@code t} is the recognised 决算 profile's text: what it states anywhere in 第三部分 (its
     * {@code statements}, compiled once per template: {@link StatementPatterns}), its direction words.
     */
    static DocumentText read(List<String> printed, TextTemplate t) {
        // (a line pdftotext printed above the line it continues put back under it)
        List<String> raw = RaisedLines.inOrder(printed, l -> HEADING.matcher(l).find() || ITEM.matcher(l).find());
        StatementPatterns st = StatementPatterns.of(t);
        TextStatements declared = st.statements();
        List<String> lines = new ArrayList<>(raw.size());
        for (String l : raw) lines.add(l.replace('\t', ' ').replaceAll("[\\s\u3000]+", ""));
        List<TextFact> facts = new ArrayList<>();
        int n = 0;
        String heading = declared.headingKey();
        List<Pattern> parts = parts(t, st.heading());
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            for (Pattern part : parts) {
                Matcher p = part.matcher(l);
                if (!p.matches()) continue;
                String sentence = raw.get(i).replace('\t', ' ').trim();
                facts.add(name(heading + ".year." + (++n), p.group("year"), sentence, i));
                facts.add(name(heading + ".unit." + n, p.group("unit"), sentence, i));
                break;
            }
        }
        // a doubled full stop anywhere in the text after the 目录 (a slip of editing)
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            // (no more than the line's own: a line of stops after a sentence's full stop is no slip of its own)
            if (DOUBLE_STOP.matcher(lines.get(i)).find() && DOUBLE_STOP.matcher(withWrappedStops(lines, i)).find()) {
                facts.add(new TextFact(TEXT, "", "text.double-stop." + (++seen), "标点", FactKind.NAME, null, "", "", List.of("。。"),
                        source(i), raw.get(i).replace('\t', ' ').trim()));
            }
        }
        // the explanation: from the last 第三部分 heading (the 目录 lists it first) to 第四部分 or the end
        int from = -1, to = lines.size();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(t.parts().explanationMark())) from = i;
        if (from < 0) return text(facts);
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(t.parts().glossaryMark())) {
                to = i;
                break;
            }
        }
        StringBuilder all = new StringBuilder();
        List<Integer> lineAt = new ArrayList<>();
        List<Integer> lineStart = new ArrayList<>();
        List<String> sectionAt = new ArrayList<>();
        String section = "";
        // where a heading line ends in the body (a share's subject is not read back over it)
        java.util.BitSet headingEnds = new java.util.BitSet();
        for (int i = from + 1; i < to; i++) {
            String l = lines.get(i);
            Matcher s = SECTION.matcher(l);
            if (s.find() && l.length() < 40) section = s.group(1);
            lineStart.add(all.length());
            for (int k = 0; k < l.length(); k++) {
                lineAt.add(i);
                sectionAt.add(section);
            }
            all.append(l);
            if (l.length() < 40 && l.indexOf('。') < 0 && HEADING.matcher(l).find()) headingEnds.set(all.length());
        }
        String body = all.toString();
        int k = 0;
        // each total the profile declares ("收入支出总计2995.39万元"), in its order
        for (StatementPatterns.Compiled total : st.totals()) {
            TextStatements.Statement d = total.statement();
            for (Matcher m = total.pattern().matcher(body); m.find(); ) {
                facts.add(amount(d.key() + "." + (++k), sectionAt.get(m.start()), d.subject(), total.group(m, "amount"), "", List.of(),
                        evidence(body, lineStart, lineAt, from, m), lineAt.get(m.start())));
            }
        }
        StatementPatterns.Compiled vs = st.against();
        List<int[]> spans = new ArrayList<>();
        if (vs != null) for (Matcher m = vs.pattern().matcher(body); m.find(); ) spans.add(new int[] {m.start(), m.end()});
        int v = 0;
        TextStatements.Against against = declared.against();
        for (Matcher m = vs == null ? null : vs.pattern().matcher(body); m != null && m.find(); v++) {
            String direction = vs.group(m, "direction"), level = vs.group(m, "level");
            String word = direction != null ? direction : level != null ? level : "";
            String adjustedWord = against.adjusted().word();
            boolean initial = vs.group(m, "basis").equals(against.initial().word());
            String budget = vs.group(m, "budget").replace(",", ""), adjusted = vs.group(m, "adjusted");
            String y0 = initial ? budget : null;
            String yAll = initial ? (adjusted == null ? null : adjusted.replace(",", "")) : budget;
            String rate = vs.group(m, "rate");
            // the budget a rate and a word are of: the one they name, else the 年初预算 for the rate and the 全年预算 for the word
            String rk = vs.group(m, "rate_basis"), wk = vs.group(m, "direction_basis");
            boolean rateOfAll = yAll != null && (adjustedWord.equals(rk) || y0 == null);
            boolean wordOfAll = yAll != null && (adjustedWord.equals(wk) || wk == null && (y0 == null || !word.isEmpty()));
            int prevEnd = v > 0 ? spans.get(v - 1)[1] : 0;
            int nextStart = v + 1 < spans.size() ? spans.get(v + 1)[0] : body.length();
            // (not read back over a heading: 普陀财政局's text prints a sentence's end above its line, "…住房保障支出（类）445.69万元，占"
            // then "（三）一般公共预算财政拨款支出决算具体情况" — the statement after the heading is the section's, not 住房保障's)
            String subject = subject(body, m.start(), Math.max(prevEnd, Math.max(0, headingEnds.previousSetBit(m.start()))));
            String reason = reason(body, m.end(), nextStart, st.reason());
            int line = lineAt.get(m.start());
            String sentence = evidence(body, lineStart, lineAt, from, m);
            String spent = vs.group(m, "amount");
            if (y0 != null) {
                List<String> items = new ArrayList<>(List.of(y0));
                if (rate != null && !rateOfAll) items.add(rate);
                facts.add(withReason(amount(against.initial().key() + "." + (++k), sectionAt.get(m.start()), subject, spent, wordOfAll ? "" : word, items,
                        sentence, line), reason));
            }
            if (yAll != null) {
                List<String> items = new ArrayList<>(List.of(yAll));
                if (rate != null && rateOfAll) items.add(rate);
                facts.add(withReason(amount(against.adjusted().key() + "." + (++k), sectionAt.get(m.start()), subject, spent, wordOfAll ? word : "", items,
                        sentence, line), reason));
            }
        }
        // what the text states against the year before: "与2023年度相比，收入支出总计减少56.95万元，下降1.87%" after the amount it
        // is about ("收入支出总计2995.39万元。"), "比2023年度增加2.55万元，增长1.40%" within its clause — held to that amount
        if (st.change() != null) {
            TextStatements.Statement d = declared.change();
            for (Matcher m = st.change().matcher(TextFactReader.half(body)); m.find(); ) {
                String now = current(body, m.start(), sectionAt, st.amount());
                if (now == null) continue;
                // items: the change, the rate, the rate's word (增长/下降)
                List<String> items = List.of(m.group(3).replace(",", ""), m.group(5).replace(",", ""), m.group(4));
                String subject = body.substring(m.start(1), m.end(1));
                facts.add(amount(d.key() + "." + (++k), sectionAt.get(m.start()), subject.isEmpty() ? d.subject() : subject, now, m.group(2),
                        items, evidence(body, lineStart, lineAt, from, m), lineAt.get(m.start())));
            }
        }
        // the 类 of a structure sentence: "一般公共服务支出（类）2106.66万元，占71.73%" (found by its "（类）", its name read
        // backwards to the punctuation before it: linear on any line)
        StatementPatterns.Compiled classShare = st.classShare();
        Matcher share = classShare == null ? null : classShare.pattern().matcher(body);
        for (int at = share == null ? -1 : body.indexOf(CLASS_MARK); at >= 0; at = body.indexOf(CLASS_MARK, at + 1)) {
            int start = at;
            while (start > 0 && at - start < 30 && NOT_NAME.indexOf(body.charAt(start - 1)) < 0 && !Character.isDigit(body.charAt(start - 1))) start--;
            if (at - start < 2) continue;
            share.region(at + CLASS_MARK.length(), body.length());
            if (!share.lookingAt()) continue;
            int end = share.end();
            facts.add(amount(classShare.statement().key() + "." + (++k), sectionAt.get(start), body.substring(start, at) + CLASS_MARK,
                    classShare.group(share, "amount"), "", List.of(classShare.group(share, "share")),
                    evidence(body, lineStart, lineAt, from, start, end), lineAt.get(start)));
        }
        // every share the text states: "{label}{amount}万元，占{R}%" (二 三 五's lines, 五's 类, "占本年支出合计的R%"), its
        // subject the words before the amount back to the punctuation before them; the whole it is of is the outline's
        // (FT.share)
        StatementPatterns.Compiled shares = st.share();
        for (Matcher m = shares == null ? null : shares.pattern().matcher(body); m != null && m.find(); ) {
            int start = m.start();
            while (start > 0 && m.start() - start < 40 && "，。；：".indexOf(body.charAt(start - 1)) < 0 && !headingEnds.get(start)) start--;
            String subject = body.substring(start, m.start()).replaceFirst("^(?:[0-9]{1,3}[、.．]|（[0-9一二三四五六七八九十]{1,3}）)", "");
            if (subject.isEmpty()) continue;
            facts.add(new TextFact(sectionAt.get(m.start()), "", shares.statement().key() + "." + (++k), subject, FactKind.SHARE,
                    new BigDecimal(shares.group(m, "share").replace(",", "")), "", "", List.of(shares.group(m, "amount").replace(",", "")),
                    source(lineAt.get(start)), evidence(body, lineStart, lineAt, from, start, m.end())));
        }
        StatementPatterns.Compiled asOf = st.asOf();
        for (Matcher m = asOf == null ? null : asOf.pattern().matcher(body); m != null && m.find(); ) {
            facts.add(new TextFact(sectionAt.get(m.start()), "", asOf.statement().key() + "." + (++k), "截至日期", FactKind.NAME, null, "", "",
                    List.of(asOf.group(m, "year")), source(lineAt.get(m.start())), evidence(body, lineStart, lineAt, from, m)));
        }
        return text(facts);
    }

    private static DocumentText text(List<TextFact> facts) {
        return new DocumentText(Overview.EMPTY, List.of(), facts, List.of(), List.of(), "", "");
    }

    /** The section of heading facts (a part heading is in no section of 第三部分). */
    static final String HEADINGS = "标题";
    /** The section of facts anywhere in the text (punctuation). */
    static final String TEXT = "文字";

    private static TextFact name(String key, String value, String sentence, int line) {
        return new TextFact(HEADINGS, "", key, "标题", FactKind.NAME, null, "", "", List.of(value), source(line), sentence);
    }

    /** A fact's source as the reader records it: the 1-based line it was read from ({@code Evidence} points there). */
    static String source(int index) {
        return SOURCE_LINE + (index + 1);
    }

    static final String SOURCE_LINE = "line:";

    /**
     * An amount (value 决算数 for a vs-budget fact, with the 年初预算数 and the stated 完成率 as items, the comparison
     * word as its word).
     */
    private static TextFact amount(String key, String section, String subject, String value, String word, List<String> items, String sentence, int line) {
        return new TextFact(section, "", key, subject, FactKind.AMOUNT, new BigDecimal(value.replace(",", "")), word, "", items, source(line), sentence);
    }

    /** The marks an item heading ends with (its 项, 款 or 类: "1、一般公共服务支出（类）财政事务（款）行政运行（项）"). */
    private static final List<String> ITEM_ENDS = org.openbudget.core.text.Numbering.LEVEL_MARKS;

    /**
     * What a "年初预算为…" statement is about: the words before it in its clause ("一般公共预算财政拨款支出",
     * "“三公”经费财政拨款支出"), else the item heading above it ("1、一般公共服务支出（类）财政事务（款）行政运行（项）"),
     * after the previous statement (or the section's heading: {@code prevEnd}); "年初预算与决算" when neither is there.
     */
    static String subject(String body, int at, int prevEnd) {
        int clause = Math.max(Math.max(body.lastIndexOf('。', at - 1), body.lastIndexOf('：', at - 1)), body.lastIndexOf('；', at - 1)) + 1;
        clause = Math.max(clause, prevEnd);
        String before = body.substring(clause, at);
        if (before.length() >= 2) return before.length() > 60 ? before.substring(before.length() - 60) : before;
        int from = Math.max(prevEnd, at - 300), heading = -1;
        for (String end : ITEM_ENDS) {
            int i = body.lastIndexOf(end, at - 1);
            if (i >= from) heading = Math.max(heading, i + end.length());
        }
        if (heading < 0) return "年初预算与决算";
        int start = Math.max(Math.max(body.lastIndexOf('。', heading - 1), body.lastIndexOf('：', heading - 1)) + 1, from);
        return body.substring(start, heading);
    }

    /** The reason the text gives after a statement, before the next one ("…的主要原因：人员进出及退休变化…"), "" when none. */
    static String reason(String body, int from, int to, StatementPatterns.Compiled reason) {
        if (reason == null) return "";
        int end = Math.min(to, Math.min(body.length(), from + 400));
        Matcher r = reason.pattern().matcher(body).region(from, end);
        return r.find() ? reason.group(r, "reason") : "";
    }

    private static TextFact withReason(TextFact f, String reason) {
        if (reason.isEmpty()) return f;
        return new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), f.word(), reason, f.items(), f.source(), f.sentence());
    }

    /** The matched words from the start of the line they begin on (so the finding finds its line and page). */
    private static String evidence(String body, List<Integer> lineStart, List<Integer> lineAt, int from, Matcher m) {
        return evidence(body, lineStart, lineAt, from, m.start(), m.end());
    }

    private static String evidence(String body, List<Integer> lineStart, List<Integer> lineAt, int from, int startAt, int end) {
        int line = lineAt.get(startAt) - from - 1;
        int start = lineStart.get(line);
        return body.substring(start, end);
    }
}
