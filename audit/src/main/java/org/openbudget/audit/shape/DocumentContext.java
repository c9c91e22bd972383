package org.openbudget.audit.shape;

import static org.openbudget.audit.shape.Cells.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * What the tables of one document tell the reading of the others: the funding sources it has money of
 * (the income rows of its first summary), the units it names, and the economic classes its projects'
 * texts name — a plain text's row, whose blank cells leave no trace, puts its amounts only where they can be.
 */
final class DocumentContext {
    final TemplateProfile profile;
    final ReferenceData ref;
    final List<String> lines;
    /** Funding sources (bits over the year's sources) with money on an income row of the first summary read; -1 before. */
    long sourcesInUse = -1;
    /** Unit names seen on unit rows, the document's own first. */
    final java.util.Set<String> units = new java.util.LinkedHashSet<>();
    private java.util.Set<String> projectEco;
    /** The marks the profile's part headings start with (第三部分 …): where a part starts, the tables are over. */
    final List<String> partMarks;
    /** Whether the last table whose own lines say how they are laid out is plain (null before one does). */
    Boolean plainTables;

    DocumentContext(TemplateProfile profile, ReferenceData ref, List<String> lines, String unit) {
        this.profile = profile;
        this.partMarks = profile.text().parts().marks();
        this.ref = ref;
        this.lines = lines;
        units.add(unit);
    }

    private Map<String, List<String>> printedFunctional, printedEconomic;

    /**
     * Name → the codes the document prints beside it (a cell of 3, 5 or 7 digits then the name's cell, or
     * "2080104 综合业务管理" in one), functional (2xx) or economic (3xx, 5xx) codes: what a table of names
     * only means by a name the shipped classification does not list.
     */
    Map<String, List<String>> printedCodes(boolean economic) {
        if (printedFunctional == null) {
            printedFunctional = new HashMap<>();
            printedEconomic = new HashMap<>();
            for (String line : lines) {
                if (line.length() > 600) continue;
                codesAndNames(line, (code, name) -> {
                    String sq = squeeze(stripNumbering(name));
                    if (sq.isEmpty()) return;
                    Map<String, List<String>> into = code.charAt(0) == '2' ? printedFunctional
                            : code.charAt(0) == '3' || code.charAt(0) == '5' ? printedEconomic : null;
                    if (into == null) return;
                    List<String> codes = into.computeIfAbsent(sq, x -> new ArrayList<>());
                    if (!codes.contains(code)) codes.add(code);
                });
            }
        }
        return economic ? printedEconomic : printedFunctional;
    }

    /**
     * Each code of a line (a cell of its own, or before the name in one: a run of exactly 3, 5 or 7 ASCII digits not
     * part of an amount) then its name, up to the next cell (a tab, or two spaces in a text laid out by spaces) —
     * the expression {@code (?<![\\d,.])(\\d{3}|\\d{5}|\\d{7})[\\t ]++(\\p{IsHan}[^\\t]*?)(?=\\t| {2}|$)}, scanned by hand: the
     * document's every line is searched once, and the expression's look-behind at each character was a tenth of a
     * text's audit.
     */
    static void codesAndNames(String line, java.util.function.BiConsumer<String, String> each) {
        int n = line.length(), i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
            int len = i - start;
            if (len != 3 && len != 5 && len != 7) continue;
            if (start > 0) {
                char b = line.charAt(start - 1);
                if (b == ',' || b == '.') continue;
            }
            int h = i;
            while (h < n && (line.charAt(h) == '\t' || line.charAt(h) == ' ')) h++;
            if (h == i || h == n || Character.UnicodeScript.of(line.codePointAt(h)) != Character.UnicodeScript.HAN) continue;
            int end = h + Character.charCount(line.codePointAt(h));
            while (end < n && line.charAt(end) != '\t' && !(line.charAt(end) == ' ' && end + 1 < n && line.charAt(end + 1) == ' ')) end++;
            each.accept(line.substring(start, i), line.substring(h, end));
            i = end;
        }
    }

    void learn(TableTemplate t, DisclosureTable read) {
        for (Row r : read.rows()) if (r.kind() == RowKind.UNIT && !r.unit().isBlank()) units.add(r.unit());
        if (sourcesInUse >= 0 || t.shape() == null || t.shape().kind() != TableShape.Kind.SUMMARY || t.incomeRows().isEmpty()) return;
        Map<String, LineSpec> specs = new HashMap<>();
        for (LineSpec s : t.incomeRows()) specs.put(s.key(), s);
        long used = 0;
        for (Row r : read.rows()) {
            LineSpec s = specs.get(r.key());
            if (r.side() != Side.INCOME || r.kind() != RowKind.LINE || s == null || !s.sumOf().isEmpty()) continue;
            if (r.value(0) == null || r.value(0).signum() == 0) continue;
            for (var term : org.openbudget.core.profile.MoneyCells.key(org.openbudget.core.profile.Bindings.row(s, profile.measures()), ref.sources())) {
                used |= term.sources();
            }
        }
        if (used != 0) sourcesInUse = used;
    }

    /** The 经济分类 类 codes the projects' texts name after the template's words (资金分配情况…); empty when none. */
    java.util.Set<String> projectEco() {
        if (projectEco != null) return projectEco;
        projectEco = new java.util.HashSet<>();
        String words = profile.rules().projectItems();
        if (words.isEmpty()) return projectEco;
        List<org.openbudget.core.classification.ClassItem> items = ref.economic().items();
        for (String l : lines) {
            if (!l.contains(words)) continue;
            String sq = plainName(l);
            for (var c : items) if (c.code().length() == 5 && sq.contains(plainName(c.name()))) projectEco.add(c.code().substring(0, 3));
        }
        return projectEco;
    }

    private static String plainName(String s) {
        return squeeze(s).replace('（', '(').replace('）', ')');
    }
}
