package org.openbudget.render.page;

import java.util.List;

/**
 * A document laid out on A4 pages, as drawing: each page's text runs and ruling lines at their places, its links, and
 * the bookmarks — what the PDF writer lays out ({@code PdfRenderer.layout}), kept apart from the PDF's bytes so that
 * another fixed-layout format (OFD) prints the same pages. Positions are in points, top-down (y from the page's top
 * edge); a run's y is its baseline.
 */
public record LaidOut(String title, String author, int year, List<Sheet> pages, List<Bookmark> outline) {
    public LaidOut {
        pages = List.copyOf(pages);
        outline = List.copyOf(outline);
    }

    /** What is drawn on a page. */
    public sealed interface Op permits Run, Rule {}

    /** Text in the regular or bold face at {@code size} points, its baseline at {@code baseline}. */
    public record Run(boolean bold, float size, float x, float baseline, String text) implements Op {}

    /** A ruling line. */
    public record Rule(float x1, float y1, float x2, float y2) implements Op {}

    /** A link on a page (its rectangle) to a place: the page (0-based) and the y there. */
    public record Link(float x1, float top, float x2, float bottom, int page, float y) {}

    /** One page: its number as printed (1 for the cover), its size in points, what is drawn, its links. */
    public record Sheet(int number, boolean landscape, float width, float height, List<Op> ops, List<Link> links) {
        public Sheet {
            ops = List.copyOf(ops);
            links = List.copyOf(links);
        }
    }

    /** A bookmark: its text, level (1 a part, 2 under it) and the place it goes to. */
    public record Bookmark(String text, int level, int page, float y) {}
}
