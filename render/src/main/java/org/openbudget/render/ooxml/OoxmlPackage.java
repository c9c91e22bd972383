package org.openbudget.render.ooxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An Office Open XML package (ECMA-376 Part 2) written as a zip of XML parts: each part is added
 * with its content type, and {@code [Content_Types].xml} is written last from them. Every entry
 * carries the same fixed time, so the same document gives the same bytes.
 */
public final class OoxmlPackage implements AutoCloseable {
    /** The relationship types the documents use. */
    public static final String REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";

    public static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final org.openbudget.render.DatedZip zip;
    private final List<String[]> overrides = new ArrayList<>();

    /**
     * zlib's default level (6): level 1 takes about 3 ms less per document for Word and Excel
     * together, but the files come out a quarter larger.
     */
    public OoxmlPackage(OutputStream out, int year) {
        this.zip = new org.openbudget.render.DatedZip(out, year);
    }

    /** Adds a part: its name without the leading slash ("word/document.xml") and content type (null: a relationships part or plain XML). */
    public void part(String name, String contentType, CharSequence xml) throws IOException {
        zip.put(name, xml);
        if (contentType != null) overrides.add(new String[] {"/" + name, contentType});
    }

    /** A relationships part: each relationship as {id, type, target}. */
    public void relationships(String name, String[]... rels) throws IOException {
        StringBuilder b = new StringBuilder(XML_HEAD).append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (String[] r : rels) {
            b.append("<Relationship Id=\"").append(r[0]).append("\" Type=\"").append(r[1]).append("\" Target=\"").append(r[2]).append("\"/>");
        }
        part(name, null, b.append("</Relationships>"));
    }

    /** docProps/core.xml and docProps/app.xml: title, creator, the document's year as its date, the application. */
    public void properties(String title, String creator, int year) throws IOException {
        part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", XML_HEAD
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + Xml.text(title) + "</dc:title><dc:creator>"
                + Xml.text(creator) + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + year
                + "-01-01T00:00:00Z</dcterms:created></cp:coreProperties>");
        part("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", XML_HEAD
                + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Application>OpenBudget budget-render</Application></Properties>");
    }

    /** Writes [Content_Types].xml and finishes the zip (the underlying stream stays open). */
    @Override
    public void close() throws IOException {
        StringBuilder b = new StringBuilder(XML_HEAD).append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        for (String[] o : overrides) b.append("<Override PartName=\"").append(o[0]).append("\" ContentType=\"").append(o[1]).append("\"/>");
        zip.put("[Content_Types].xml", b.append("</Types>"));
        zip.finish();
    }
}
