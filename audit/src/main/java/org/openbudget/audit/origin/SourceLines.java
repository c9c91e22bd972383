package org.openbudget.audit.origin;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.Origin;

/**
 * The lines of a document as the readers see them, with where each one is: for a PDF, its page and
 * its box there (and, for a ruled table's row, the box of each tab-separated cell, as PdfLayout rebuilt
 * it); for a text, its line number only. A reader that reads a row from line n, column c from cell k,
 * asks here for the row's {@link Origin}.
 */
public final class SourceLines {
    private final int count;
    private final int[] pages;
    private final List<Origin.Box> boxes;
    private final List<List<Origin.Box>> cells;

    private SourceLines(int count, int[] pages, List<Origin.Box> boxes, List<List<Origin.Box>> cells) {
        this.count = count;
        this.pages = pages;
        this.boxes = boxes;
        this.cells = cells;
    }

    /** A text's lines: line numbers only. */
    public static SourceLines text(int lineCount) {
        return new SourceLines(lineCount, new int[0], List.of(), List.of());
    }

    /**
     * A PDF's rebuilt lines: the page of each, its box and its cells' boxes (lists as long as the lines;
     * shorter ones leave the lines after without a box).
     */
    public static SourceLines pdf(int lineCount, int[] pageOfLine, List<Origin.Box> lineBoxes, List<List<Origin.Box>> cellBoxes) {
        return new SourceLines(lineCount, pageOfLine, new ArrayList<>(lineBoxes), new ArrayList<>(cellBoxes));
    }

    /** A text's lines (no pages, no boxes): where a text laid out by spaces keeps its columns. */
    public boolean text() {
        return pages.length == 0 && boxes.isEmpty();
    }

    /** The page of 1-based line {@code line}, 0 for a text or out of range. */
    public int page(int line) {
        return line >= 1 && line <= pages.length ? pages[line - 1] : 0;
    }

    /**
     * Where a row read from 1-based {@code line} is; {@code cellOfColumn[c]} is the 0-based cell of the
     * line that column c was read from (−1, or the array null or short: not known, the row's box stands).
     */
    public Origin origin(int line, int[] cellOfColumn) {
        if (line < 1 || line > count) return null;
        Origin.Box box = line <= boxes.size() ? boxes.get(line - 1) : null;
        List<Origin.Box> lineCells = line <= cells.size() ? cells.get(line - 1) : List.of();
        List<Origin.Box> columnBoxes = new ArrayList<>();
        if (cellOfColumn != null && !lineCells.isEmpty()) {
            for (int k : cellOfColumn) columnBoxes.add(k >= 0 && k < lineCells.size() ? lineCells.get(k) : null);
        }
        return new Origin(page(line), line, box, columnBoxes);
    }
}
