package org.openbudget.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Draws a page of an OFD file to PNG the way a viewer would, from the package alone (its paths, its text codes with
 * their DeltaX, its embedded fonts loaded as fonts): {@code OfdLook FILE.ofd PAGE OUT.png}. A tool for looking, not a
 * test; it reads only what GB/T 33190 puts where (PhysicalBox, PathObject AbbreviatedData M/L, TextObject TextCode).
 */
public final class OfdLook {
    public static void main(String[] args) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) files.put(e.getName(), zip.readAllBytes());
        }
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Map<String, Font> fonts = new HashMap<>();
        var res = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("Doc_0/PublicRes.xml")));
        NodeList fl = res.getElementsByTagNameNS("*", "Font");
        for (int i = 0; i < fl.getLength(); i++) {
            Element f = (Element) fl.item(i);
            String file = f.getElementsByTagNameNS("*", "FontFile").item(0).getTextContent();
            fonts.put(f.getAttribute("ID"), Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(files.get("Doc_0/Res/" + file))));
        }
        var page = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("Doc_0/Pages/Page_" + args[1] + "/Content.xml")));
        String[] box = page.getElementsByTagNameNS("*", "PhysicalBox").item(0).getTextContent().trim().split("\\s+");
        double scale = 4;   // pixels per mm
        int w = (int) (Double.parseDouble(box[2]) * scale), h = (int) (Double.parseDouble(box[3]) * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.75f * 25.4f / 72f * (float) scale));
        NodeList paths = page.getElementsByTagNameNS("*", "PathObject");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if ("false".equals(path.getAttribute("Stroke"))) continue;   // an unpainted area (a link's)
            String[] t = path.getElementsByTagNameNS("*", "AbbreviatedData").item(0).getTextContent().trim().split("\\s+");
            double x = 0, y = 0;
            for (int k = 0; k < t.length; ) {
                String op = t[k++];
                if (op.equals("C")) continue;   // a closed area (a link's): nothing drawn here
                double nx = Double.parseDouble(t[k++]), ny = Double.parseDouble(t[k++]);
                if (op.equals("L")) g.draw(new Line2D.Double(x * scale, y * scale, nx * scale, ny * scale));
                x = nx;
                y = ny;
            }
        }
        NodeList texts = page.getElementsByTagNameNS("*", "TextObject");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            Font f = fonts.get(t.getAttribute("Font")).deriveFont((float) (Double.parseDouble(t.getAttribute("Size")) * scale));
            g.setFont(f);
            NodeList codes = t.getElementsByTagNameNS("*", "TextCode");
            for (int n = 0; n < codes.getLength(); n++) {
                Element code = (Element) codes.item(n);
                double x = Double.parseDouble(code.getAttribute("X")), y = Double.parseDouble(code.getAttribute("Y"));
                java.util.List<Double> dx = deltas(code.getAttribute("DeltaX"));
                String s = code.getTextContent();
                int k = 0;
                for (int c = 0; c < s.length(); ) {
                    int cp = s.codePointAt(c);
                    g.drawString(new String(Character.toChars(cp)), (float) (x * scale), (float) (y * scale));
                    if (k < dx.size()) x += dx.get(k++);
                    c += Character.charCount(cp);
                }
            }
        }
        ImageIO.write(img, "png", Path.of(args[2]).toFile());
    }

    /** DeltaX: numbers, and "g N v" for N times v. */
    private static java.util.List<Double> deltas(String s) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        String[] t = s.isBlank() ? new String[0] : s.trim().split("\\s+");
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("g") && i + 2 < t.length) {
                int n = Integer.parseInt(t[i + 1]);
                double v = Double.parseDouble(t[i + 2]);
                for (int k = 0; k < n; k++) out.add(v);
                i += 2;
            } else {
                out.add(Double.parseDouble(t[i]));
            }
        }
        return out;
    }
}
