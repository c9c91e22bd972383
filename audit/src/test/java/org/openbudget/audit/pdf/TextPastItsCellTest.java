package org.openbudget.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A ruled row whose label is printed past its cell's right border, into the amount's cell (西安 2022 气象局's 财政拨款收支总表,
 * its glyphs where the PDF puts them: "3、国有资本经营预算收入" from x 66.5 to 170.1, the cell's border at 158, "0.00" from
 * 158.8): the label's last glyph stays in the label's cell, not between the amount's digits ("…预算收" and "0入.00").
 * Cells whose texts keep apart from the border are read as before.
 */
class TextPastItsCellTest {
    private static final float TOP = 195, BOTTOM = 209, BASE = 206.4f;

    /** A page with one ruled row: cells from 28 to 158 and from 158 to 230. */
    private static PdfLayout.Paths row() {
        PdfLayout.Paths p = new PdfLayout.Paths(600, 800);
        p.h.add(new PdfLayout.Seg(TOP, 28, 230));
        p.h.add(new PdfLayout.Seg(BOTTOM, 28, 230));
        for (float x : new float[] {28, 158, 230}) p.v.add(new PdfLayout.Seg(x, TOP, BOTTOM));
        return p;
    }

    /** The glyphs of {@code text} from {@code x}, each {@code w} wide, on the row's baseline. */
    private static List<PdfLayout.Glyph> run(String text, float x, float w) {
        List<PdfLayout.Glyph> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) out.add(new PdfLayout.Glyph(String.valueOf(text.charAt(i)), x + w * i, BASE, w, 9, 9));
        return out;
    }

    private static List<String> lines(List<PdfLayout.Glyph> glyphs) {
        List<String> out = new ArrayList<>();
        PdfLayout.layoutPage(glyphs, row(), out, new ArrayList<>(), new PdfLayout.State());
        return out;
    }

    @Test
    void aLabelPrintedPastItsCellsBorderStaysInItsCell() {
        List<PdfLayout.Glyph> glyphs = new ArrayList<>(run("3、国有资本经营预算收入", 66.504f, 8.633f));
        glyphs.addAll(run("0.00", 158.78f, 4.548f));
        assertThat(lines(glyphs)).containsExactly("3、国有资本经营预算收入\t0.00");
    }

    @Test
    void cellsWhoseTextsKeepApartFromTheBorderAreReadAsBefore() {
        // the label ends short of the border, the next cell's text starts apart from it: each in its own cell
        List<PdfLayout.Glyph> glyphs = new ArrayList<>(run("一般公共预算拨款", 80f, 8.633f));
        glyphs.addAll(run("收入", 160f, 8.633f));
        assertThat(lines(glyphs)).containsExactly("一般公共预算拨款\t收入");
    }
}
