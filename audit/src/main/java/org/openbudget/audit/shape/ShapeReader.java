package org.openbudget.audit.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

import static org.openbudget.audit.shape.Cells.*;
import static org.openbudget.audit.shape.Titles.*;

/**
 * Reads a published document's tables back by the profile's shapes — the reading counterpart of the
 * generic derivation, for any template expressed as a profile. Works on lines of text: the tab layout
 * (cells separated by tabs, as PdfLayout rebuilds ruled tables) or the plain layout (cells separated
 * by runs of spaces, as pdftotext -layout prints them).
 *
 * <p>Each table is found by its title ({@link Titles}: the profile's, with the unit's name and the year
 * wherever the template puts them, or one of its aliases) on a line followed, within a few lines, by its
 * unit line or header; the lines up to the next table's title are read by a {@link TableReader} under the
 * table's shape, with what the document's other tables tell ({@link DocumentContext}). Amounts are read
 * in the profile's unit and kept in 万元, as a derived Disclosure keeps them.
 */
public final class ShapeReader {
    private ShapeReader() {}

    /**
     * The tables read (each row with its {@link org.openbudget.core.disclosure.Origin}), what could not be read (in Chinese),
     * and the 0-based line of the first table found (its mark, or its title; −1 when none): the text before it is the document's opening part.
     */
    public record Result(List<DisclosureTable> tables, List<String> notes, int firstTable, Map<Integer, Integer> places) {
        public Result(List<DisclosureTable> tables, List<String> notes) {
            this(tables, notes, -1);
        }

        public Result(List<DisclosureTable> tables, List<String> notes, int firstTable) {
            this(tables, notes, firstTable, Map.of());
        }

        /**
         * Where each table of the template is, by its number: the 1-based line of its title; for a table not found, the
         * last line of the table the template lists before it that was found (where it would have been printed).
         */
        public Result {
            places = Map.copyOf(places);
        }
    }

    public static Result read(List<String> lines, TemplateProfile profile, ReferenceData ref, String unit, AgencyKind kind, int year) {
        return read(lines, SourceLines.text(lines.size()), profile, ref, unit, kind, year);
    }

    /** As above, each row read with where it is ({@code source}: a PDF's pages and boxes, or a text's lines). */
    public static Result read(List<String> lines, SourceLines source, TemplateProfile profile, ReferenceData ref, String unit, AgencyKind kind, int year) {
        return read(lines, null, source, profile, ref, unit, kind, year);
    }

    /** As above, with each line {@link Cells#squeeze squeezed} already (the recognition squeezed them; null: squeezed here). */
    public static Result read(List<String> lines, List<String> squeezedLines, SourceLines source, TemplateProfile profile, ReferenceData ref,
                              String unit, AgencyKind kind, int year) {
        List<String> notes = new ArrayList<>();
        List<String> squeezed = squeezedLines != null && squeezedLines.size() == lines.size() ? squeezedLines : squeezedAll(lines);
        String kindLabel = kind.label();
        List<TableTemplate> templates = new ArrayList<>(profile.tables().values());
        int[] start = new int[templates.size()];
        // the title each table is printed under when it is one of its aliases (上海's 部门 document: 部门收入预算总表)
        String[] printedAs = new String[templates.size()];
        int from = 0;
        List<List<String>> titles = new ArrayList<>();
        for (TableTemplate t : templates) titles.add(title(t.title(), kindLabel, unit, year));
        // every title a table is printed under (its aliases too): a line holding a longer one is that table's
        List<List<String>> printedTitles = new ArrayList<>(titles);
        for (TableTemplate t : templates) for (String a : t.aliases()) printedTitles.add(title(a, kindLabel, unit, year));
        for (int i = 0; i < templates.size(); i++) {
            TableTemplate t = templates.get(i);
            List<List<String>> longer = longer(printedTitles, titles.get(i));
            start[i] = find(squeezed, from, titles.get(i), longer);
            // the title as another kind of document prints it (上海: 预算单位收入预算总表 / 部门收入预算总表)
            for (int a = 0; start[i] < 0 && a < t.aliases().size(); a++) {
                start[i] = find(squeezed, from, title(t.aliases().get(a), kindLabel, unit, year), longer);
                if (start[i] >= 0) printedAs[i] = t.aliases().get(a);
            }
            // its qualifier in brackets worded otherwise or cut at the line's end (西安 2022: "（按功能科目分）", 2021:
            // "（按支出功能分类科"): the title before it, then the qualifier's key word (功能, 经济)
            if (start[i] < 0) {
                List<String> loose = qualifierLoose(t.title(), kindLabel, unit, year);
                if (loose != null) start[i] = find(squeezed, from, loose, longer);
            }
            // (or wrapped inside it, before its key word is whole: "…明细表（按支出功" / "能分类科目-不含上年结转）")
            if (start[i] < 0) start[i] = findWrapped(squeezed, from, t.title(), kindLabel, unit, year, longer, java.util.Set.of());
            if (start[i] >= 0) from = start[i] + 1;
        }
        // a table is found by its title wherever it is printed: one the profile lists earlier printed after the next
        // (西安 2022 决算: its 三公 table after the 国有资本 one), or its title extended by what the table also holds
        // ("财政拨款“三公”经费及会议费、培训费支出决算表"): the whole document, at a line no other table starts at
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int s : start) if (s >= 0) taken.add(s);
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] >= 0) continue;
            TableTemplate t = templates.get(i);
            List<List<String>> names = new ArrayList<>();
            names.add(titles.get(i));
            for (String a : t.aliases()) names.add(title(a, kindLabel, unit, year));
            List<String> loose = qualifierLoose(t.title(), kindLabel, unit, year);
            if (loose != null) names.add(loose);
            List<List<String>> longer = longer(printedTitles, titles.get(i));
            for (int pass = 0; pass < 2 && start[i] < 0; pass++) {
                for (int k = 0; k < names.size(); k++) {
                    start[i] = find(squeezed, 0, names.get(k), longer, pass == 1, taken);
                    if (start[i] < 0) continue;
                    if (k >= 1 && k <= t.aliases().size()) printedAs[i] = t.aliases().get(k - 1);
                    break;
                }
            }
            // its title printed with one character left out (西安 2021's 表2: "2021年部综合预算收入总表", under its header):
            // the table is read there, the table before it ends there, and a note says how the title is printed
            if (start[i] < 0) {
                int misprinted = findMisprinted(squeezed, titles.get(i), longer, taken);
                if (misprinted >= 0) {
                    start[i] = misprinted;
                    notes.add(name(t, year) + "：标题印作“" + lines.get(misprinted).strip() + "”，与模板标题《"
                            + t.title(kindLabel).replace("{year}", String.valueOf(year)) + "》差一字，按此表读取");
                }
            }
            if (start[i] >= 0) taken.add(start[i]);
            else notes.add(name(t, year) + "（" + t.title(kindLabel).replace("{year}", String.valueOf(year)) + "）：文档中找不到");
        }
        List<DisclosureTable> out = new ArrayList<>();
        int first = -1;
        DocumentContext doc = new DocumentContext(profile, ref, lines, unit);
        Map<Integer, Integer> places = new HashMap<>();
        int[] ends = new int[templates.size()];
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] < 0) continue;
            // the table runs to the next table printed, whichever the profile lists it as
            int end = lines.size(), next = -1;
            for (int j = 0; j < templates.size(); j++) {
                if (start[j] > start[i] && start[j] < end) {
                    end = start[j];
                    next = j;
                }
            }
            ends[i] = end;
            if (next >= 0) {
                // the next table's mark on the line above its title ("表2") belongs to it
                String mark = squeeze(templates.get(next).mark());
                if (!mark.isEmpty() && end - 1 > start[i] && squeezed.get(end - 1).equals(mark)) end--;
            }
            TableTemplate t = templates.get(i);
            int at = start[i];
            if (at > 0 && !t.mark().isBlank() && squeezed.get(at - 1).equals(squeeze(t.mark()))) at--;
            if (first < 0 || at < first) first = at;
            BigDecimal scale = profile.amountFormat(t).yuan() ? BigDecimal.valueOf(10_000) : BigDecimal.ONE;
            TableReader table = new TableReader(t, profile, ref, scale, notes, kind == AgencyKind.DEPARTMENT, unit, year, source, doc);
            if (printedAs[i] != null) table.printedTitle = printedAs[i];
            table.repeated.add(squeezed.get(start[i]));
            table.repeated.add(squeeze(t.mark()));
            try {
                table.read(lines, squeezed, start[i] + 1, end);
                DisclosureTable read = table.result(kindLabel, unit, year);
                doc.learn(t, read);
                out.add(read);
            } catch (org.openbudget.io.guard.ReadGuard.Stop e) {
                throw e;
            } catch (RuntimeException e) {
                // one table this reader cannot make sense of is left out, the others still read
                String id = org.openbudget.io.guard.FailureLog.log(unit, name(t, year), e);
                notes.add(name(t, year) + "：无法读取（记录编号 " + id + "），略去此表");
            }
        }
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] >= 0) {
                places.put(templates.get(i).no(), start[i] + 1);
                continue;
            }
            // a table not printed: after the last line (not blank) of the table the template lists before it
            for (int j = i - 1; j >= 0; j--) {
                if (start[j] < 0) continue;
                int last = ends[j] - 1;
                while (last > start[j] && squeezed.get(last).isEmpty()) last--;
                places.put(templates.get(i).no(), last + 1);
                break;
            }
        }
        return new Result(out, notes, first, places);
    }

    /** How notes name a table: its mark, or its title with the document's year (上海 numbers its tables only in the 目录). */
    static String name(TableTemplate t, int year) {
        return t.mark().isBlank() ? "《" + t.title().replace("{year}", String.valueOf(year)) + "》" : t.mark();
    }
}
