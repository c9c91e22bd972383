package org.openbudget.web.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.Workspace;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.yaml.YamlNode;

/**
 * The forms against the dataset reader, without the web: a form filled from a dataset and written
 * back gives the same budget (lines, projects, text data) and the same document; the file keeps
 * what the form does not own, comments included; a bad value is reported at its form field.
 */
class DatasetFormsTest {
    static final ReferenceLibrary LIBRARY = ReferenceLibrary.standard();
    static final Path EXAMPLES = Path.of("../examples");

    static Stream<String> unitDatasets() {
        return Stream.of("urumqi-sme-center-2024/dataset.yaml", "urumqi-sci-tech-info-center-2024/dataset.yaml",
                "urumqi-industry-it-bureau-2024/benji.yaml", "urumqi-industry-it-bureau-2024/energy-center.yaml",
                "urumqi-industry-it-bureau-2024/project-center.yaml");
    }

    static String read(String path) throws IOException {
        return Files.readString(EXAMPLES.resolve(path));
    }

    static Budget parse(String yaml) {
        return new DatasetReader(LIBRARY).parse("dataset.yaml", yaml);
    }

    /** The budget's meaning: lines (without where they were read), projects, the text data; and the document it gives. */
    static List<Object> meaning(Budget b) {
        Workspace.Loaded l = new Workspace(LIBRARY).loaded(b);
        List<Object> out = new ArrayList<>();
        out.add(b.lines().stream().map(x -> List.of(x.funcCode(), x.ecoCode(), x.nature(), String.valueOf(x.projectCode()), x.fundSource(), x.amountFen())).toList());
        out.add(b.projects());
        out.add(b.narrative());
        out.add(DisclosureJson.write(l.disclosure()));
        out.add(l.disclosure().text());
        return out;
    }

    static List<SectionForm> forms(String yaml) {
        YamlNode root = YamlNode.parse("dataset.yaml", yaml);
        return List.of(LinesForm.from(root), ProjectsForm.from(root), TextForm.from(root), LastYearForm.from(root));
    }

    static String written(String yaml, SectionForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        String out = DatasetSplice.replace(yaml, f.toYaml(false, problems)).yaml();
        assertThat(problems).isEmpty();
        return out;
    }

    @ParameterizedTest
    @MethodSource("unitDatasets")
    void eachFormWrittenBackGivesTheSameBudgetAndDocument(String path) throws IOException {
        String yaml = read(path);
        List<Object> before = meaning(parse(yaml));
        String all = yaml;
        for (SectionForm f : forms(yaml)) {
            String one = written(yaml, f);
            assertThat(meaning(parse(one))).as(f.getClass().getSimpleName()).isEqualTo(before);
            all = written(all, f);
        }
        assertThat(meaning(parse(all))).isEqualTo(before);
        // the forms, once written, are stable: writing them again changes nothing
        String again = all;
        for (SectionForm f : forms(all)) again = written(again, f);
        assertThat(again).isEqualTo(all);
    }

    @Test
    void aWorkbookBudgetWrittenAsYamlReadsBackTheSame() throws IOException {
        for (String path : unitDatasets().toList()) {
            Budget b = parse(read(path));
            String yaml = BudgetYaml.write(b);
            assertThat(meaning(parse(yaml))).as(path).isEqualTo(meaning(b));
        }
    }

    /** A 决算 uploaded as a workbook and then edited in the browser: its basis, every flow of its accounts and its “三公” details kept. */
    @Test
    void aFinalAccountsWrittenAsYamlReadsBackTheSame() {
        Budget fin = new org.openbudget.io.dataset.DatasetReader(LIBRARY).read(EXAMPLES.resolve("urumqi-sme-center-final-2024"));
        String yaml = BudgetYaml.write(fin);
        Budget back = parse(yaml);
        assertThat(back.isFinal()).isTrue();
        java.util.function.Function<Budget, Object> flows = x -> x.accounts().flows().entrySet().stream().map(e -> List.of(e.getKey(),
                e.getValue().stream().map(l -> List.of(l.funcCode(), l.ecoCode(), String.valueOf(l.nature()), String.valueOf(l.projectCode()),
                        l.fundSource(), l.amountFen())).toList())).toList();
        assertThat(flows.apply(back)).isEqualTo(flows.apply(fin));
        assertThat(meaning(back)).isEqualTo(meaning(fin));
        // and the 收支与结转 form, written back, changes nothing
        assertThat(meaning(parse(written(yaml, org.openbudget.web.forms.AccountsForm.from(YamlNode.parse("d", yaml)))))).isEqualTo(meaning(fin));
    }

    @Test
    void whatTheFormDoesNotOwnIsKeptAsWrittenCommentsIncluded() throws IOException {
        String yaml = read("urumqi-sme-center-2024/dataset.yaml");
        LinesForm lines = LinesForm.from(YamlNode.parse("d", yaml));
        lines.lines.get(2).amount = "653400";
        String out = written(yaml, lines);
        assertThat(out).contains("amount: \"653400\"").doesNotContain("amount: \"643400\"");
        // everything from the text part on is untouched, its comments too
        String textPart = yaml.substring(yaml.indexOf("# ============"));
        assertThat(out).endsWith(textPart);
        assertThat(out).startsWith(yaml.substring(0, yaml.indexOf("lines:")));
        assertThat(parse(out).lines().get(2).amountFen()).isEqualTo(65340000L);
    }

    @Test
    void aBadValueIsReportedAtItsFormField() throws IOException {
        String yaml = read("urumqi-sme-center-2024/dataset.yaml");
        LinesForm f = LinesForm.from(YamlNode.parse("d", yaml));
        f.lines.get(0).deleted = true;            // written lines are renumbered: the form's are not
        f.lines.get(3).amount = "12.345";
        f.lines.get(5).fundSource = "NOPE";
        LinesForm.LineRow blank = new LinesForm.LineRow();
        f.lines.add(4, blank);                    // a blank row is left out
        DatasetSplice.Result r = DatasetSplice.replace(yaml, f.toYaml(false, new ArrayList<>()));
        List<InputProblem> problems = problems(r.yaml());
        List<String> fields = problems.stream().map(p -> org.openbudget.web.service.FormServiceAccess.locate(p, r.origins(), f).field()).toList();
        assertThat(fields).containsExactlyInAnyOrder("lines[3].amount", "lines[6].fundSource");
        assertThat(f.describe("lines[3].amount")).isEqualTo("预算明细第 4 行 金额（元）");
    }

    @Test
    void aReasonForAnItemThatDoesNotExistIsReportedAtItsRow() throws IOException {
        String yaml = read("urumqi-sme-center-2024/dataset.yaml");
        TextForm t = TextForm.from(YamlNode.parse("d", yaml));
        t.reasons.add(new FormRows.KeyedRow("gpb.item:2010101", "", "没有这一项", false));
        t.closingDate = "2024-13";
        DatasetSplice.Result r = DatasetSplice.replace(yaml, t.toYaml(false, new ArrayList<>()));
        List<String> fields = problems(r.yaml()).stream().map(p -> org.openbudget.web.service.FormServiceAccess.locate(p, r.origins(), t).field()).toList();
        assertThat(fields).containsExactlyInAnyOrder("reasons[" + (t.reasons.size() - 1) + "].text", "closingDate");
    }

    @Test
    void theSameKeyTwiceIsAProblemOfTheSecondRow() {
        TextForm t = new TextForm();
        t.reasons.add(new FormRows.KeyedRow("running", "", "一", false));
        t.reasons.add(new FormRows.KeyedRow("running", "", "二", false));
        List<FieldProblem> problems = new ArrayList<>();
        t.toYaml(false, problems);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("reasons[1].key"));
    }

    @Test
    void aBlankTextFormRemovesTheTextPartAndANewKeyGoesInItsPlace() throws IOException {
        String yaml = read("urumqi-sme-center-2024/dataset.yaml");
        String none = written(yaml, new TextForm());
        none = written(none, new LastYearForm());
        none = written(none, new ProjectsForm() {{ projects = ProjectsForm.from(YamlNode.parse("d", yaml)).projects; }});
        assertThat(parse(none).narrative().isEmpty()).isTrue();
        TextForm t = new TextForm();
        t.closingDate = "2024-02-22";
        String dated = written(none, t);
        assertThat(parse(dated).narrative().closingDate()).isEqualTo("2024-02-22");
        assertThat(dated).contains("closing_date: \"2024-02-22\"");
    }

    @Test
    void aDatasetWrittenAsOneFlowMappingIsNotRewrittenBehindTheUsersBack() {
        String flow = "{format: budget-dataset/1, budget_year: 2024}\n";
        assertThatThrownBy(() -> DatasetSplice.replace(flow, Map.of("closing_date", YamlOut.scalar("2024-01-01", null))))
                .isInstanceOf(DatasetSplice.NotBlockMapping.class).hasMessageContaining("高级");
        // CRLF line ends are read as LF
        DatasetSplice.Result r = DatasetSplice.replace("format: x\r\n# c\r\nprofile: p\r\n", Map.of("profile", YamlOut.scalar("q", null)));
        assertThat(r.yaml()).isEqualTo("format: x\n# c\nprofile: q\n");
    }

    @Test
    void valuesYamlGivesAMeaningToAreQuoted() {
        for (String s : List.of("true", "no", "~", "null", "0.10", "2024-02-22", "=6场", ">=200条", "a: b", "x #y", "[a]", "'q'", "\"q\"", "line\nbreak", " lead", "GPB", "基本", "维修(护)费")) {
            String yaml = YamlOut.topLevel("k", YamlOut.scalar(s, null)).text();
            assertThat(YamlNode.parse("t", yaml).require("k").text()).as(yaml).isEqualTo(s);
        }
        assertThat(YamlOut.topLevel("k", YamlOut.scalar("基本", null)).text()).isEqualTo("k: 基本\n");
    }

    static List<InputProblem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }
}
