package org.openbudget.render.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.TableView;

/**
 * PDF, laid out and written here from the document's {@link DocumentView} blocks: A4 pages; the
 * cover without a page number; the 目录 with dot leaders, page numbers and links; each 部分
 * starting a page; each of the eleven tables starting a page, 表2/表7/表11 (the wide ones) on
 * landscape pages, ruled, header rows repeated on every page a table runs onto, rows never split;
 * Chinese text wrapped with the usual rules for punctuation; 绩效目标表 kept on one page when they
 * fit; page numbers "— n —"; bookmarks following the 目录. Noto Sans SC (vendored, OFL) is embedded
 * as a subset of the glyphs printed.
 */
public final class PdfRenderer implements Renderer {
    static final float BODY = 10.5f, LEADING = 1.55f;
    /** Flate level of the page contents and the fonts: zlib's default; level 1 saved about 3 ms per document for files 5 % larger. */
    static final int COMPRESSION = 6;

    @Override
    public Format format() { return Format.PDF; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        new Printer(view, false).write(out);
    }

    /**
     * The same pages as {@link #write} prints, as drawing (text runs and ruling lines at their places, links and
     * bookmarks), for another fixed-layout format to print them: OFD ({@code render/ofd}).
     */
    public static org.openbudget.render.page.LaidOut layout(DocumentView view) {
        Printer p = new Printer(view, true);
        p.layout();
        return p.laidOut();
    }

    /** A place in the document a link or bookmark goes to. */
    private record Anchor(Page page, float y) {}

    /** One document being printed. */
    private static final class Printer {
        private final DocumentView view;
        private final Fonts fonts = new Fonts();
        private final Flow flow;
        private final Map<String, Anchor> anchors = new HashMap<>();
        private Block.Toc toc;
        private List<Page> tocPages = List.of();
        private boolean closing;

        Printer(DocumentView view, boolean record) {
            this.view = view;
            this.flow = new Flow(fonts, record);
        }

        void write(OutputStream out) throws IOException {
            layout();
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            save(buffered);
            buffered.flush();
        }

        /** The pages as drawing, with their links and bookmarks (the pages must have been recorded). */
        org.openbudget.render.page.LaidOut laidOut() {
            List<Page> pages = flow.pages();
            Map<Page, Integer> index = new HashMap<>();
            for (int i = 0; i < pages.size(); i++) index.put(pages.get(i), i);
            List<org.openbudget.render.page.LaidOut.Sheet> sheets = new ArrayList<>(pages.size());
            for (Page p : pages) {
                List<org.openbudget.render.page.LaidOut.Link> links = new ArrayList<>();
                for (Page.Link l : p.links) {
                    Anchor a = anchors.get(l.target());
                    if (a != null) links.add(new org.openbudget.render.page.LaidOut.Link(l.x1(), l.top(), l.x2(), l.bottom(), index.get(a.page()), a.y()));
                }
                sheets.add(new org.openbudget.render.page.LaidOut.Sheet(p.number, p.landscape, p.width, p.height, p.ops, links));
            }
            List<org.openbudget.render.page.LaidOut.Bookmark> marks = new ArrayList<>();
            if (toc != null) {
                for (Block.TocEntry e : toc.entries()) {
                    Anchor a = anchors.get(e.target());
                    if (a != null) marks.add(new org.openbudget.render.page.LaidOut.Bookmark(e.text(), e.level() > 1 ? 2 : 1, index.get(a.page()), a.y()));
                }
            }
            return new org.openbudget.render.page.LaidOut(view.documentTitle(), view.unit(), view.year(), sheets, marks);
        }

        void layout() {
            List<Block> blocks = view.blocks();
            TocLayout tocLayout = null;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                Block prev = i > 0 ? blocks.get(i - 1) : null;
                if (b instanceof Block.Cover c) {
                    cover(c);
                } else if (b instanceof Block.Toc t) {
                    // laid out now, drawn once the pages of what it lists are known
                    toc = t;
                    tocLayout = new TocLayout(t);
                    List<Page> reserved = new ArrayList<>();
                    for (int p = 0; p < tocLayout.pages; p++) reserved.add(flow.newPage(false));
                    tocPages = reserved;
                    flow.advance(0);
                } else if (b instanceof Block.Heading h) {
                    heading(h, next);
                } else if (b instanceof Block.Para p) {
                    para(p);
                } else if (b instanceof Block.Table t) {
                    table(t, prev instanceof Block.Heading h && h.level() == 1);
                } else if (b instanceof Block.Performance p) {
                    performance(p);
                }
            }
            if (tocLayout != null) tocLayout.draw();
            for (Page p : flow.pages()) {
                if (p.number == 1) continue;
                String n = "— " + p.number + " —";
                float w = FontFace.REGULAR.width(n, 9f);
                float bottomMargin = (p.landscape ? 14 : 18) * Flow.MM;
                p.text(FontFace.REGULAR, 9f, (p.width - w) / 2, p.height - bottomMargin / 2 + 3f, n);
            }
        }

        // ---- blocks

        private void cover(Block.Cover c) {
            flow.newPage(false);
            flow.advance(70 * Flow.MM);
            float size = 24f, lh = size * LEADING;
            for (String s : List.of(c.unit(), c.title())) {
                for (Text.Line line : Text.wrap(s, FontFace.BOLD, size, flow.width())) {
                    drawLine(line, (flow.left() + flow.right() - line.width()) / 2, flow.y(), lh);
                    flow.advance(lh);
                }
                flow.advance(6f);
            }
        }

        private void heading(Block.Heading h, Block next) {
            float size = switch (h.level()) {
                case 1 -> 16f;
                case 2 -> 13f;
                default -> 11f;
            };
            float lh = size * LEADING;
            if (flow.page() == null || flow.page().landscape || (h.level() == 1 && !flow.fresh())) flow.newPage(false);
            float marginTop = h.level() == 1 ? 0 : h.level() == 2 ? 12f : 8f;
            float marginBottom = h.level() == 1 ? 14f : h.level() == 2 ? 6f : 4f;
            List<Text.Line> lines = Text.wrap(h.text(), FontFace.BOLD, size, flow.width());
            // kept with the two first lines of what follows
            float keep = next instanceof Block.Para || next instanceof Block.Heading ? Math.max(marginBottom, 6f) + 2 * BODY * LEADING : 0;
            flow.place(marginTop, lines.size() * lh + keep);
            anchors.put(h.id(), new Anchor(flow.page(), flow.y()));
            for (Text.Line line : lines) {
                float x = h.level() == 1 ? (flow.left() + flow.right() - line.width()) / 2 : flow.left();
                drawLine(line, x, flow.y(), lh);
                flow.advance(lh);
            }
            flow.after(marginBottom);
        }

        private void para(Block.Para p) {
            if (flow.page().landscape) flow.newPage(false);
            float lh = BODY * LEADING;
            List<Text.Span> spans = new ArrayList<>(2);
            if (!p.lead().isEmpty()) spans.add(new Text.Span(p.lead(), FontFace.BOLD, BODY));
            spans.add(new Text.Span(p.text(), FontFace.REGULAR, BODY));
            float indent = p.right() ? 0 : 2 * BODY;
            List<Text.Line> lines = Text.wrap(spans, flow.width() - indent, flow.width());
            float marginTop = 0;
            if (p.right()) {
                marginTop = closing ? 0 : 18f;
                closing = true;
            }
            int i = 0;
            while (i < lines.size()) {
                int left = lines.size() - i;
                float gap = flow.gap(marginTop);
                int room = (int) Math.floor((flow.bottom() - flow.y() - gap + 0.01f) / lh);
                int take;
                if (room >= left) {
                    take = left;
                } else {
                    // two lines at least on either side of a page break
                    take = Math.min(room, left - 2);
                    if (take < 2) take = 0;
                }
                if (take == 0) {
                    if (flow.fresh()) take = Math.max(1, Math.min(left, room)); // a page of one paragraph
                    else {
                        flow.newPage(false);
                        continue;
                    }
                }
                flow.place(marginTop, take * lh);
                for (int k = i; k < i + take; k++) {
                    Text.Line line = lines.get(k);
                    float x = p.right() ? flow.right() - line.width() : flow.left() + (k == 0 ? indent : 0);
                    drawLine(line, x, flow.y(), lh);
                    flow.advance(lh);
                }
                i += take;
                marginTop = 0;
                if (i < lines.size()) flow.newPage(false);
            }
            flow.after(6f);
        }

        private void table(Block.Table block, boolean afterPart) {
            TableView t = block.table();
            boolean samePage = afterPart && flow.page() != null && flow.page().landscape == t.wide();
            if (!samePage) flow.newPage(t.wide());
            PdfTable table = PdfTable.of(t, flow.left(), flow.width());
            float caption = 10f * LEADING + 2f + 15f * LEADING + 8f + 9f * LEADING + 3f;
            flow.place(0, caption + table.minimum());
            anchors.put(block.id(), new Anchor(flow.page(), flow.y()));
            Page page = flow.page();
            // 表N
            page.text(FontFace.REGULAR, 10f, flow.left(), flow.y() + PdfTable.baseline(10f * LEADING, 10f), t.label());
            flow.advance(10f * LEADING + 2f);
            // the title
            for (Text.Line line : Text.wrap(t.title(), FontFace.BOLD, 15f, flow.width())) {
                drawLine(line, (flow.left() + flow.right() - line.width()) / 2, flow.y(), 15f * LEADING);
                flow.advance(15f * LEADING);
            }
            flow.advance(8f);
            // 编制单位 … on the left, 单位：万元 on the right
            float lh = 9f * LEADING;
            String unit = block.unitLine();
            float unitWidth = FontFace.REGULAR.width(unit, 9f);
            List<Text.Line> prepared = Text.wrap(block.preparedBy(), FontFace.REGULAR, 9f, flow.width() - unitWidth - 18f);
            page.text(FontFace.REGULAR, 9f, flow.right() - unitWidth, flow.y() + PdfTable.baseline(lh, 9f), unit);
            for (Text.Line line : prepared) {
                drawLine(line, flow.left(), flow.y(), lh);
                flow.advance(lh);
            }
            flow.advance(3f);
            table.print(flow);
            flow.after(0);
            if (t.empty()) {
                float bl = BODY * LEADING;
                List<Text.Line> note = Text.wrap(t.emptyNote(), FontFace.REGULAR, BODY, flow.width() - 2 * BODY);
                flow.place(8f, bl);
                for (int i = 0; i < note.size(); i++) {
                    if (!flow.fits(bl)) flow.newPage(flow.page().landscape);
                    drawLine(note.get(i), flow.left() + (i == 0 ? 2 * BODY : 0), flow.y(), bl);
                    flow.advance(bl);
                }
                flow.after(6f);
            }
        }

        private void performance(Block.Performance p) {
            if (flow.page().landscape) flow.newPage(false);
            PdfTable table = PdfTable.performance(GridCell.performance(p.table(), view.profile().text().performanceLabels(), view.kind(), view.profile().thousands()),
                    GridCell.performanceHeadRows(p.table()), GridCell.PERF_WIDTHS, flow.left(), flow.width());
            List<Text.Line> title = Text.wrap(p.title(), FontFace.BOLD, 14f, flow.width());
            float titleH = title.size() * 14f * LEADING;
            float yearH = BODY * LEADING;
            float whole = titleH + 2f + yearH + 6f + table.height();
            // the whole block on one page when it fits on one
            float gap = flow.gap(14f);
            if (!flow.fits(gap + whole) && !flow.fresh()) flow.newPage(false);
            flow.place(14f, titleH + yearH + table.minimum());
            for (Text.Line line : title) {
                drawLine(line, (flow.left() + flow.right() - line.width()) / 2, flow.y(), 14f * LEADING);
                flow.advance(14f * LEADING);
            }
            flow.advance(2f);
            for (Text.Line line : Text.wrap(p.yearLine(), FontFace.REGULAR, BODY, flow.width())) {
                drawLine(line, (flow.left() + flow.right() - line.width()) / 2, flow.y(), yearH);
                flow.advance(yearH);
            }
            flow.advance(6f);
            table.print(flow);
            flow.after(12f);
        }

        /** Draws a laid-out line whose box starts at (x, top) and is {@code lh} high. */
        private void drawLine(Text.Line line, float x, float top, float lh) {
            for (Text.Piece piece : line.pieces()) {
                flow.page().text(piece.face(), piece.size(), x + piece.x(), top + PdfTable.baseline(lh, piece.size()),
                        piece.text(), piece.from(), piece.to());
            }
        }

        // ---- 目录

        /** The 目录 laid out before the pages it lists: its lines wrapped short of the page numbers, then drawn. */
        private final class TocLayout {
            static final float SIZE = 10f;
            static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[一二三四五六七八九十]+、");
            private final List<float[]> at = new ArrayList<>(); // per entry: page index, top
            private final List<List<Text.Line>> lines = new ArrayList<>();
            final int pages;
            private final float headingTop;

            TocLayout(Block.Toc t) {
                float top = 20 * Flow.MM, bottom = Page.A4_LONG - 18 * Flow.MM, width = Page.A4_SHORT - 32 * Flow.MM;
                float lh = SIZE * LEADING;
                float reserve = FontFace.REGULAR.width("0000", SIZE) + 12f;
                int page = 0;
                headingTop = top;
                float y = top + 16f * LEADING + 6f;
                float pending = 0;
                for (Block.TocEntry e : t.entries()) {
                    FontFace face = e.level() == 1 ? FontFace.BOLD : FontFace.REGULAR;
                    float indent = e.level() > 1 ? 2 * SIZE * (e.level() - 1) : 0;
                    // a wrapped entry goes on under its text, after "十一、"
                    java.util.regex.Matcher m = NUMBERED.matcher(e.text());
                    float hang = e.level() > 1 && m.lookingAt() ? face.width(m.group(), SIZE) : 0;
                    float w = width - indent - reserve;
                    List<Text.Line> ls = Text.wrap(List.of(new Text.Span(e.text(), face, SIZE)), w, w - hang);
                    float h = ls.size() * lh;
                    float gap = Math.max(pending, e.level() == 1 ? 8f : 0);
                    if (y + gap + h > bottom) {
                        page++;
                        y = top;
                        gap = 0;
                    }
                    y += gap;
                    at.add(new float[] {page, y, hang});
                    lines.add(ls);
                    y += h;
                    pending = 3f;
                }
                pages = page + 1;
            }

            void draw() {
                Page first = tocPages.get(0);
                float left = 16 * Flow.MM, right = Page.A4_SHORT - 16 * Flow.MM;
                // 目 录, letter-spaced
                String heading = toc.heading().replace(" ", "");
                float size = 16f, spacing = 2 * size;
                float w = FontFace.BOLD.width(heading, size) + spacing * (heading.length() - 1);
                float x = (first.width - w) / 2;
                float base = headingTop + PdfTable.baseline(size * LEADING, size);
                for (int i = 0; i < heading.length(); i++) {
                    String ch = heading.substring(i, i + 1);
                    first.text(FontFace.BOLD, size, x, base, ch);
                    x += FontFace.BOLD.width(ch, size) + spacing;
                }
                float lh = SIZE * LEADING;
                float dot = FontFace.REGULAR.width(".", SIZE);
                float numberRight = right;
                float dotsEnd = right - FontFace.REGULAR.width("000", SIZE) - 4f;
                for (int i = 0; i < toc.entries().size(); i++) {
                    Block.TocEntry e = toc.entries().get(i);
                    Page page = tocPages.get((int) at.get(i)[0]);
                    float top = at.get(i)[1];
                    FontFace face = e.level() == 1 ? FontFace.BOLD : FontFace.REGULAR;
                    float indent = e.level() > 1 ? 2 * SIZE * (e.level() - 1) : 0;
                    List<Text.Line> ls = lines.get(i);
                    float hang = at.get(i)[2];
                    for (int k = 0; k < ls.size(); k++) {
                        for (Text.Piece p : ls.get(k).pieces()) {
                            page.text(p.face(), p.size(), left + indent + (k > 0 ? hang : 0) + p.x(), top + k * lh + PdfTable.baseline(lh, SIZE),
                                    p.text(), p.from(), p.to());
                        }
                    }
                    Anchor a = anchors.get(e.target());
                    float lastTop = top + (ls.size() - 1) * lh;
                    float textEnd = left + indent + (ls.size() > 1 ? hang : 0) + ls.get(ls.size() - 1).width();
                    if (a != null) {
                        String n = String.valueOf(a.page().number);
                        float nw = face.width(n, SIZE);
                        float nb = lastTop + PdfTable.baseline(lh, SIZE);
                        int dots = (int) Math.floor((dotsEnd - textEnd - 4f) / dot);
                        if (dots > 0) page.text(FontFace.REGULAR, SIZE, dotsEnd - dots * dot, nb, ".".repeat(dots));
                        page.text(face, SIZE, numberRight - nw, nb, n);
                        page.links.add(new Page.Link(left + indent, top, right, top + ls.size() * lh, e.target()));
                    }
                }
            }
        }

        // ---- the file

        private void save(OutputStream out) throws IOException {
            PdfFile pdf = new PdfFile(out, COMPRESSION);
            int catalog = pdf.reserve(), pagesRoot = pdf.reserve(), info = pdf.reserve(), resources = pdf.reserve();
            List<Page> pages = flow.pages();
            int[] pageObj = new int[pages.size()];
            for (int i = 0; i < pages.size(); i++) pageObj[i] = pdf.reserve();
            Map<Page, Integer> objOf = new HashMap<>();
            for (int i = 0; i < pages.size(); i++) objOf.put(pages.get(i), pageObj[i]);

            CRC32C crc = new CRC32C();
            StringBuilder kids = new StringBuilder();
            for (int i = 0; i < pages.size(); i++) {
                Page p = pages.get(i);
                Content c = p.content();
                crc.update(c.bytes(), 0, c.length());
                int content = pdf.reserve();
                pdf.stream(content, "", c.bytes(), c.length());
                StringBuilder annots = new StringBuilder();
                for (Page.Link l : p.links) {
                    Anchor a = anchors.get(l.target());
                    if (a == null) continue;
                    int annot = pdf.reserve();
                    pdf.object(annot, "<< /Type /Annot /Subtype /Link /Rect [" + n(l.x1()) + ' ' + n(p.height - l.bottom()) + ' ' + n(l.x2()) + ' '
                            + n(p.height - l.top()) + "] /Border [0 0 0] /Dest " + dest(objOf, a) + " >>");
                    annots.append(' ').append(PdfFile.ref(annot));
                }
                pdf.object(pageObj[i], "<< /Type /Page /Parent " + PdfFile.ref(pagesRoot) + " /MediaBox [0 0 " + n(p.width) + ' ' + n(p.height)
                        + "] /Resources " + PdfFile.ref(resources) + " /Contents " + PdfFile.ref(content)
                        + (annots.length() > 0 ? " /Annots [" + annots.substring(1) + "]" : "") + " >>");
                kids.append(i == 0 ? "" : " ").append(PdfFile.ref(pageObj[i]));
            }
            pdf.object(pagesRoot, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
            pdf.object(resources, "<< " + fonts.write(pdf) + " >>");
            int outline = outline(pdf, objOf);
            String title = view.documentTitle();
            pdf.object(info, "<< /Title " + PdfFile.text(title) + " /Author " + PdfFile.text(view.unit()) + " /Subject "
                    + PdfFile.text(title + "公开") + " /Creator (OpenBudget budget-render) /Producer (OpenBudget budget-render)"
                    + " /CreationDate (D:" + view.year() + "0101000000Z) >>");
            pdf.object(catalog, "<< /Type /Catalog /Pages " + PdfFile.ref(pagesRoot) + " /Lang (zh-CN)"
                    + (outline > 0 ? " /Outlines " + PdfFile.ref(outline) + " /PageMode /UseOutlines" : "")
                    + " /ViewerPreferences << /DisplayDocTitle true >> >>");
            byte[] id = new byte[16];
            long a = crc.getValue();
            CRC32C t = new CRC32C();
            t.update(title.getBytes(StandardCharsets.UTF_8));
            long b = t.getValue();
            for (int i = 0; i < 8; i++) {
                id[i] = (byte) (a >>> (8 * (i % 4)) ^ i * 31);
                id[8 + i] = (byte) (b >>> (8 * (i % 4)) ^ pages.size());
            }
            pdf.finish(catalog, info, id);
        }

        /** Bookmarks following the 目录: parts, and under each its sections or tables. */
        private int outline(PdfFile pdf, Map<Page, Integer> objOf) throws IOException {
            if (toc == null || toc.entries().isEmpty()) return 0;
            record Item(Block.TocEntry entry, int obj, List<Item> children) {}
            List<Item> top = new ArrayList<>();
            for (Block.TocEntry e : toc.entries()) {
                if (!anchors.containsKey(e.target())) continue;
                Item item = new Item(e, pdf.reserve(), new ArrayList<>());
                if (e.level() > 1 && !top.isEmpty()) top.get(top.size() - 1).children().add(item);
                else top.add(item);
            }
            if (top.isEmpty()) return 0;
            int root = pdf.reserve();
            int count = 0;
            for (Item it : top) count += 1 + it.children().size();
            pdf.object(root, "<< /Type /Outlines /First " + PdfFile.ref(top.get(0).obj()) + " /Last " + PdfFile.ref(top.get(top.size() - 1).obj())
                    + " /Count " + count + " >>");
            for (int i = 0; i < top.size(); i++) {
                Item it = top.get(i);
                StringBuilder b = new StringBuilder("<< /Title ").append(PdfFile.text(it.entry().text())).append(" /Parent ").append(PdfFile.ref(root));
                if (i > 0) b.append(" /Prev ").append(PdfFile.ref(top.get(i - 1).obj()));
                if (i + 1 < top.size()) b.append(" /Next ").append(PdfFile.ref(top.get(i + 1).obj()));
                List<Item> ch = it.children();
                if (!ch.isEmpty()) {
                    b.append(" /First ").append(PdfFile.ref(ch.get(0).obj())).append(" /Last ").append(PdfFile.ref(ch.get(ch.size() - 1).obj()))
                            .append(" /Count ").append(ch.size());
                }
                b.append(" /Dest ").append(dest(objOf, anchors.get(it.entry().target()))).append(" >>");
                pdf.object(it.obj(), b);
                for (int k = 0; k < ch.size(); k++) {
                    Item c = ch.get(k);
                    StringBuilder cb = new StringBuilder("<< /Title ").append(PdfFile.text(c.entry().text())).append(" /Parent ").append(PdfFile.ref(it.obj()));
                    if (k > 0) cb.append(" /Prev ").append(PdfFile.ref(ch.get(k - 1).obj()));
                    if (k + 1 < ch.size()) cb.append(" /Next ").append(PdfFile.ref(ch.get(k + 1).obj()));
                    cb.append(" /Dest ").append(dest(objOf, anchors.get(c.entry().target()))).append(" >>");
                    pdf.object(c.obj(), cb);
                }
            }
            return root;
        }

        private static String dest(Map<Page, Integer> objOf, Anchor a) {
            return "[" + PdfFile.ref(objOf.get(a.page())) + " /XYZ 0 " + n(a.page().height - a.y() + 4f) + " null]";
        }

        private static String n(float v) {
            long h = Math.round(v * 100.0);
            String s = (h < 0 ? "-" : "") + Math.abs(h) / 100;
            long f = Math.abs(h) % 100;
            if (f != 0) s += "." + (f < 10 ? "0" + f : (f % 10 == 0 ? String.valueOf(f / 10) : String.valueOf(f)));
            return s;
        }
    }
}
