package org.openbudget.audit.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openbudget.audit.pdf.PdfLayout;

@EnabledIfSystemProperty(named = "dump", matches = ".+")
class DumpPdf {
    @Test
    void dump() throws Exception {
        Path out = Path.of("/tmp/realtxt");
        Files.createDirectories(out);
        List<Path> pdfs;
        try (Stream<Path> s = Files.walk(Path.of("../../shared/realdocs"))) { pdfs = s.filter(p -> p.toString().endsWith(".pdf")).toList(); }
        for (Path p : pdfs) {
            PdfLayout.Text t = PdfLayout.read(p.toFile());
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < t.lines().size(); i++) lines.add(t.pageOfLine()[i] + "|" + t.lines().get(i));
            Files.write(out.resolve(p.getParent().getFileName() + "__" + p.getFileName().toString().replace(".pdf", ".txt")), lines);
        }
    }
}
