package org.openbudget.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.render.layout.DocumentView;

/** Renders each example once per format (tables only, and with the hand-built text) and keeps the bytes for the tests. */
public final class Rendered {
    public record Doc(String example, boolean withText, Workspace.Loaded loaded, Disclosure disclosure, DocumentView view) {
        public boolean thousands() { return loaded.profile().thousands(); }

        /** The printed totals a reader must find with each table: 表N → the formatted amounts. */
        public Map<Integer, List<String>> totals() {
            Map<Integer, List<String>> m = new java.util.TreeMap<>();
            for (DisclosureTable t : disclosure.tables()) {
                List<String> vals = new java.util.ArrayList<>();
                if (t.no() == 1 || t.no() == 4) {
                    t.total(Side.INCOME).map(r -> r.value(0)).ifPresent(v -> vals.add(Amounts.format(v, thousands())));
                    t.total(Side.EXPENSE).map(r -> r.value(0)).ifPresent(v -> vals.add(Amounts.format(v, thousands())));
                } else {
                    Row total = t.find(r -> r.kind() == RowKind.TOTAL).orElse(null);
                    if (total != null && total.value(0) != null) vals.add(Amounts.format(total.value(0), thousands()));
                }
                m.put(t.no(), vals);
            }
            return m;
        }
    }

    private static final Map<String, Doc> DOCS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private Rendered() {}

    public static Doc doc(String example, boolean withText) {
        return DOCS.computeIfAbsent(example + withText, k -> {
            Workspace.Loaded l = Fixtures.load(example);
            // withText: the hand-built sample text; else tables only (the examples' datasets now generate their own text)
            Disclosure d = l.disclosure().withText(withText ? Fixtures.sampleText(l.disclosure())
                    : org.openbudget.core.disclosure.text.DocumentText.EMPTY);
            return new Doc(example, withText, l, d, new DocumentView(d, l.profile()));
        });
    }

    public static byte[] bytes(Format f, String example, boolean withText) {
        return BYTES.computeIfAbsent(f + example + withText, k -> render(f, doc(example, withText).view()));
    }

    /**
     * Every printed format of {@code v}, each checked to be more than a stub, in format order; OFD left out: it prints the
     * PDF's pages as laid out ({@code PdfRenderer.layout}) at about a second a document, and OfdRenderTest reads it back.
     */
    public static java.util.Map<Format, byte[]> everyFormat(DocumentView v, String what) {
        java.util.Map<Format, byte[]> out = new java.util.EnumMap<>(Format.class);
        for (Format f : Format.printedFormats()) {
            if (f == Format.OFD) continue;
            byte[] b = render(f, v);
            org.assertj.core.api.Assertions.assertThat(b.length).as("%s %s bytes", what, f).isGreaterThan(1000);
            out.put(f, b);
        }
        return out;
    }

    public static byte[] render(Format f, DocumentView v) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Renderers.of(f).write(v, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
