package org.openbudget.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openbudget.audit.pdf.PdfLayout;

class DumpPdfScratch {
    @Test
    @EnabledIfSystemProperty(named = "dump", matches = ".+")
    void dump() throws Exception {
        System.setProperty("audit.gaps", System.getProperty("gaps", "false"));
        PdfLayout.Text t = PdfLayout.read(Path.of(System.getProperty("dump")).toFile());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.lines().size(); i++) b.append(t.pageOfLine()[i]).append('|').append(t.lines().get(i)).append('\n');
        Files.writeString(Path.of("/tmp/audit-dbg/dump.txt"), b.toString());
        System.out.println("pages " + t.pages() + " notes " + t.notes());
    }
}
