package org.openbudget.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Nature;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ReferenceLibrary;

/** Bad input gets a clear error naming file, line and field; good input is read exactly. */
class DatasetReaderTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    static final String HEAD = """
            format: budget-dataset/1
            budget_year: 2024
            profile: xinjiang-2024
            agency:
              agency_code: "001"
              agency_name: 测试单位
              agency_kind: 单位
              agency_type: 事业
            projects:
              - {pro_code: P1, pro_name: 测试项目}
            lines:
            """;

    @TempDir Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    List<InputProblem> problems(String text) throws IOException {
        Path p = write("dataset.yaml", text);
        try {
            new DatasetReader(LIB).read(p);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void readsAmountsExactlyAsText() throws IOException {
        Budget b = new DatasetReader(LIB).read(write("dataset.yaml", HEAD + """
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "0.01"}
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30201", nature: 项目, pro_code: P1, fund_source: 本级一般财力, amount: 123456789012.34}
                """));
        assertThat(b.lines()).hasSize(2);
        assertThat(b.lines().get(0).amountFen()).isEqualTo(1);
        assertThat(b.lines().get(1).amountFen()).isEqualTo(12345678901234L);
        assertThat(b.lines().get(1).fundSource()).isEqualTo("GPB");
        assertThat(b.lines().get(1).nature()).isEqualTo(Nature.PROJECT);
        assertThat(b.lines().get(1).origin().line()).isEqualTo(13);
    }

    @Test
    void malformedYamlSaysWhere() throws IOException {
        List<InputProblem> p = problems(HEAD + "  - {exp_func_code: \"2010101\", amount: [unclosed\n");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.file()).endsWith("dataset.yaml");
            assertThat(x.line()).isGreaterThanOrEqualTo(12);
            assertThat(x.message()).contains("YAML");
        });
    }

    @Test
    void negativeAndNonNumericAmountsAreLocated() throws IOException {
        List<InputProblem> p = problems(HEAD + """
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "-5"}
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: 12万}
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "1.001"}
                """);
        assertThat(p).extracting(InputProblem::line).containsExactly(12, 13, 14);
        assertThat(p).extracting(InputProblem::field).containsExactly("lines[1].amount", "lines[2].amount", "lines[3].amount");
        assertThat(p.get(0).message()).contains("负数");
        assertThat(p.get(1).message()).contains("应为数字");
        assertThat(p.get(2).message()).contains("两位小数");
    }

    @Test
    void projectLineWithoutProjectAndUnknownCodes() throws IOException {
        List<InputProblem> p = problems(HEAD + """
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 项目, fund_source: GPB, amount: "1"}
                  - {exp_func_code: "20101", dep_bgt_eco_code: "301", nature: 基本, fund_source: GPB, amount: "1"}
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 项目, pro_code: P9, fund_source: XYZ, amount: "1"}
                  - {exp_func_code: "2010101", dep_bgt_eco_code: "30101", nature: 其他, fund_source: GPB, amount: "1", colour: red}
                """);
        assertThat(p).extracting(InputProblem::field).containsExactly(
                "lines[1]",
                "lines[2].exp_func_code", "lines[2].dep_bgt_eco_code",
                "lines[3].pro_code", "lines[3].fund_source",
                "lines[4].colour", "lines[4].nature");
        assertThat(p.get(0).message()).contains("项目支出必须填写项目代码");
        assertThat(p.get(1).message()).contains("7 位数字");
        assertThat(p.get(3).message()).contains("P9");
        assertThat(p.get(4).message()).contains("XYZ");
    }

    @Test
    void missingFieldsAndUnknownTopLevelKeys() throws IOException {
        assertThat(problems(HEAD.replace("  agency_name: 测试单位\n", ""))).singleElement()
                .satisfies(x -> assertThat(x.field()).isEqualTo("agency.agency_name"));
        assertThat(problems(HEAD.replace("budget_year: 2024", "budget_year: 1999"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("1999"));
        assertThat(problems(HEAD + "  []\ncomparatives: {}\n")).isNotEmpty();
        assertThat(problems(HEAD.replace("lines:\n", "lines: []\nlnes: []\n"))).singleElement()
                .satisfies(x -> assertThat(x.field()).isEqualTo("lnes"));
    }

    @Test
    void departmentErrors(@TempDir Path d) throws IOException {
        write("u1/dataset.yaml", HEAD + "  []\n");
        String dept = """
                format: budget-dataset/1
                budget_year: 2024
                profile: xinjiang-2024
                agency: {agency_code: "900", agency_name: 测试部门, agency_kind: 部门, agency_type: 行政}
                units:
                  - u1
                  - u1/dataset.yaml
                  - missing/dataset.yaml
                """;
        List<InputProblem> p = problems(dept);
        assertThat(p).extracting(InputProblem::line).containsExactly(7, 8);
        assertThat(p.get(0).message()).contains("重复");
        assertThat(p.get(1).message()).contains("不存在");
    }

    @Test
    void aDepartmentReusesUnitDatasets() {
        Budget dept = new DatasetReader(LIB).read(Path.of("../examples/urumqi-industry-it-bureau-2024"));
        Budget sme = new DatasetReader(LIB).read(Path.of("../examples/urumqi-sme-center-2024"));
        assertThat(dept.isDepartment()).isTrue();
        assertThat(dept.units()).extracting(u -> u.agency().name()).containsExactly(
                "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "乌鲁木齐市节能监察中心", "乌鲁木齐市中小企业服务中心", "乌鲁木齐市工业和信息化项目中心");
        assertThat(dept.units().get(2).lines()).isEqualTo(sme.lines());
    }
}
