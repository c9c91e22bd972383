package org.openbudget.audit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * Test support: a published document's tab-layout text as a Word document (what a unit's finance
 * staff make in Word/WPS) — every run of tab-separated lines a bordered table whose header rows
 * repeat on each page and whose group headings (a heading followed by empty cells above a row of
 * sub-headings) are merged cells — and that DOCX converted to PDF by LibreOffice, as Word/WPS/
 * LibreOffice users publish it.
 */
public final class Docx {
    private static final Pattern NUM = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{2}");
    private static final String FONT = "WenQuanYi Zen Hei";

    private Docx() {}

    public static void write(String tabText, Path out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.addNewPgSz();
            size.setOrient(STPageOrientation.LANDSCAPE);
            size.setW(BigInteger.valueOf(16838));
            size.setH(BigInteger.valueOf(11906));
            var mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(720));
            mar.setBottom(BigInteger.valueOf(720));
            mar.setLeft(BigInteger.valueOf(720));
            mar.setRight(BigInteger.valueOf(720));
            List<String> block = new ArrayList<>();
            for (String raw : tabText.split("\n", -1)) {
                String l = raw.replace("<b>", "").replace("</b>", "").replaceFirst("^\\s*#+\\s*", "");
                if (l.indexOf('\t') >= 0) {
                    block.add(l);
                    continue;
                }
                if (!block.isEmpty()) {
                    table(doc, block);
                    block.clear();
                }
                if (l.isBlank()) continue;
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingAfter(40);
                XWPFRun r = p.createRun();
                r.setFontFamily(FONT);
                r.setFontSize(9);
                r.setText(l.strip());
            }
            if (!block.isEmpty()) table(doc, block);
            try (OutputStream os = Files.newOutputStream(out)) {
                doc.write(os);
            }
        }
    }

    private static void table(XWPFDocument doc, List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        int width = 0;
        for (String l : lines) {
            String[] c = l.split("\t", -1);
            rows.add(c);
            width = Math.max(width, c.length);
        }
        int firstData = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            boolean num = false;
            for (String c : rows.get(i)) if (NUM.matcher(c.trim()).matches()) num = true;
            if (num) {
                firstData = i;
                break;
            }
        }
        if (firstData == rows.size()) firstData = Math.min(1, rows.size());
        XWPFTable t = doc.createTable();
        t.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            String[] c = java.util.Arrays.copyOf(rows.get(i), width);
            for (int k = 0; k < width; k++) if (c[k] == null) c[k] = "";
            XWPFTableRow row = i == 0 ? t.getRow(0) : t.createRow();
            boolean header = i < firstData;
            if (header) row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            // group headings: a header cell followed by empty cells over a row of sub-headings
            List<int[]> spans = new ArrayList<>();
            for (int k = 0; k < width; ) {
                int span = 1;
                if (header && !c[k].isBlank() && i + 1 < firstData) {
                    String[] below = rows.get(i + 1);
                    while (k + span < width && c[k + span].isBlank() && k + span < below.length && !below[k + span].isBlank()
                            && k < below.length && !below[k].isBlank()) span++;
                }
                spans.add(new int[]{k, span});
                k += span;
            }
            while (row.getTableCells().size() < spans.size()) row.addNewTableCell();
            while (row.getTableCells().size() > spans.size()) row.removeCell(row.getTableCells().size() - 1);
            for (int s = 0; s < spans.size(); s++) {
                XWPFTableCell cell = row.getCell(s);
                int[] sp = spans.get(s);
                if (sp[1] > 1) {
                    var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(sp[1]));
                }
                XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
                XWPFRun r = p.createRun();
                r.setFontFamily(FONT);
                r.setFontSize(7);
                r.setText(c[sp[0]].strip());
            }
        }
        doc.createParagraph();
    }

    /** Whether LibreOffice is installed (tests that need it skip without). */
    public static boolean libreOfficeAvailable() {
        return soffice() != null;
    }

    private static String soffice() {
        for (String s : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(s))) return s;
        }
        return null;
    }

    /** DOCX → PDF with LibreOffice headless, a private profile so parallel runs do not collide. */
    public static Path toPdf(Path docx, Path outDir) throws IOException, InterruptedException {
        String soffice = soffice();
        if (soffice == null) throw new IllegalStateException("LibreOffice not installed");
        Path profile = Files.createTempDirectory("lo-profile");
        try {
            Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                    "--outdir", outDir.toString(), docx.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("LibreOffice timed out");
            }
            String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
            Path pdf = outDir.resolve(name);
            if (!Files.exists(pdf)) throw new IOException("LibreOffice made no PDF: " + log);
            return pdf;
        } finally {
            try (var w = Files.walk(profile)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
