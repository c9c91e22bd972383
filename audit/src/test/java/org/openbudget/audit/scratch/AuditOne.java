package org.openbudget.audit.scratch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.io.refdata.ReferenceLibrary;

@EnabledIfSystemProperty(named = "one", matches = ".+")
class AuditOne {
    @Test
    void one() throws Exception {
        StringBuilder s = new StringBuilder();
        for (String f : System.getProperty("one").split(",")) {
            DocumentAudit.Result a = DocumentAudit.run(Path.of("../../shared/realdocs", f), ReferenceLibrary.standard());
            s.append("##### ").append(f).append(" unit=").append(a.disclosure().unitName()).append(" profile=").append(a.disclosure().profileId()).append('\n');
            for (String n : a.notes()) s.append("NOTE ").append(n).append('\n');
            for (DisclosureTable t : a.disclosure().tables()) {
                s.append("=== ").append(t.no()).append(' ').append(t.title()).append(' ').append(t.columns()).append('\n');
                int k = 0;
                for (Row r : t.rows()) {
                    if (k++ > Integer.getInteger("rows", 8)) break;
                    s.append(r.side()).append(' ').append(r.kind()).append(' ').append(r.code()).append(' ').append(r.label()).append(' ').append(r.values()).append('\n');
                }
            }
        }
        Files.writeString(Path.of("/tmp/one.txt"), s);
    }
}
