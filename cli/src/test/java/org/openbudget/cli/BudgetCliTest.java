package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCliTest {
    static final String SME = "../examples/urumqi-sme-center-2024";
    static final String BUREAU = "../examples/urumqi-industry-it-bureau-2024";

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BudgetCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void tablesJsonHasTheDocumentedShape() throws IOException {
        Result r = run("tables", SME, "--json");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(fields(root)).containsExactly("unit", "year", "kind", "tables");
        assertThat(root.get("unit").asText()).isEqualTo("乌鲁木齐市中小企业服务中心");
        assertThat(root.get("year").asInt()).isEqualTo(2024);
        assertThat(root.get("kind").asText()).isEqualTo("单位");
        assertThat(root.get("tables")).hasSize(11);
        JsonNode t2 = root.get("tables").get(1);
        assertThat(fields(t2)).containsExactlyInAnyOrder("no", "title", "empty", "empty_note", "columns", "rows");
        assertThat(t2.get("no").asInt()).isEqualTo(2);
        assertThat(t2.get("title").asText()).isEqualTo("单位收入总体情况表");
        assertThat(t2.get("empty_note").isNull()).isTrue();
        assertThat(t2.get("columns")).hasSize(12);
        JsonNode row = null;
        for (JsonNode n : t2.get("rows")) if (n.get("code").asText().equals("2060499")) row = n;
        assertThat(row).isNotNull();
        assertThat(fields(row)).containsExactly("side", "code", "name", "project", "values");
        assertThat(row.get("side").isNull()).isTrue();
        assertThat(row.get("name").asText()).isEqualTo("其他技术研究与开发支出");
        assertThat(row.get("project").asText()).isEmpty();
        assertThat(row.get("values").toString()).isEqualTo("[\"34.33\",\"34.33\",\"34.33\",null,null,null,null,null,null,null,null,null]");
        JsonNode t1 = root.get("tables").get(0);
        assertThat(t1.get("rows").get(0).get("side").asText()).isEqualTo("income");
        JsonNode last = t1.get("rows").get(t1.get("rows").size() - 1);
        assertThat(last.get("side").asText()).isEqualTo("expense");
        assertThat(last.get("name").asText()).isEqualTo("支出总计");
        assertThat(last.get("values").get(0).asText()).isEqualTo("304.15");
        JsonNode t8 = root.get("tables").get(7);
        assertThat(t8.get("empty").asBoolean()).isTrue();
        assertThat(t8.get("rows")).isEmpty();
        assertThat(t8.get("empty_note").asText()).isEqualTo("乌鲁木齐市中小企业服务中心2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");
    }

    @Test
    void departmentTable7HasUnitSubtotalsAndProjectRows() throws IOException {
        JsonNode root = new ObjectMapper().readTree(run("tables", BUREAU, "--json").out());
        assertThat(root.get("kind").asText()).isEqualTo("部门");
        JsonNode t7 = root.get("tables").get(6);
        assertThat(t7.get("title").asText()).isEqualTo("一般公共预算项目支出情况表");
        List<String> units = new ArrayList<>();
        for (JsonNode r : t7.get("rows")) {
            if (r.get("code").asText().isEmpty() && !r.get("name").asText().equals("总计")) units.add(r.get("name").asText());
        }
        assertThat(units).containsExactly("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "乌鲁木齐市节能监察中心", "乌鲁木齐市中小企业服务中心");
        assertThat(t7.get("rows").get(0).get("values").get(0).asText()).isEqualTo("2341.81");
    }

    @Test
    void checkExitsZeroOnTheExamplesAndPrintsJson() throws IOException {
        Result r = run("check", BUREAU, "--json");
        assertThat(r.code()).isZero();
        JsonNode f = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(f).isNotEmpty();
        JsonNode first = null;   // the first table finding (the text's findings may come first)
        for (JsonNode n : f) if (first == null && !n.get("id").asText().startsWith("X") && !n.get("id").asText().startsWith("text.") && !n.get("table").isNull()) first = n;
        assertThat(first).isNotNull();
        assertThat(fields(first)).containsExactly("id", "severity", "table", "code", "project", "column", "section", "expected", "found", "message");
        assertThat(first.get("severity").asText()).isEqualTo("notice");
        assertThat(first.get("id").asText()).isEqualTo("class-sum");
        assertThat(first.get("code").asText()).isEqualTo("20805");
        assertThat(first.get("expected").asText()).isEqualTo("382.96");
        assertThat(first.get("found").asText()).isEqualTo("382.95");
    }

    @Test
    void checkExitsOneOnAnErrorFinding(@TempDir Path refdata) throws IOException {
        // a finance bureau's complete official list that lacks 2060499: the code is then an error
        Path year = refdata.resolve("classifications/2024");
        Files.createDirectories(year);
        Files.writeString(year.resolve("classifications.yaml"), """
                year: 2024
                functional: {file: functional.csv, complete: true, source: test}
                economic: {file: economic.csv, complete: false, source: test}
                """, StandardCharsets.UTF_8);
        List<String> functional = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../refdata/classifications/2024/functional.csv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("2060499,")) functional.add(line);
        }
        Files.write(year.resolve("functional.csv"), functional, StandardCharsets.UTF_8);
        Result r = run("check", SME, "--refdata", refdata.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("C.func.unknown").contains("2060499").contains("[错误]");
    }

    @Test
    void badInputExitsTwoWithALocatedMessageAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("dataset.yaml");
        Files.writeString(bad, Files.readString(Path.of(SME, "dataset.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("amount: \"?\\d+\"?", "amount: \"abc\""), StandardCharsets.UTF_8);
        Result r = run("check", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("dataset.yaml:").contains("amount").contains("abc").doesNotContain("Exception").doesNotContain("\tat ");
        Result missing = run("tables", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope").doesNotContain("\tat ");
        assertThat(run("check").code()).isEqualTo(2);
    }

    @Test
    void checksListsTheCatalogue() {
        Result r = run("checks");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("row-sum\terror").contains("X.T5-T7\terror").contains("C.func.name\twarning");
    }

    @Test
    void benchPrintsItsFigures() {
        Result r = run("bench", "--units", "30", "--warmup", "5");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("units/s").contains("lines/s").contains("peak heap");
    }

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
