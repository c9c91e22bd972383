package org.openbudget.render;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The formats a document is rendered to: the printed document (PDF, Word, Excel, HTML, JSON, OFD — from its
 * layout) and its open data ({@link #FDP}: a Fiscal Data Package of the ledger's lines, written from the
 * ledger, not from the printed tables).
 */
public enum Format {
    PDF("pdf"), DOCX("docx"), XLSX("xlsx"), HTML("html"), JSON("json"), OFD("ofd"), FDP("fdp.zip");

    private final String extension;

    Format(String extension) { this.extension = extension; }

    public String extension() { return extension; }

    /** A format of the printed document, written from its layout (all but {@link #FDP}, which is written from the ledger). */
    public boolean printed() { return this != FDP; }

    /** The formats of the printed document. */
    public static Set<Format> printedFormats() {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (Format f : values()) if (f.printed()) out.add(f);
        return out;
    }

    /** "pdf,docx" → {PDF, DOCX}; an unknown name is an {@link IllegalArgumentException} naming the known ones. */
    public static Set<Format> parseList(String list) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String s : list.split("[,\\s]+")) {
            if (s.isBlank()) continue;
            Format f = null;
            for (Format x : values()) if (x.extension.equals(s.trim().toLowerCase(Locale.ROOT)) || x.name().equalsIgnoreCase(s.trim())) f = x;
            if (f == null) {
                List<String> known = new ArrayList<>();
                for (Format x : values()) known.add(x == FDP ? "fdp" : x.extension);
                throw new IllegalArgumentException("未知格式 (unknown format) '" + s.trim() + "'; expected one of " + String.join(",", known));
            }
            out.add(f);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no format given; expected some of pdf,docx,xlsx,html,json,ofd,fdp");
        return out;
    }
}
