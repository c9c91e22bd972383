package org.openbudget.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * For looking at the pages (not a test): renders the three examples — derived from their ledgers
 * with the hand-built text, and the published documents read back by audit — into target/look/.
 * Run: java -cp … org.openbudget.render.LookMain [shared-examples-dir]
 */
public final class LookMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/look");
        Path shared = Path.of(args.length > 0 ? args[0] : "../../shared/examples");
        ReferenceLibrary lib = ReferenceLibrary.standard();
        for (String ex : Fixtures.EXAMPLES) {
            Rendered.Doc d = Rendered.doc(ex, true);
            Renderers.write(d.disclosure(), d.loaded().profile(), Format.printedFormats(), dir.resolve("ledger-" + ex));
            Path txt = shared.resolve(ex + ".txt");
            if (Files.exists(txt)) {
                Disclosure p = PublishedTextReader.read(txt.getFileName().toString(), Files.readString(txt), lib);
                Renderers.write(p, lib.profile(p.profileId()), Format.printedFormats(), dir.resolve("published-" + ex));
            }
        }
    }
}
