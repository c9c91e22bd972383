package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.audit.testing.DocumentTexts;
import org.openbudget.audit.testing.DocumentTexts.Options;
import org.openbudget.audit.testing.Tables;
import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The three examples' tables (as the core derives them from their ledgers) written in every text
 * layout a PDF extraction gives, and read back: every cell as printed.
 */
class LayoutVariantsTest {
    static final Path EXAMPLES = Path.of("../examples");
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final List<String> NAMES = List.of("urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024");

    static Disclosure derived(String name) {
        return new Workspace(LIB).load(EXAMPLES.resolve(name)).disclosure();
    }

    static List<Arguments> cases() {
        List<Options> options = List.of(
                Options.tab(), Options.tab().withThousands(false), Options.tab().withYuan(true),
                Options.tab().withHeaderCharPerLine(true),
                Options.plain(), Options.plain().withThousands(false), Options.plain().withYuan(true),
                Options.plain().withHeaderCharPerLine(true), Options.plain().withHeaderCharPerLine(true).withYuan(true).withThousands(false));
        return NAMES.stream().flatMap(n -> options.stream().map(o -> Arguments.of(n, o))).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyCellIsReadBackAsPrinted(String name, Options o) {
        Disclosure d = derived(name);
        String text = DocumentTexts.write(d, LIB.profile(d.profileId()), o);
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes(name + ".txt", text, LIB);
        assertThat(Tables.differences(r.disclosure(), d, Set.of())).as("notes %s", r.notes()).isEmpty();
        assertThat(r.notes()).isEmpty();
    }
}
