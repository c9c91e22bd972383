package org.openbudget.render.ofd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.DrawContext;
import org.ofdrw.layout.element.canvas.FontSetting;
import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.page.LaidOut;
import org.openbudget.render.pdf.PdfRenderer;

/**
 * The document as OFD (GB/T 33190, 版式文档), the format of China's e-government archives: the same A4 pages as the
 * PDF ({@link PdfRenderer#layout}: cover, 目录, tables with their headers repeated, landscape pages, page numbers),
 * each page's text and ruling drawn by the OFD library (org.ofdrw) as text objects — selectable and searchable —
 * and paths. The font is the vendored Noto Sans SC, embedded as a subset of the characters the document prints
 * (cut with its character map by fontbox), never a font of the machine.
 */
public final class OfdRenderer implements Renderer {
    /** Points to millimetres. */
    static final double MM = 25.4 / 72.0;

    @Override
    public Format format() { return Format.OFD; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        write(PdfRenderer.layout(view), out);
    }

    /** Writes pages laid out as drawing. */
    public static void write(LaidOut doc, OutputStream out) throws IOException {
        Set<Integer> regular = new TreeSet<>(), bold = new TreeSet<>();
        for (LaidOut.Sheet s : doc.pages()) {
            for (LaidOut.Op op : s.ops()) {
                if (op instanceof LaidOut.Run r) r.text().codePoints().forEach((r.bold() ? bold : regular)::add);
            }
        }
        // the library embeds a font from a file: the subsets live in a folder of their own for as long as the document is written
        Path dir = Files.createTempDirectory("budget-ofd-");
        try {
            Font plain = subset("/fonts/NotoSansSC_400Regular.ttf", regular, dir.resolve("NotoSansSC-Regular.ttf"), "NotoSansSC-Regular");
            Font heavy = bold.isEmpty() ? plain : subset("/fonts/NotoSansSC_700Bold.ttf", bold, dir.resolve("NotoSansSC-Bold.ttf"), "NotoSansSC-Bold");
            ByteArrayOutputStream written = new ByteArrayOutputStream(1 << 18);
            try (OFDDoc ofd = new OFDDoc(written)) {
                for (LaidOut.Sheet s : doc.pages()) ofd.addVPage(page(s, plain, heavy));
                ofd.onRenderFinish((maxId, pkg, pages) -> finish(doc, pkg, maxId));
            }
            reproducible(written.toByteArray(), doc.year(), out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The package again with every entry dated the document's year, in its order: the same document gives the same
     * bytes (the library dates its entries now), so a published version's hash says what it holds.
     */
    static void reproducible(byte[] ofd, int year, OutputStream out) throws IOException {
        java.time.LocalDateTime time = java.time.LocalDateTime.of(year, 1, 1, 0, 0);
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
        zip.setLevel(6);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ofd), java.nio.charset.StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    /** The document's information (title, author, its year as the date: the same document gives the same file) and its bookmarks. */
    private static void finish(LaidOut doc, org.ofdrw.pkg.container.OFDDir dir, java.util.concurrent.atomic.AtomicInteger maxId) {
        try {
            var info = dir.getOfd().getDocBody().getDocInfo();
            info.setDocID(java.util.UUID.nameUUIDFromBytes((doc.title() + "|" + doc.author() + "|" + doc.year()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            info.setTile(doc.title());
            info.setAuthor(doc.author());
            info.setSubject(doc.title() + "公开");
            info.setCreationDate(java.time.LocalDate.of(doc.year(), 1, 1));
            info.setCreator("OpenBudget budget-render");
            info.setCreatorVersion("1");
            org.ofdrw.pkg.container.DocDir docDir = dir.obtainDocDefault();
            org.ofdrw.core.basicStructure.doc.Document document = docDir.getDocument();
            List<org.ofdrw.core.basicStructure.pageTree.Page> pages = document.getPages().getPages();
            links(doc, docDir, pages, maxId);
            document.getCommonData().setMaxUnitID(maxId.get());
            if (doc.outline().isEmpty()) return;
            org.ofdrw.core.basicStructure.outlines.Outlines outlines = new org.ofdrw.core.basicStructure.outlines.Outlines();
            org.ofdrw.core.basicStructure.outlines.CT_OutlineElem part = null;
            for (LaidOut.Bookmark b : doc.outline()) {
                if (b.page() >= pages.size()) continue;
                var elem = new org.ofdrw.core.basicStructure.outlines.CT_OutlineElem(b.text());
                elem.setActions(goTo(pages.get(b.page()), b.y()));
                if (b.level() > 1 && part != null) part.addOutlineElem(elem);
                else {
                    outlines.addOutlineElem(elem);
                    part = elem;
                }
            }
            document.setOutlines(outlines);
        } catch (java.io.FileNotFoundException | org.dom4j.DocumentException e) {
            throw new IllegalStateException("the OFD library's package has no document to describe", e);
        }
    }

    /** A click that goes to {@code y} (points from the top) on {@code page}, a little above it. */
    private static org.ofdrw.core.action.Actions goTo(org.ofdrw.core.basicStructure.pageTree.Page page, float y) {
        var dest = new org.ofdrw.core.action.actionType.actionGoto.CT_Dest()
                .setType(org.ofdrw.core.action.actionType.actionGoto.DestType.XYZ)
                .setPageID(new org.ofdrw.core.basicType.ST_RefID(page.getID()));
        // Left and Top are attributes of a Dest (GB/T 33190 表 52)
        dest.addAttribute("Left", "0");
        dest.addAttribute("Top", String.format(java.util.Locale.ROOT, "%.3f", Math.max(0, y - 4f) * MM));
        return new org.ofdrw.core.action.Actions().addAction(new org.ofdrw.core.action.CT_Action(
                org.ofdrw.core.action.EventType.CLICK, new org.ofdrw.core.action.actionType.actionGoto.Goto(dest)));
    }

    /** The 目录's links: over each entry an unpainted rectangle whose click goes to the entry's page (a graphic unit's action). */
    private static void links(LaidOut doc, org.ofdrw.pkg.container.DocDir docDir, List<org.ofdrw.core.basicStructure.pageTree.Page> pages,
                              java.util.concurrent.atomic.AtomicInteger maxId) throws java.io.FileNotFoundException, org.dom4j.DocumentException {
        for (int i = 0; i < doc.pages().size(); i++) {
            LaidOut.Sheet s = doc.pages().get(i);
            if (s.links().isEmpty()) continue;
            org.ofdrw.pkg.container.PageDir pageDir = docDir.getPages().getByIndex(i);
            org.ofdrw.core.basicStructure.pageObj.Page content = pageDir.getContent();
            var layer = content.getContent().getLayers().get(0);
            for (LaidOut.Link l : s.links()) {
                if (l.page() >= pages.size()) continue;
                double w = (l.x2() - l.x1()) * MM, h = (l.bottom() - l.top()) * MM;
                var area = new org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject(new org.ofdrw.core.basicType.ST_ID(maxId.incrementAndGet()));
                area.setBoundary(l.x1() * MM, l.top() * MM, w, h);
                area.setStroke(false);
                area.setFill(false);
                // a graphic unit's Actions come before the path's data (GB/T 33190, CT_GraphicUnit then CT_Path)
                area.setActions(goTo(pages.get(l.page()), l.y()));
                area.setAbbreviatedData(new org.ofdrw.core.graph.pathObj.AbbreviatedData().moveTo(0, 0).lineTo(w, 0).lineTo(w, h).lineTo(0, h).close());
                layer.addPageBlock(area);
            }
            pageDir.setContent(content);
        }
    }

    private static VirtualPage page(LaidOut.Sheet s, Font plain, Font heavy) {
        double w = s.width() * MM, h = s.height() * MM;
        PageLayout layout = new PageLayout(w, h);
        layout.setMargin(0d);
        VirtualPage vp = new VirtualPage(layout);
        Canvas canvas = new Canvas(0d, 0d, w, h);
        List<LaidOut.Op> ops = new ArrayList<>(s.ops());
        canvas.setDrawer(ctx -> draw(ctx, ops, plain, heavy));
        vp.add(canvas);
        return vp;
    }

    private static void draw(DrawContext ctx, List<LaidOut.Op> ops, Font plain, Font heavy) throws IOException {
        // ruling first, as the PDF draws it: 0.75 pt lines with square caps
        boolean rules = false;
        ctx.setLineWidth(0.75 * MM);
        ctx.beginPath();
        for (LaidOut.Op op : ops) {
            if (op instanceof LaidOut.Rule r) {
                ctx.moveTo(r.x1() * MM, r.y1() * MM);
                ctx.lineTo(r.x2() * MM, r.y2() * MM);
                rules = true;
            }
        }
        if (rules) ctx.stroke();
        // the text in the order it is read (the package's order is what a reader extracts and searches)
        Font current = null;
        double size = -1;
        for (LaidOut.Op op : ops) {
            if (!(op instanceof LaidOut.Run r)) continue;
            Font f = r.bold() ? heavy : plain;
            if (f != current || r.size() != size) {
                ctx.setFont(new FontSetting(r.size() * MM, f));
                current = f;
                size = r.size();
            }
            ctx.fillText(r.text(), r.x() * MM, r.baseline() * MM);
        }
    }

    /** The vendored faces, parsed once (a face is 10 MB; a document's subset is cut from it, one document at a time). */
    private static final java.util.Map<String, TrueTypeFont> FACES = new java.util.concurrent.ConcurrentHashMap<>();

    private static TrueTypeFont face(String resource) {
        return FACES.computeIfAbsent(resource, r -> {
            try (InputStream in = OfdRenderer.class.getResourceAsStream(r)) {
                if (in == null) throw new IllegalStateException("font resource missing: " + r);
                return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vendored font " + r, e);
            }
        });
    }

    /** The vendored face cut to {@code codePoints} (and what every font keeps: .notdef), written to {@code file}. */
    static Font subset(String resource, Set<Integer> codePoints, Path file, String name) {
        TrueTypeFont ttf = face(resource);
        ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
        try {
            // the parsed face reads its tables as it goes: one subset at a time
            synchronized (ttf) {
                TTFSubsetter subsetter = new TTFSubsetter(ttf);
                subsetter.addAll(codePoints);
                subsetter.writeToStream(b);
            }
            Files.write(file, b.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the vendored font " + resource, e);
        }
        return new Font(name, "Noto Sans SC", file);
    }
}
