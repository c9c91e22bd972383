package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.audit.shape.ShapeReader;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The start of the second road: the plain TEXT of a published disclosure document (as extracted
 * from its PDF) read back into a {@link Disclosure} — its tables, by the recognised profile's shapes
 * ({@link ShapeReader}, for every template), and its text: the default family's (第一部分's staffing,
 * 第三部分's facts, the performance tables) by {@link TextFactReader}, another template's by its outline
 * ({@link ShapedDocument}) — so that the same checks run on it as on a document derived from a ledger.
 *
 * <p>Two layouts are understood: tab-separated rows (optionally with {@code <b>} tags and markdown
 * headings, tables continued across pages with their headers repeated) and plain text with one row
 * per line, long names wrapped over several lines and blank cells invisible (their numbers are
 * placed by the table's arithmetic, see {@link ShapeReader}).
 *
 * <p>A document that is not a disclosure at all (no unit, no year, no profile, no table) is an
 * {@link InputException}; anything else gives an honest partial result plus notes, never an
 * exception.
 */
public final class PublishedTextReader {
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年\\s*(?:度\\s*)?(单位|部门)预算");

    /**
     * The Disclosure (each row read with its {@link org.openbudget.core.disclosure.Origin}: the line of
     * the text and, for a PDF, the page and boxes) and what the reader could not decide or read
     * (ambiguities, skipped lines).
     */
    public record Result(Disclosure disclosure, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }

        /** The 1-based line row {@code index} of table {@code no} was read from, 0 when unknown. */
        public int line(int no, int index) {
            return disclosure.table(no).filter(t -> index >= 0 && index < t.rows().size())
                    .map(t -> t.rows().get(index).origin()).map(o -> o.line()).orElse(0);
        }
    }

    private PublishedTextReader() {}

    private static boolean hasXinjiangLabel(List<String> lines) {
        for (String l : lines) if (l.contains("编制单位") || l.contains("编制部门")) return true;
        return false;
    }

    public static Disclosure read(String fileName, String text, ReferenceLibrary lib) {
        return readWithNotes(fileName, text, lib).disclosure();
    }

    public static Result readWithNotes(String fileName, String text, ReferenceLibrary lib) {
        return readWithNotes(fileName, text, lib, null);
    }

    /** As above, with where each line is ({@code source}: a PDF's pages and boxes; null: the text's own lines). */
    public static Result readWithNotes(String fileName, String text, ReferenceLibrary lib, SourceLines source) {
        List<String> notes = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (source == null) source = SourceLines.text(raw.length);
        List<String> lines = new ArrayList<>(raw.length);
        for (String l : raw) lines.add(clean(l));

        // what the document is, and under which template: by meaning (titles, labels, marks, amount unit)
        org.openbudget.audit.recognise.Recognizer.Recognition recognition = org.openbudget.audit.recognise.Recognizer.recognise(lines, lib);
        switch (recognition.kind()) {
            case NOT_A_DISCLOSURE -> throw new InputException(fileName, 1, "文档", recognition.reason());
            case FINAL_ACCOUNTS -> {
                // a 决算 is read by its profile's shapes (the text reader below knows the Xinjiang budget's layout only)
                List<String> cells = new ArrayList<>(raw.length);
                for (String l : raw) cells.add(keepTabs(l));
                return ShapedDocument.read(fileName, cells, source, lib, recognition, notes);
            }
            default -> { }
        }
        String defaultFamily = org.openbudget.io.workbook.WorkbookTemplate.DEFAULT_FAMILY;
        // the text reader below knows the default family's layout (编制单位：…); every other document is read by its profile's shapes
        // (a profile that extends the default family's, e.g. a region's copy of it, keeps its layout: it is read here too)
        boolean otherFamily = recognition.recognised() && !recognition.best().orElseThrow().family().equals(defaultFamily)
                && !lib.profile(recognition.best().orElseThrow().profileId()).meta().checkSets().contains("xinjiang");
        if (otherFamily || !hasXinjiangLabel(lines)) {
            // the shape reader keeps a row's trailing tabs: in the tab layout they are its blank last cells
            List<String> cells = new ArrayList<>(raw.length);
            for (String l : raw) cells.add(keepTabs(l));
            return ShapedDocument.read(fileName, cells, source, lib, recognition, notes);
        }

        // unit, kind
        String unit = null;
        AgencyKind kind = null;
        for (String l : lines) {
            String t = l.replace('\t', ' ').trim();
            int i = t.indexOf("编制单位：");
            int j = t.indexOf("编制部门：");
            if (i < 0) i = t.indexOf("编制单位:");
            if (j < 0) j = t.indexOf("编制部门:");
            if (i >= 0 || j >= 0) {
                kind = i >= 0 ? AgencyKind.UNIT : AgencyKind.DEPARTMENT;
                String rest = t.substring((i >= 0 ? i : j) + 5);
                int u = rest.indexOf("单位：");
                if (u < 0) u = rest.indexOf("单位:");
                unit = (u >= 0 ? rest.substring(0, u) : rest).trim();
                break;
            }
        }
        if (unit == null || unit.isEmpty()) {
            throw new InputException(fileName, 1, "编制单位", "找不到“编制单位：”或“编制部门：”——不是部门（单位）预算公开文档，或版式无法识别");
        }
        // year
        Integer year = null;
        for (int n = 0; n < lines.size() && year == null; n++) {
            Matcher m = YEAR.matcher(lines.get(n).replace('\t', ' '));
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
            }
        }
        if (year == null) throw new InputException(fileName, 1, "年度", "找不到预算年度（“20xx年单位预算”或“20xx年部门预算”）");
        // the template family this reader knows; a year without its own profile uses the latest earlier one
        String family = org.openbudget.io.workbook.WorkbookTemplate.DEFAULT_FAMILY;
        int docYear = year;
        String profileId = lib.profileFor(family, year).orElseThrow(() ->
                new InputException(fileName, 1, "年度", "没有 " + family + " 模板 (no template profile of this family)"));
        TemplateProfile profile = lib.profile(profileId);
        if (profile.year() != year) notes.add(docYear + "年没有自己的模板，按 " + profileId + " 读取");
        ReferenceData ref = lib.year(year);

        // the tables, read by the profile's shapes (as every other template's are)
        List<String> cells = new ArrayList<>(raw.length);
        for (String l : raw) cells.add(keepTabs(l));
        ShapeReader.Result read = ShapeReader.read(cells, source, profile, ref, unit, kind, year);
        notes.addAll(read.notes());
        if (read.tables().isEmpty()) {
            throw new InputException(fileName, 1, "表", "找不到任何公开表（“表 1” + 表名）——版式无法识别");
        }
        Disclosure d = new Disclosure(unit, kind, year, profileId, read.tables(), fileName);
        try {
            d = d.withText(new TextFactReader(profile, ref, kind, unit, read.tables(), notes).read(lines, read.firstTable()));
        } catch (org.openbudget.io.guard.ReadGuard.Stop e) {
            throw e;
        } catch (RuntimeException e) {
            String id = org.openbudget.io.guard.FailureLog.log(fileName, "the text part", e);
            notes.add("第一部分/第三部分：无法读取文字部分（记录编号 " + id + "），只有表格");
        }
        return new Result(d, notes);
    }

    /** Drops markdown heading marks, {@code <b>} tags and non-breaking spaces; keeps tabs. */
    static String clean(String l) {
        String s = l.replace("<b>", "").replace("</b>", "").replace('\u00a0', ' ').replace('\u3000', ' ');
        String t = s.stripLeading();
        if (t.startsWith("#")) {
            s = t.replaceFirst("^#+\\s*", "");
        }
        return s.stripTrailing();
    }

    /** As {@link #clean}, but the trailing tabs (blank cells at a row's end) kept. */
    static String keepTabs(String l) {
        String s = clean(l);
        int tabs = 0;
        for (int i = l.length() - 1; i >= 0 && (l.charAt(i) == '\t' || l.charAt(i) == ' '); i--) if (l.charAt(i) == '\t') tabs++;
        return tabs == 0 || s.isEmpty() ? s : s + "\t".repeat(tabs);
    }

    /** For comparing labels: no whitespace, no quotes of any width, brackets half-width. */
    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '“', '”', '「', '」' -> { }
                case '（' -> b.append('(');
                case '）' -> b.append(')');
                case '：' -> b.append(':');
                default -> {
                    if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
