package org.openbudget.io.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openbudget.core.classification.Classification;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ReferenceLibrary.ListKind;
import org.openbudget.io.refdata.ReferenceLibrary.ListText;
import org.openbudget.io.refdata.ReferenceLibrary.ProfileText;

class ReferenceLibraryTest {
    /** An overlay kept in maps, as the web application keeps the database's active versions. */
    static final class MapOverlay implements ReferenceLibrary.Overlay {
        long generation;
        final Map<String, ListText> lists = new HashMap<>();
        final Map<String, ProfileText> profiles = new HashMap<>();

        void put(int year, ListKind kind, ListText t) { lists.put(year + "/" + kind.id(), t); generation++; }
        void put(String id, String yaml) { profiles.put(id, new ProfileText("db:" + id, yaml)); generation++; }

        @Override public long generation() { return generation; }
        @Override public Optional<ListText> list(int year, ListKind kind) { return Optional.ofNullable(lists.get(year + "/" + kind.id())); }
        @Override public Optional<ProfileText> profile(String id) { return Optional.ofNullable(profiles.get(id)); }
        @Override public Set<Integer> years() { return Set.copyOf(lists.keySet().stream().map(k -> Integer.parseInt(k.substring(0, 4))).toList()); }
        @Override public Set<String> profileIds() { return profiles.keySet(); }
    }

    /** A dictionary written before 第一部分's statements were declared (no overview:) keeps the built-in ones; its own stay. */
    @Test
    void anOverrideDictionaryWithoutTheOverviewsStatementsKeepsTheBuiltInOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String measures = ReferenceLibrary.builtIn("measures.yaml").orElseThrow();
        int from = measures.indexOf("  overview:\n"), to = measures.indexOf("  procurement:\n");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        String old = measures.substring(0, from) + measures.substring(to);
        java.nio.file.Files.writeString(dir.resolve("measures.yaml"), old.replace("label: 货物}", "label: 货物类}"));
        var d = new ReferenceLibrary(dir).measures();
        assertThat(d.statementOf(org.openbudget.core.measure.Statement.OVERVIEW, "personnel.active")).get()
                .extracting(org.openbudget.core.measure.Statement::label).isEqualTo("在职人数");
        assertThat(d.statementOf("procurement", "goods")).get().extracting(org.openbudget.core.measure.Statement::label).isEqualTo("货物类");
    }

    @Test
    void aProfilesHeadIsWhatTheWholeProfileSays() {
        ReferenceLibrary heads = new ReferenceLibrary(null);
        ReferenceLibrary whole = new ReferenceLibrary(null);
        assertThat(heads.profileIds()).hasSizeGreaterThanOrEqualTo(10);
        for (String id : heads.profileIds()) {
            ProfileReader.Head h = heads.profileHead(id);
            var p = whole.profile(id);
            assertThat(h).as(id).isEqualTo(new ProfileReader.Head(p.id(), p.year(), p.meta().basis(), p.meta().detect()));
        }
        // xinjiang-2025 states no detect: of its own; its head has its parent's, as the whole profile does
        assertThat(heads.profileHead("xinjiang-2025").detect().isEmpty()).isFalse();
    }

    @Test
    void aHeadKeepsItsLinesAndDropsTheRest() {
        String yaml = "# a profile\nid: a-2026\nyear: 2026\ntables:\n  summary:\n    title: 收支总表\ndetect:\n  titles: [收支总表]\n  labels:\n    - 部门名称：\ntext:\n  x: 1\n";
        String head = ProfileReader.headText(yaml);
        assertThat(head.split("\n", -1)).hasSize(yaml.split("\n", -1).length);
        assertThat(head).contains("id: a-2026", "year: 2026", "detect:", "  titles: [收支总表]", "    - 部门名称：")
                .doesNotContain("tables:", "title: 收支总表", "text:", "x: 1");
        ProfileReader.Head h = ProfileReader.head("a.yaml", yaml, ProfileReader.Parents.NONE);
        assertThat(h.detect().titles()).containsExactly("收支总表");
        assertThat(h.detect().labels()).containsExactly("部门名称：");
        assertThat(h.basis()).isEqualTo("预算");
    }

    @Test
    void aBrokenOverrideProfileRecognisesNothingButItsHeadStillReads() {
        MapOverlay overlay = new MapOverlay();
        overlay.put("broken-2026", "id: broken-2026\nyear: 2026\ndetect:\n  titles: [收支总表]\ntables: 5\n");
        ReferenceLibrary lib = new ReferenceLibrary(null, overlay);
        assertThat(lib.profileHead("broken-2026").year()).isEqualTo(2026);
        assertThatThrownBy(() -> lib.profile("broken-2026")).isInstanceOf(InputException.class);
    }

    @Test
    void theBuiltInFilesAreListed() {
        ReferenceLibrary lib = new ReferenceLibrary(null);
        assertThat(lib.years()).contains(2024, 2025);
        assertThat(lib.profileIds()).contains("xinjiang-2024", "xinjiang-2025");
        assertThat(lib.builtInList(2025, ListKind.FUNCTIONAL).orElseThrow().complete()).isFalse();
        assertThat(lib.builtInList(2025, ListKind.FUNDING_SOURCES).orElseThrow().csv()).startsWith("code,name,group,budget,current_year");
        assertThat(lib.builtInProfile("../../etc/passwd")).isEmpty();
    }

    @Test
    void anOverlayTakesPrecedenceAndIsReReadWhenItChanges() {
        MapOverlay o = new MapOverlay();
        ReferenceLibrary lib = new ReferenceLibrary(null, o);
        assertThat(lib.year(2025).functional().complete()).isFalse();
        int builtIn = lib.year(2025).functional().items().size();

        o.put(2025, ListKind.FUNCTIONAL, new ListText("db:functional", "code,name\n201,一般公共服务支出\n20101,人大事务\n", true, "财政部"));
        Classification f = lib.year(2025).functional();
        assertThat(f.complete()).isTrue();
        assertThat(f.items()).hasSize(2).hasSizeLessThan(builtIn);
        assertThat(f.source()).isEqualTo("财政部");
        assertThat(lib.year(2025).economic().items()).as("the other lists stay the files'").isNotEmpty();

        String p = lib.profileText("xinjiang-2025").orElseThrow().yaml().replace("id: xinjiang-2025", "id: hami-2025");
        assertThat(lib.hasProfile("hami-2025")).isFalse();
        o.put("hami-2025", p);
        assertThat(lib.hasProfile("hami-2025")).isTrue();
        assertThat(lib.profile("hami-2025").id()).isEqualTo("hami-2025");
        assertThat(lib.profileIds()).contains("hami-2025", "xinjiang-2025");
    }

    @Test
    void aNewYearNeedsAllThreeLists() {
        MapOverlay o = new MapOverlay();
        ReferenceLibrary lib = new ReferenceLibrary(null, o);
        ReferenceLibrary files = new ReferenceLibrary(null);
        for (ListKind k : ListKind.values()) {
            assertThat(lib.hasYear(2031)).isFalse();
            // until all three lists are there, 2031 is read with the latest earlier year's lists
            assertThat(lib.year(2031).year()).isEqualTo(2025);
            assertThat(lib.referenceYear(2031)).isEqualTo(2025);
            ListText t = files.builtInList(2025, k).orElseThrow();
            o.put(2031, k, new ListText("db:" + k.id(), t.csv(), false, ""));
        }
        assertThat(lib.hasYear(2031)).isTrue();
        assertThat(lib.years()).contains(2031);
        assertThat(lib.year(2031).sources()).hasSize(files.year(2025).sources().size());
        assertThat(lib.year(2031).year()).isEqualTo(2031);
        assertThat(lib.referenceYear(2040)).isEqualTo(2031);
        assertThat(lib.referenceYear(2019)).isEqualTo(lib.years().first());
    }

    /** The years are the folders that hold a year's lists: the built-in ones and a folder given at run time (--refdata). */
    @Test
    void aYearAddedInTheOverrideFolderIsListedBesideTheBuiltInOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ReferenceLibrary files = new ReferenceLibrary(null);
        java.nio.file.Path y = java.nio.file.Files.createDirectories(dir.resolve("classifications/2027"));
        java.nio.file.Files.createDirectories(dir.resolve("classifications/notes"));   // not a year: ignored
        java.nio.file.Files.writeString(y.resolve("classifications.yaml"),
                "year: 2027\nfunctional: {file: functional.csv}\neconomic: {file: economic.csv}\nfunding-sources: {file: funding-sources.csv}\n");
        for (ListKind k : ListKind.values()) {
            String name = k.id() + ".csv";
            java.nio.file.Files.writeString(y.resolve(name), files.builtInList(2025, k).orElseThrow().csv());
        }
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThat(lib.years()).containsExactly(2024, 2025, 2027);
        assertThat(lib.year(2027).year()).isEqualTo(2027);
        assertThat(files.years()).containsExactly(2024, 2025);
    }

    /** The scoring rubric is data: the shipped one reads, and a bad item is refused at its line. */
    @Test
    void theScoringRubricIsReadAndABadItemIsRefusedAtItsLine() {
        var rubric = new ReferenceLibrary(null).rubric();
        assertThat(rubric.dimensions()).extracting(org.openbudget.core.score.Rubric.Dimension::name)
                .contains("完整性", "细化程度", "准确性");
        String yaml = "dimensions:\n  - key: a\n    name: 完整性\n    weight: 10\n    items:\n"
                + "      - {kind: tables, name: 表, points: 5}\n"
                + "      - {kind: depth, name: 功能分类, classification: functional, level: 4, points: 5}\n"
                + "      - {kind: colour, name: 颜色, points: 5}\n"
                + "  - key: a\n    name: 重复\n";
        assertThatThrownBy(() -> RubricReader.read("scoring.yaml", yaml))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(InputProblem::line)
                        .containsExactly(7, 8, 9));
    }

    @Test
    void badListsAreRefusedLineByLine() {
        String csv = "code,name\n201,一般公共服务支出\n20101,\n2010x,人大事务\n201,重复\n";
        assertThatThrownBy(() -> ReferenceLibrary.classification(Classification.Kind.FUNCTIONAL, 2025, "f.csv", csv, true, ""))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(InputProblem::line, InputProblem::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(4, "code"),
                                org.assertj.core.groups.Tuple.tuple(5, "code")));
        assertThatThrownBy(() -> ReferenceLibrary.classification(Classification.Kind.FUNCTIONAL, 2025, "f.csv", "name,code\n", true, ""))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("header"));
        String sources = "code,name,group,budget,current_year\nGPB,本级一般财力,一般公共预算,一般公共预算,yes\nGFB,政府性基金收入,政府性基金预算,基金,true\n";
        assertThatThrownBy(() -> ReferenceLibrary.fundingSources("s.csv", sources))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(InputProblem::line, InputProblem::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "current_year"), org.assertj.core.groups.Tuple.tuple(3, "budget")));
    }
}
