package org.openbudget.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.render.opendata.FiscalDataPackage;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.render.docx.DocxRenderer;
import org.openbudget.render.html.HtmlRenderer;
import org.openbudget.render.json.JsonRenderer;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.pdf.PdfRenderer;
import org.openbudget.render.xlsx.XlsxRenderer;

/** The renderers by format, and writing a document's files into a directory. */
public final class Renderers {
    private Renderers() {}

    public static Renderer of(Format f) {
        return switch (f) {
            case PDF -> new PdfRenderer();
            case DOCX -> new DocxRenderer();
            case XLSX -> new XlsxRenderer();
            case HTML -> new HtmlRenderer();
            case JSON -> new JsonRenderer();
            case OFD -> new org.openbudget.render.ofd.OfdRenderer();
            case FDP -> throw new IllegalArgumentException("a Fiscal Data Package is written from the ledger (Renderers.write with the budget), not from the layout");
        };
    }

    /** "2024年乌鲁木齐市中小企业服务中心单位预算" made safe as a file name. */
    public static String baseName(DocumentView v) {
        return v.documentTitle().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    /**
     * Writes one file per format into {@code dir} (created if needed). Each file is written to a
     * temporary file beside it and moved into place, so a failure never leaves a half-written file.
     */
    public static Map<Format, Path> write(Disclosure d, TemplateProfile profile, Set<Format> formats, Path dir) throws IOException {
        return write(null, null, d, profile, formats, dir);
    }

    /**
     * The same, with the ledger the document was derived from, for the formats written from it
     * ({@link Format#FDP}: the open data of the lines).
     */
    public static Map<Format, Path> write(Budget budget, ReferenceData ref, Disclosure d, TemplateProfile profile, Set<Format> formats,
                                          Path dir) throws IOException {
        DocumentView v = new DocumentView(d, profile);
        Files.createDirectories(dir);
        Map<Format, Path> out = new EnumMap<>(Format.class);
        for (Format f : formats) {
            Path target = dir.resolve(baseName(v) + "." + f.extension());
            if (f.printed()) {
                org.openbudget.io.AtomicFiles.write(target, o -> of(f).write(v, o));
            } else {
                if (budget == null || ref == null) throw new IllegalArgumentException("a Fiscal Data Package needs the ledger");
                org.openbudget.io.AtomicFiles.write(target, o -> FiscalDataPackage.write(budget, ref, profile.meta().basis(), o));
            }
            out.put(f, target);
        }
        return out;
    }
}
