package org.openbudget.render.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages in the making and the cursor on the current one: A4 portrait with margins of 20 mm
 * (top), 16 mm (sides) and 18 mm (bottom), or A4 landscape with 14 mm and 12 mm. Vertical space
 * between blocks collapses as CSS margins do (the larger of the space after one block and before
 * the next) and is dropped at the top of a page.
 */
final class Flow {
    static final float MM = 72f / 25.4f;

    private final Fonts fonts;
    private final List<Page> pages = new ArrayList<>();
    private Page page;
    private float y;
    private boolean fresh = true;
    private float pending;
    /** Pages keep what is drawn on them as drawing too (for OFD). */
    private final boolean record;

    Flow(Fonts fonts) {
        this(fonts, false);
    }

    Flow(Fonts fonts, boolean record) {
        this.fonts = fonts;
        this.record = record;
    }

    List<Page> pages() {
        return pages;
    }

    Page page() {
        return page;
    }

    float y() {
        return y;
    }

    /** Nothing has been placed on the current page yet. */
    boolean fresh() {
        return fresh;
    }

    Page newPage(boolean landscape) {
        page = new Page(pages.size() + 1, landscape, fonts, record);
        pages.add(page);
        y = top();
        fresh = true;
        pending = 0;
        return page;
    }

    float top() {
        return (page.landscape ? 14 : 20) * MM;
    }

    float left() {
        return (page.landscape ? 12 : 16) * MM;
    }

    float right() {
        return page.width - left();
    }

    float width() {
        return right() - left();
    }

    /** The lowest y content may reach. */
    float bottom() {
        return page.height - (page.landscape ? 14 : 18) * MM;
    }

    /** The height content may take on one page. */
    float pageHeight() {
        return bottom() - top();
    }

    boolean fits(float h) {
        return y + h <= bottom() + 0.01f;
    }

    /**
     * Makes room for a block of height {@code h} after a gap of {@code marginTop}: on this page
     * when it fits, else at the top of a new page of the same orientation.
     */
    void place(float marginTop, float h) {
        float gap = fresh ? 0 : Math.max(pending, marginTop);
        if (!fresh && y + gap + h > bottom() + 0.01f) {
            newPage(page.landscape);
            gap = 0;
        }
        y += gap;
        pending = 0;
    }

    /** The gap before the next block, as {@link #place} would leave it on this page. */
    float gap(float marginTop) {
        return fresh ? 0 : Math.max(pending, marginTop);
    }

    /** Moves the cursor down by {@code h} (something was drawn there). */
    void advance(float h) {
        y += h;
        fresh = false;
    }

    void advanceTo(float to) {
        y = to;
        fresh = false;
    }

    /** The space after the block just placed. */
    void after(float marginBottom) {
        pending = marginBottom;
    }
}
