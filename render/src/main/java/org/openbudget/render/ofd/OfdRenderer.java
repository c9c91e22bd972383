package org.openbudget.render.ofd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.ofdrw.core.action.Actions;
import org.ofdrw.core.action.CT_Action;
import org.ofdrw.core.action.EventType;
import org.ofdrw.core.action.actionType.actionGoto.CT_Dest;
import org.ofdrw.core.action.actionType.actionGoto.DestType;
import org.ofdrw.core.action.actionType.actionGoto.Goto;
import org.ofdrw.core.basicStructure.doc.CT_CommonData;
import org.ofdrw.core.basicStructure.doc.CT_PageArea;
import org.ofdrw.core.basicStructure.doc.Document;
import org.ofdrw.core.basicStructure.ofd.DocBody;
import org.ofdrw.core.basicStructure.ofd.OFD;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.outlines.CT_OutlineElem;
import org.ofdrw.core.basicStructure.outlines.Outlines;
import org.ofdrw.core.basicStructure.pageObj.Content;
import org.ofdrw.core.basicStructure.pageObj.Page;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.Type;
import org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicStructure.pageTree.Pages;
import org.ofdrw.core.basicStructure.res.Res;
import org.ofdrw.core.basicStructure.res.resources.Fonts;
import org.ofdrw.core.basicType.ST_ID;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.basicType.ST_RefID;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.core.text.font.CT_Font;
import org.ofdrw.pkg.tool.ElemCup;
import org.openbudget.render.DatedZip;
import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.page.LaidOut;
import org.openbudget.render.pdf.Advances;
import org.openbudget.render.pdf.PdfRenderer;

/**
 * The document as OFD (GB/T 33190, 版式文档), the format of China's e-government archives: the same A4 pages as the
 * PDF ({@link PdfRenderer#layout}: cover, 目录 with its links, tables with their headers repeated, landscape pages, page
 * numbers, bookmarks), each page's text as text objects — selectable and searchable, every glyph's advance given
 * from the same metrics as the PDF — and its ruling as one path. The package's parts are the OFD library's own
 * model (org.ofdrw's core elements, written out by the library), put into the zip here in a fixed order with the
 * document's year as every entry's date, so the same document gives the same bytes. The font is the vendored Noto
 * Sans SC, embedded as a subset of the characters the document prints (the PDF's glyphs, with a character map),
 * never a font of the machine.
 */
public final class OfdRenderer implements Renderer {
    /** Points to millimetres. */
    static final double MM = 25.4 / 72.0;

    private static final String DOC = "Doc_0/";

    @Override
    public Format format() { return Format.OFD; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        write(PdfRenderer.layout(view), out);
    }

    /** Writes pages laid out as drawing. */
    public static void write(LaidOut doc, OutputStream out) throws IOException {
        // what each run prints: a character the face lacks is □, as in the PDF
        List<String[]> printed = new ArrayList<>(doc.pages().size());
        Set<Integer> regular = new TreeSet<>(), bold = new TreeSet<>();
        for (LaidOut.Sheet s : doc.pages()) {
            String[] texts = new String[s.ops().size()];
            for (int i = 0; i < texts.length; i++) {
                if (s.ops().get(i) instanceof LaidOut.Run r) {
                    texts[i] = Advances.printable(r.bold(), r.text());
                    texts[i].codePoints().forEach((r.bold() ? bold : regular)::add);
                }
            }
            printed.add(texts);
        }
        Ids ids = new Ids();
        long plain = ids.next(), heavy = bold.isEmpty() ? plain : ids.next();
        long[] pageIds = new long[doc.pages().size()];
        for (int i = 0; i < pageIds.length; i++) pageIds[i] = ids.next();

        List<byte[]> pages = new ArrayList<>(pageIds.length);
        for (int i = 0; i < pageIds.length; i++) pages.add(ElemCup.dump(page(doc.pages().get(i), printed.get(i), ids, plain, heavy, pageIds)));

        Fonts fonts = new Fonts();
        fonts.addFont(font(plain, "NotoSansSC-Regular"));
        if (heavy != plain) fonts.addFont(font(heavy, "NotoSansSC-Bold").setBold(true));
        Res publicRes = new Res().setBaseLoc(ST_Loc.getInstance("Res")).addResource(fonts);

        Pages tree = new Pages();
        for (int i = 0; i < pageIds.length; i++) {
            tree.addPage(new org.ofdrw.core.basicStructure.pageTree.Page(pageIds[i], "Pages/Page_" + i + "/Content.xml"));
        }
        Document document = new Document()
                .setCommonData(new CT_CommonData()
                        .setPageArea(new CT_PageArea().setPhysicalBox(0, 0, 210, 297).setApplicationBox(0, 0, 210, 297))
                        .setPublicRes(ST_Loc.getInstance("PublicRes.xml"))
                        .setMaxUnitID(ids.last()))
                .setPages(tree);
        Outlines outlines = outlines(doc, pageIds);
        if (outlines != null) document.setOutlines(outlines);

        CT_DocInfo info = new CT_DocInfo()
                .setDocID(UUID.nameUUIDFromBytes((doc.title() + "|" + doc.author() + "|" + doc.year()).getBytes(StandardCharsets.UTF_8)))
                .setTile(doc.title())
                .setAuthor(doc.author())
                .setSubject(doc.title() + "公开")
                .setCreationDate(LocalDate.of(doc.year(), 1, 1))
                .setCreator("OpenBudget budget-render")
                .setCreatorVersion("1");
        OFD ofd = new OFD().addDocBody(new DocBody().setDocInfo(info).setDocRoot(ST_Loc.getInstance(DOC + "Document.xml")));

        DatedZip zip = new DatedZip(out, doc.year());
        zip.put("OFD.xml", ElemCup.dump(ofd));
        zip.put(DOC + "Document.xml", ElemCup.dump(document));
        zip.put(DOC + "PublicRes.xml", ElemCup.dump(publicRes));
        zip.put(DOC + "Res/NotoSansSC-Regular.ttf", Advances.subset(false, regular));
        if (heavy != plain) zip.put(DOC + "Res/NotoSansSC-Bold.ttf", Advances.subset(true, bold));
        for (int i = 0; i < pages.size(); i++) zip.put(DOC + "Pages/Page_" + i + "/Content.xml", pages.get(i));
        zip.finish();
    }

    /** Object identifiers, unique in the document (GB/T 33190: every object's ID, and MaxUnitID the largest). */
    private static final class Ids {
        private long last;

        long next() { return ++last; }

        long last() { return last; }
    }

    private static CT_Font font(long id, String name) {
        return new CT_Font().setID(id).setFontName(name).setFamilyName("Noto Sans SC").setFontFile(name + ".ttf");
    }

    /** One page: its area (portrait or landscape), and its drawing and 目录 links as the page's body layer. */
    private static Page page(LaidOut.Sheet s, String[] printed, Ids ids, long plain, long heavy, long[] pageIds) {
        double w = s.width() * MM, h = s.height() * MM;
        Page page = new Page();
        String box = num(num(new StringBuilder("0 0 "), w).append(' '), h).toString();
        CT_PageArea area = new CT_PageArea();
        area.addOFDEntity("PhysicalBox", box);
        area.addOFDEntity("ApplicationBox", box);
        page.setArea(area);
        CT_Layer layer = new CT_Layer().setType(Type.Body);
        layer.setObjID(ids.next());
        draw(layer, s, printed, ids, plain, heavy);
        links(layer, s, ids, pageIds);
        page.setContent(new Content().addLayer(layer));
        return page;
    }

    /**
     * One page's drawing: the ruling as one path (0.75 pt lines, as the PDF draws them), then the runs as text codes in
     * the order they are read (the package's order is what a reader extracts and searches) — one text object for
     * runs in a row of the same face and size — every glyph's advance given (DeltaX, compressed where it repeats).
     */
    private static void draw(CT_Layer layer, LaidOut.Sheet s, String[] printed, Ids ids, long plain, long heavy) {
        String page = num(num(new StringBuilder("0 0 "), s.width() * MM).append(' '), s.height() * MM).toString();   // the page's box
        StringBuilder path = new StringBuilder();
        for (LaidOut.Op op : s.ops()) {
            if (op instanceof LaidOut.Rule r) {
                if (!path.isEmpty()) path.append(' ');
                num(num(path.append("M "), r.x1() * MM).append(' '), r.y1() * MM);
                num(num(path.append(" L "), r.x2() * MM).append(' '), r.y2() * MM);
            }
        }
        if (!path.isEmpty()) {
            PathObject rules = new PathObject(new ST_ID(ids.next()));
            rules.addAttribute("Boundary", page);
            rules.addAttribute("LineWidth", num(0.75 * MM));
            rules.addAttribute("Stroke", "true");
            rules.addAttribute("Fill", "false");
            rules.addOFDEntity("AbbreviatedData", path.toString());
            layer.addPageBlock(rules);
        }
        String plainRef = Long.toString(plain), heavyRef = Long.toString(heavy);
        List<LaidOut.Op> ops = s.ops();
        TextObject text = null;
        LaidOut.Run last = null;
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof LaidOut.Run r) || printed[i].isEmpty()) continue;
            // runs one after another in the same face and size are the text codes of one text object
            if (text == null || r.bold() != last.bold() || r.size() != last.size()) {
                text = new TextObject(ids.next());
                text.addAttribute("Boundary", page);
                text.addAttribute("Font", r.bold() ? heavyRef : plainRef);
                text.addAttribute("Size", num(r.size() * MM));
                text.addAttribute("Fill", "true");
                layer.addPageBlock(text);
            }
            last = r;
            TextCode code = new TextCode();
            code.addAttribute("X", num(r.x() * MM));
            code.addAttribute("Y", num(r.baseline() * MM));
            code.addAttribute("DeltaX", deltas(Advances.of(r.bold(), printed[i], r.size())));
            code.setContent(printed[i]);
            text.addTextCode(code);
        }
    }

    /** The 目录's links: over each entry an unpainted rectangle whose click goes to the entry's page (a graphic unit's action). */
    private static void links(CT_Layer layer, LaidOut.Sheet s, Ids ids, long[] pageIds) {
        for (LaidOut.Link l : s.links()) {
            if (l.page() >= pageIds.length) continue;
            double w = (l.x2() - l.x1()) * MM, h = (l.bottom() - l.top()) * MM;
            PathObject area = new PathObject(new ST_ID(ids.next()));
            area.addAttribute("Boundary", num(num(num(num(new StringBuilder(), l.x1() * MM).append(' '), l.top() * MM).append(' '), w).append(' '), h).toString());
            area.addAttribute("Stroke", "false");
            area.addAttribute("Fill", "false");
            // a graphic unit's Actions come before the path's data (GB/T 33190, CT_GraphicUnit then CT_Path)
            area.setActions(goTo(pageIds[l.page()], l.y()));
            String ws = num(w), hs = num(h);
            area.addOFDEntity("AbbreviatedData", "M 0 0 L " + ws + " 0 L " + ws + ' ' + hs + " L 0 " + hs + " C");
            layer.addPageBlock(area);
        }
    }

    /** The bookmarks: the parts, each with its sections under it; null when the document has none. */
    private static Outlines outlines(LaidOut doc, long[] pageIds) {
        if (doc.outline().isEmpty()) return null;
        Outlines outlines = new Outlines();
        CT_OutlineElem part = null;
        for (LaidOut.Bookmark b : doc.outline()) {
            if (b.page() >= pageIds.length) continue;
            CT_OutlineElem elem = new CT_OutlineElem(b.text());
            elem.setActions(goTo(pageIds[b.page()], b.y()));
            if (b.level() > 1 && part != null) part.addOutlineElem(elem);
            else {
                outlines.addOutlineElem(elem);
                part = elem;
            }
        }
        return outlines;
    }

    /** A click that goes to {@code y} (points from the top) on the page {@code pageId}, a little above it. */
    private static Actions goTo(long pageId, float y) {
        CT_Dest dest = new CT_Dest().setType(DestType.XYZ).setPageID(new ST_RefID(new ST_ID(pageId)));
        // Left and Top are attributes of a Dest (GB/T 33190 表 52)
        dest.addAttribute("Left", "0");
        dest.addAttribute("Top", num(Math.max(0, y - 4f) * MM));
        return new Actions().addAction(new CT_Action(EventType.CLICK, new Goto(dest)));
    }

    /** Advances in millimetres, a run of equal ones written "g N v" (GB/T 33190's compressed form). */
    static String deltas(float[] advances) {
        StringBuilder b = new StringBuilder(advances.length * 4);
        for (int i = 0; i < advances.length; ) {
            int j = i + 1;
            while (j < advances.length && advances[j] == advances[i]) j++;
            if (!b.isEmpty()) b.append(' ');
            if (j - i > 2) {
                num(b.append("g ").append(j - i).append(' '), advances[i] * MM);
            } else {
                for (int k = i; k < j; k++) num(k > i ? b.append(' ') : b, advances[i] * MM);
            }
            i = j;
        }
        return b.toString();
    }

    /** A length in millimetres to three decimals, without trailing zeros (the library's own formatting is slow). */
    static String num(double mm) {
        return num(new StringBuilder(10), mm).toString();
    }

    static StringBuilder num(StringBuilder b, double mm) {
        long m = Math.round(mm * 1000);
        if (m < 0) {
            b.append('-');
            m = -m;
        }
        b.append(m / 1000);
        int f = (int) (m % 1000);
        if (f != 0) {
            b.append('.').append((char) ('0' + f / 100));
            f %= 100;
            if (f != 0) {
                b.append((char) ('0' + f / 10));
                if (f % 10 != 0) b.append((char) ('0' + f % 10));
            }
        }
        return b;
    }
}
