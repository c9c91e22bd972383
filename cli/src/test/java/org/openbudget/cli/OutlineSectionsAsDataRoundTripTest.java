package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.text.ChineseNumerals;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * 第三部分's sections are data end to end (issue 10 item 3): a bureau's copy of its profile, given at run time, that adds
 * a section of its own (a sentence stating 运行经费 with its change and reason, under a new title, fourth) and prints
 * 国有资本经营预算 before 政府性基金预算 — every later section renumbered — renders the SME center's ledger (PDF), and the
 * audit reads it back under the same profile with the facts the generator wrote, each in its new section. The reader
 * reads a section by the kinds of its blocks: nothing says how the added section is read, and no Java knows it.
 */
class OutlineSectionsAsDataRoundTripTest {
    private static final Pattern SECTION = Pattern.compile("(?m)^    - number: (\\S+)\\n");

    /** The outline's sections as printed in the profile, each from its "- number:" line to the next. */
    static List<String> sections(String outline) {
        List<String> out = new ArrayList<>();
        Matcher m = SECTION.matcher(outline);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) starts.add(m.start());
        for (int i = 0; i < starts.size(); i++) out.add(outline.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : outline.length()));
        return out;
    }

    /** A section renumbered. */
    static String numbered(String section, int n) {
        return SECTION.matcher(section).replaceFirst("    - number: " + ChineseNumerals.of(n) + "\n");
    }

    @Test
    void aSectionAddedAndTwoSwappedAreReadBackByTheirBlocks(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        int from = yaml.indexOf("  outline:\n") + "  outline:\n".length(), to = yaml.indexOf("  sentences:\n");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        List<String> shipped = sections(yaml.substring(from, to));
        assertThat(shipped).hasSize(12);
        assertThat(shipped.get(7)).contains("gfb.empty");
        assertThat(shipped.get(8)).contains("soc.empty");
        String added = """
                    - number: 四
                      title: "关于{unit}{year}年运行经费预算安排的说明"
                      blocks:
                        - sentence: own.running
                          amounts: [{var: amount, key: running, measure: gpb & public, subject: "{running_label}", change: true, reason: reason_sentence}]
                """;
        List<String> own = new ArrayList<>(shipped.subList(0, 3));
        own.add(added);
        own.addAll(shipped.subList(3, 7));
        own.add(shipped.get(8));     // 国有资本经营预算 …
        own.add(shipped.get(7));     // … before 政府性基金预算
        own.addAll(shipped.subList(9, 12));
        StringBuilder outline = new StringBuilder();
        for (int i = 0; i < own.size(); i++) outline.append(numbered(own.get(i), i + 1));
        String changed = yaml.substring(0, from) + outline + "  sentences:\n"
                + "    own.running: \"{unit}{year}年{running_label}预算安排{amount}万元，比上年预算{change_word}{change}万元，{rate_word}{rate}。{reason}\"\n"
                + yaml.substring(to + "  sentences:\n".length());
        assertThat(changed).doesNotContain("reads:");
        Files.createDirectories(dir.resolve("own/profiles"));
        Files.writeString(dir.resolve("own/profiles/xinjiang-2024.yaml"), changed, StandardCharsets.UTF_8);

        OutlineAsDataRoundTripTest.Read read = OutlineAsDataRoundTripTest.roundTrip(new ReferenceLibrary(dir.resolve("own")), dir.resolve("own.pdf"));

        // the document printed the new outline: thirteen sections, the added one fourth, 国有资本经营 ninth …
        assertThat(read.headings()).anyMatch(h -> h.startsWith("四、关于") && h.contains("运行经费预算安排的说明"))
                .anyMatch(h -> h.startsWith("九、关于") && h.contains("国有资本经营预算"))
                .anyMatch(h -> h.startsWith("十、关于") && h.contains("政府性基金预算"))
                .anyMatch(h -> h.startsWith("十三、"));
        // … the generator stated the added section's amount and change, and the empty tables' notes where they now stand …
        assertThat(where(read.generated(), "running")).contains("四", "十三");
        assertThat(where(read.generated(), "soc.empty")).containsExactly("九");
        assertThat(where(read.generated(), "gfb.empty")).containsExactly("十");
        // … and the reader read back every number where the generator wrote it, the empty notes in their sections
        assertThat(OutlineAsDataRoundTripTest.summary(read.read().facts())).hasSizeGreaterThan(100)
                .contains("四 running AMOUNT " + amount(read.generated(), "四"), "四 running CHANGE " + change(read.generated(), "四"))
                .containsExactlyInAnyOrderElementsOf(OutlineAsDataRoundTripTest.summary(read.generated().facts()));
        assertThat(where(read.read(), "soc.empty")).containsExactly("九");
        assertThat(where(read.read(), "gfb.empty")).containsExactly("十");
        assertThat(read.notes()).noneMatch(n -> n.contains("第三部分"));
    }

    /** The sections that state a fact of this key. */
    static List<String> where(DocumentText t, String key) {
        return t.facts().stream().filter(f -> f.key().equals(key)).map(TextFact::section).distinct().toList();
    }

    private static String amount(DocumentText t, String section) {
        return stated(t, section, org.openbudget.core.disclosure.text.FactKind.AMOUNT);
    }

    private static String change(DocumentText t, String section) {
        return stated(t, section, org.openbudget.core.disclosure.text.FactKind.CHANGE);
    }

    /** "value word" of the generator's running fact of this kind in this section (as the summary prints it). */
    private static String stated(DocumentText t, String section, org.openbudget.core.disclosure.text.FactKind kind) {
        TextFact f = t.facts().stream().filter(x -> x.key().equals("running") && x.section().equals(section) && x.kind() == kind)
                .findFirst().orElseThrow();
        return f.value().stripTrailingZeros().toPlainString() + " " + f.word();
    }
}
