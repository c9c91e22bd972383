package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.audit.shape.ShapeReader;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The start of the second road: the plain TEXT of a published disclosure document (as extracted
 * from its PDF) read back into a {@link Disclosure} — its tables, by the recognised profile's shapes
 * ({@link ShapeReader}), and its text by the profile's outline ({@link ShapedDocument}): one road for
 * every template, chosen by recognition alone — so that the same checks run on it as on a document
 * derived from a ledger.
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

    /**
     * The Disclosure (each row read with its {@link org.openbudget.core.disclosure.Origin}: the line of
     * the text and, for a PDF, the page and boxes) and what the reader could not decide or read
     * (ambiguities, skipped lines).
     */
    public record Result(Disclosure disclosure, List<String> notes, SourceLines source, java.util.Map<Integer, Integer> places) {
        public Result {
            notes = List.copyOf(notes);
            places = places == null ? java.util.Map.of() : java.util.Map.copyOf(places);
        }

        public Result(Disclosure disclosure, List<String> notes) {
            this(disclosure, notes, null, null);
        }

        /** The 1-based line a table of the template is printed at (its title), or would be (see {@link org.openbudget.audit.shape.ShapeReader.Result#places}); 0 when unknown. */
        public int place(int no) {
            return places.getOrDefault(no, 0);
        }

        /** On a PDF page, the box of the cell of 1-based {@code line} that holds {@code text} (its spaces aside); null when none or for a text. */
        public org.openbudget.core.disclosure.Origin.Box cellHolding(int line, String lineText, String text) {
            if (source == null || source.text() || text == null || text.isBlank() || lineText.indexOf('\t') < 0) return null;
            String want = org.openbudget.audit.shape.Cells.squeeze(text);
            String[] cells = lineText.split("\t", -1);
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < cells.length; k++) {
                    String c = org.openbudget.audit.shape.Cells.squeeze(cells[k]);
                    if (c.isEmpty()) continue;
                    // the cell that holds the name, else (a name wrapped over lines, the row's line holding a part) the part the name holds
                    if (pass == 0 ? c.contains(want) : want.contains(c) && c.length() >= 2) {
                        org.openbudget.core.disclosure.Origin o = source.origin(line, new int[]{k});
                        return o == null || o.cells().isEmpty() ? null : o.cells().get(0);
                    }
                }
            }
            return null;
        }

        /** Where 1-based line {@code line} is on its PDF page (the box of the whole line), null for a text or when unknown. */
        public org.openbudget.core.disclosure.Origin.Box box(int line) {
            org.openbudget.core.disclosure.Origin o = source == null ? null : source.origin(line, null);
            return o == null ? null : o.box();
        }

        /** The 1-based line row {@code index} of table {@code no} was read from, 0 when unknown. */
        public int line(int no, int index) {
            return disclosure.table(no).filter(t -> index >= 0 && index < t.rows().size())
                    .map(t -> t.rows().get(index).origin()).map(o -> o.line()).orElse(0);
        }
    }

    private PublishedTextReader() {}

    public static Disclosure read(String fileName, String text, ReferenceLibrary lib) {
        return readWithNotes(fileName, text, lib).disclosure();
    }

    public static Result readWithNotes(String fileName, String text, ReferenceLibrary lib) {
        return readWithNotes(fileName, text, lib, null);
    }

    /** As above, with where each line is ({@code source}: a PDF's pages and boxes; null: the text's own lines). */
    public static Result readWithNotes(String fileName, String text, ReferenceLibrary lib, SourceLines source) {
        return readWithNotes(fileName, List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)), lib, source);
    }

    /**
     * As above, of the text's lines (a PDF's, a text's already split: not joined and split again). A line with a line
     * break in it is split there, as the text would be.
     */
    public static Result readWithNotes(String fileName, List<String> raw, ReferenceLibrary lib, SourceLines source) {
        for (String l : raw) {
            if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) return readWithNotes(fileName, String.join("\n", raw), lib, source);
        }
        List<String> notes = new ArrayList<>();
        if (source == null) source = SourceLines.text(raw.size());
        List<String> lines = new ArrayList<>(raw.size());
        List<String> cells = new ArrayList<>(raw.size());
        for (String l : raw) {
            String c = clean(l);
            lines.add(c);
            cells.add(keepTabs(l, c));
        }

        // what the document is, and under which template: by meaning (titles, labels, marks, amount unit)
        // each line squeezed once, for the recognition and the tables (a cell's trailing tabs are blanks to squeeze: the same)
        List<String> squeezed = org.openbudget.audit.shape.Cells.squeezedAll(lines);
        org.openbudget.audit.recognise.Recognizer.Recognition recognition = org.openbudget.audit.recognise.Recognizer.recognise(lines, squeezed, lib);
        switch (recognition.kind()) {
            case NOT_A_DISCLOSURE -> throw new InputException(fileName, 1, "文档", recognition.reason());
            default -> { }
        }
        // one road for every template: the profile recognition chose (its detect: signature) reads the tables by their
        // shapes and the text by its outline; the shape reader keeps a row's trailing tabs (in the tab layout, blank last cells)
        Result r = ShapedDocument.read(fileName, cells, squeezed, source, lib, recognition, notes);
        return new Result(r.disclosure(), r.notes(), source, r.places());
    }

    /** Drops markdown heading marks, {@code <b>} tags and non-breaking spaces; keeps tabs. */
    static String clean(String l) {
        String s = l.indexOf('<') < 0 ? l : l.replace("<b>", "").replace("</b>", "");
        s = s.replace('\u00a0', ' ').replace('\u3000', ' ');
        String t = s.stripLeading();
        if (t.startsWith("#")) {
            // the heading's marks and the blanks after them (\\s: ASCII whitespace)
            int i = 0;
            while (i < t.length() && t.charAt(i) == '#') i++;
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) >= '\t' && t.charAt(i) <= '\r')) i++;
            s = t.substring(i);
        }
        return s.stripTrailing();
    }

    /** As {@link #clean}, but the trailing tabs (blank cells at a row's end) kept. */
    static String keepTabs(String l) {
        return keepTabs(l, clean(l));
    }

    /** {@link #keepTabs(String)} of a line already {@link #clean cleaned} to {@code s}. */
    private static String keepTabs(String l, String s) {
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
