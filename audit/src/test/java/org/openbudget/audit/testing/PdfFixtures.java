package org.openbudget.audit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Writes the committed PDF fixtures (audit/src/test/resources/pdf/) with LibreOffice, so that CI
 * without LibreOffice still reads real LibreOffice PDFs. Run on purpose only:
 * {@code mvn -o test -pl audit -Dtest=PdfFixtures -Daudit.fixtures=write}.
 */
public class PdfFixtures {
    public static final Path DIR = Path.of("src/test/resources/pdf");
    static final Path SHARED = Path.of("../../shared/examples");
    static final Path EXAMPLES = Path.of("../examples");

    /** fixture name → the tab-layout text it is made from. */
    public static List<String[]> sources() throws IOException {
        ReferenceLibrary lib = ReferenceLibrary.standard();
        List<String[]> out = new ArrayList<>();
        for (String name : List.of("urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024")) {
            Disclosure d = new Workspace(lib).load(EXAMPLES.resolve(name)).disclosure();
            out.add(new String[]{name + ".tables", DocumentTexts.write(d, lib.profile(d.profileId()), DocumentTexts.Options.tab())});
        }
        // the whole published documents of the tab layout (第一部分 to the closing, performance tables too)
        for (String name : List.of("urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024")) {
            out.add(new String[]{name + ".published", Files.readString(SHARED.resolve(name + ".txt"), StandardCharsets.UTF_8)});
        }
        return out;
    }

    @Test
    @EnabledIfSystemProperty(named = "audit.fixtures", matches = "write")
    void write() throws Exception {
        Files.createDirectories(DIR);
        Path tmp = Files.createTempDirectory("pdf-fixtures");
        for (String[] s : sources()) {
            Path docx = tmp.resolve(s[0] + ".docx");
            Docx.write(s[1], docx);
            Path pdf = Docx.toPdf(docx, tmp);
            Files.copy(pdf, DIR.resolve(s[0] + ".libreoffice.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
