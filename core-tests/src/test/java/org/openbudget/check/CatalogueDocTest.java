package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;

/**
 * docs/checks.md documents the catalogue; the table between the markers is generated from
 * {@link CheckCatalogue} and must not drift. On a difference the expected file is written to
 * target/checks.md; run with {@code -Dregenerate.docs=true} to rewrite docs/checks.md in place.
 */
class CatalogueDocTest {
    static final String BEGIN = "<!-- catalogue:begin -->";
    static final String END = "<!-- catalogue:end -->";
    static final Path DOC = Path.of("../docs/checks.md");

    /** The catalogue as a Markdown table, in catalogue order. */
    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("| id | severity | tables | rule |\n");
        b.append("|---|---|---|---|\n");
        for (Check c : CheckCatalogue.checks(Fixtures.SME.profile())) {
            String tables = c.tables().length == 0 ? "—"
                    : Arrays.stream(c.tables()).mapToObj(t -> "表" + t).collect(Collectors.joining(", "));
            b.append("| `").append(c.id()).append("` | ").append(c.severity().json())
                    .append(" | ").append(tables)
                    .append(" | ").append(c.rule().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    /** The document with the generated table between the markers. */
    static String render(String doc) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) throw new IllegalStateException(DOC + " must contain " + BEGIN + " … " + END);
        return doc.substring(0, begin + BEGIN.length()) + "\n" + table() + doc.substring(end);
    }

    @Test
    void docs_checks_md_lists_the_catalogue() throws IOException {
        String actual = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = render(actual);
        if (Boolean.getBoolean("regenerate.docs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "checks.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("docs/checks.md differs from the catalogue: copy io/target/checks.md over it, or run "
                        + "mvn -B test -Dregenerate.docs=true")
                .isEqualTo(expected);
    }

    @Test
    void every_check_appears_once_in_the_table() {
        String t = table();
        for (Check c : CheckCatalogue.checks(Fixtures.SME.profile())) assertThat(t).containsOnlyOnce("| `" + c.id() + "` |");
    }
}
