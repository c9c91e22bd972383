package org.openbudget.audit.recognise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.io.refdata.ReferenceLibrary;

/** Recognition by meaning: what kind of document, which year, which template family. */
class RecognizerTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Path SHARED = Path.of("../../shared");

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theXinjiangExamplesAreXinjiangBudgetsOf2024(String example) throws IOException {
        Path f = SHARED.resolve("examples/" + example + ".txt");
        assumeTrue(Files.isRegularFile(f), "shared/examples not present");
        Recognizer.Recognition r = Recognizer.recognise(Files.readAllLines(f, StandardCharsets.UTF_8), LIB);
        assertThat(r.kind()).isEqualTo(Recognizer.Kind.BUDGET);
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.recognised()).isTrue();
        assertThat(r.best().orElseThrow().profileId()).isEqualTo("xinjiang-2024");
        assertThat(r.best().orElseThrow().evidence()).anyMatch(e -> e.startsWith("标签"));
        assertThat(r.agencyKind()).isEqualTo(example.contains("bureau") ? "部门" : "单位");
    }

    @Test
    void aDepartmentsDocumentSpeakingOfItsUnitsBudgetsIsStillTheDepartments() {
        // 深圳人社's cover, then its 说明: "…以及纳入编制范围的下属单位预算" (the units' budgets inside the department's)
        List<String> dept = List.of("2026 年深圳市人力资源和社会保障局", "部门预算", "目录",
                "本部门预算为汇总预算，包括：市人力资源和社会保障局本级预算，以及纳入编制范围的下属单位预算，具体如下：", "表1", "收支总表");
        assertThat(Recognizer.recognise(dept, LIB).agencyKind()).isEqualTo("部门");
        List<String> unit = List.of("2026年上海科技大学附属学校单位预算", "目录", "上海市教育委员会部门预算的组成部分", "表1", "收支总表");
        assertThat(Recognizer.recognise(unit, LIB).agencyKind()).isEqualTo("单位");
    }

    @Test
    void aYearWithoutItsOwnProfileTakesTheFamilysLatestEarlierOne() throws IOException {
        Path f = SHARED.resolve("examples/urumqi-sme-center-2024.txt");
        assumeTrue(Files.isRegularFile(f), "shared/examples not present");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) lines.add(l.replace("2024", "2027"));
        Recognizer.Recognition r = Recognizer.recognise(lines, LIB);
        assertThat(r.year()).isEqualTo(2027);
        assertThat(r.best().orElseThrow().profileId()).isEqualTo("xinjiang-2025");
    }

    @Test
    void aNoticeIsNotADisclosureAndSaysSo() {
        Recognizer.Recognition r = Recognizer.recognise(List.of("关于做好2026年春节期间安全生产工作的通知", "各区县人民政府：", "为切实做好……"), LIB);
        assertThat(r.kind()).isEqualTo(Recognizer.Kind.NOT_A_DISCLOSURE);
        assertThat(r.reason()).contains("不是部门（单位）预算或决算公开文档");
        assertThat(r.recognised()).isFalse();
    }

    @Test
    void theNationalStandardsTitlesAreRecognisedWhenNoRegionsAre() {
        List<String> doc = List.of("2026年某某局部门预算", "部门名称：某某局", "表1", "部门收支总表", "单位：万元", "表2", "部门收入总表",
                "表3", "部门支出总表", "表4", "财政拨款收支总表", "表5", "一般公共预算支出表", "表6", "一般公共预算基本支出表",
                "表7", "一般公共预算“三公”经费支出表", "表8", "政府性基金预算支出表");
        Recognizer.Recognition r = Recognizer.recognise(doc, LIB);
        assertThat(r.kind()).isEqualTo(Recognizer.Kind.BUDGET);
        assertThat(r.best().orElseThrow().family()).isEqualTo("national");
        assertThat(r.best().orElseThrow().score()).isGreaterThan(0.9);
    }

    /** Every real document: budgets are budgets, 决算 are 决算, each with the year its survey states. */
    @Test
    void everyRealDocumentIsOfItsKindAndYear() throws Exception {
        Path dir = SHARED.resolve("realdocs");
        assumeTrue(Files.isDirectory(dir), "shared/realdocs not present");
        List<Path> pdfs;
        try (Stream<Path> s = Files.walk(dir)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).hasSizeGreaterThanOrEqualTo(40);
        List<String> wrong = new ArrayList<>();
        for (Path pdf : pdfs) {
            String name = pdf.getFileName().toString();
            if (name.startsWith("部门决算模板")) continue; // the blank template, no year of its own
            PdfLayout.Text t = PdfLayout.read(pdf.toFile());
            Recognizer.Recognition r = Recognizer.recognise(t.lines(), LIB);
            Recognizer.Kind expected = name.contains("决算") ? Recognizer.Kind.FINAL_ACCOUNTS : Recognizer.Kind.BUDGET;
            int year = Integer.parseInt(name.substring(0, 4));
            if (r.kind() != expected || r.year() != year) wrong.add(name + ": " + r.kind() + " " + r.year());
        }
        assertThat(wrong).isEmpty();
    }
}
