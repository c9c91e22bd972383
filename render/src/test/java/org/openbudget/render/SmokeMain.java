package org.openbudget.render;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openbudget.io.Workspace;
import org.openbudget.render.html.HtmlRenderer;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.pdf.PdfRenderer;

/** Manual look: renders the examples (with the sample text) to target/look/. */
public final class SmokeMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/look");
        Files.createDirectories(dir);
        for (String ex : Fixtures.EXAMPLES) {
            Workspace.Loaded l = Fixtures.load(ex);
            var d = l.disclosure().withText(Fixtures.sampleText(l.disclosure()));
            DocumentView v = new DocumentView(d, l.profile());
            for (Renderer r : new Renderer[] {new PdfRenderer(), new HtmlRenderer(), new org.openbudget.render.docx.DocxRenderer(), new org.openbudget.render.xlsx.XlsxRenderer(), new org.openbudget.render.json.JsonRenderer()}) {
                long t0 = System.nanoTime();
                try (OutputStream o = Files.newOutputStream(dir.resolve(ex + "." + r.format().extension()))) { r.write(v, o); }
                System.out.printf("%s %s %.0f ms%n", ex, r.format(), (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
