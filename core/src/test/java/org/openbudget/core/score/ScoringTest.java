package org.openbudget.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.ledger.AgencyKind;

/** Scores from what a document prints and what was found in it, each point lost with its reason. */
class ScoringTest {
    private static Rubric.Item phrases(String name, int points, boolean all, String... words) {
        return new Rubric.Item(Rubric.Kind.PHRASES, name, points, "", List.of(words), all, "", 0, "", "", 0);
    }

    private static Rubric.Item depth(String name, String classification, int level, String title, int points) {
        return new Rubric.Item(Rubric.Kind.DEPTH, name, points, "", List.of(), false, classification, level, title, "", 0);
    }

    private static Rubric.Item findings(String severity, int per, int points) {
        return new Rubric.Item(Rubric.Kind.FINDINGS, severity, points, "", List.of(), false, "", 0, "", severity, per);
    }

    private static final Rubric RUBRIC = new Rubric(List.of(
            new Rubric.Dimension("completeness", "完整性", 30, "", List.of(
                    phrases("“三公”经费说明", 10, false, "三公经费"),
                    phrases("名词解释", 10, false, "名词解释"))),
            new Rubric.Dimension("detail", "细化程度", 20, "", List.of(
                    depth("支出功能分类", "functional", 3, "", 40),
                    depth("基本支出经济分类", "economic", 2, "基本支出", 30),
                    phrases("“三公”经费分项", 20, true, "因公出国", "公务用车购置", "公务用车运行", "公务接待"),
                    new Rubric.Item(Rubric.Kind.PHRASES, "决算差异原因", 10, "决算", List.of("决算数大于预算数"), false, "", 0, "", "", 0))),
            new Rubric.Dimension("accuracy", "准确性", 40, "", List.of(findings("error", 5, 80), findings("warning", 1, 20))),
            new Rubric.Dimension("consistency", "一致性", 10, "需要预算和决算两份文档", List.of())));

    private static Row cls(String code, String name) {
        return new Row(Side.EXPENSE, RowKind.CLASS, "", code, name, "", "", List.of(BigDecimal.ONE));
    }

    private static Disclosure doc(List<Row> functional, List<Row> economic) {
        List<DisclosureTable> tables = new ArrayList<>();
        tables.add(new DisclosureTable(3, "一般公共预算支出表", List.of("合计"), functional, false, null));
        tables.add(new DisclosureTable(4, "一般公共预算基本支出表", List.of("合计"), economic, false, null));
        return new Disclosure("某单位", AgencyKind.UNIT, 2026, "none", tables, "test");
    }

    private static Finding finding(Severity s, Integer table) {
        return new Finding("x", s, table, "", "", "", "", "1", "2", "不符");
    }

    @Test
    void aDocumentThatPrintsEverythingWithoutFindingsScoresFullOnWhatCanBeAssessed() {
        Disclosure d = doc(List.of(cls("201", "一般公共服务支出"), cls("20101", "人大事务"), cls("2010101", "行政运行")),
                List.of(cls("301", "工资福利支出"), cls("30101", "基本工资")));
        String text = "“三公” 经费 因公出国（境）费 公务用车购置费 公务用车运行维护费 公务接待费 名词解释";
        Scorecard s = Scoring.score(RUBRIC, d, null, List.of(), text);
        assertThat(s.overall()).isEqualByComparingTo("100.0");
        assertThat(s.dimensions()).extracting(Scorecard.DimensionScore::assessed).containsExactly(true, true, true, false);
        assertThat(s.dimensions().get(3).reasons()).containsExactly("未评：需要预算和决算两份文档");
        assertThat(s.reasons()).isEmpty();   // nothing lost; the dimension not assessed is not a lost point
    }

    @Test
    void everyPointLostHasItsReason() {
        // functional only to 款, economic only to 类, two of the four 三公 items, no glossary; 3 errors, 2 warnings
        Disclosure d = doc(List.of(cls("201", "一般公共服务支出"), cls("20101", "人大事务")), List.of(cls("301", "工资福利支出")));
        String text = "三公经费 因公出国（境）费 公务接待费";
        List<Finding> found = List.of(finding(Severity.ERROR, 3), finding(Severity.ERROR, 3), finding(Severity.ERROR, null),
                finding(Severity.WARNING, 4), finding(Severity.WARNING, 4), finding(Severity.NOTICE, 4));
        Scorecard s = Scoring.score(RUBRIC, d, null, found, text);
        // 完整性: 10 of 20; 细化: functional 2 of 3 levels → 40 × 1/2, economic 1 of 2 → 0, 三公 2 of 4 → 10: 30 of 90
        assertThat(s.printed("completeness")).isEqualTo("50.0");
        assertThat(s.printed("detail")).isEqualTo("33.3");
        // 准确性: 80 − 15 and 20 − 2 = 83 of 100
        assertThat(s.printed("accuracy")).isEqualTo("83.0");
        assertThat(s.printed("consistency")).isEmpty();
        // overall: (30·50 + 20·33.33 + 40·83) / 90, the unassessed weight left out
        assertThat(s.overall()).isEqualByComparingTo(BigDecimal.valueOf((30 * 50 + 20 * 100.0 / 3 + 40 * 83) / 90.0).setScale(1, java.math.RoundingMode.HALF_UP));
        assertThat(s.reasons()).contains("未见名词解释").contains("支出功能分类：只列到款").contains("基本支出经济分类：只列到类")
                .contains("“三公”经费分项缺：公务用车购置、公务用车运行")
                .contains("错误 3 处（表3 2，说明 1）").contains("警告 2 处（表4 2）").doesNotContain("提示");
        assertThat(s.reasons()).doesNotContain("决算");   // an item of the 决算 basis does not apply to a 预算
    }

    @Test
    void findingsCostNoMoreThanTheirPointsAndAClassificationNotPrintedIsNotAssessed() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) many.add(finding(Severity.ERROR, 5));
        Scorecard s = Scoring.score(RUBRIC, doc(List.of(), List.of()), null, many, "");
        assertThat(s.printed("accuracy")).isEqualTo("20.0");   // the errors' 80 points lost, the warnings' 20 kept
        // no classification rows at all: only the 三公 phrases (absent) are assessed in 细化
        assertThat(s.printed("detail")).isEqualTo("0.0");
        assertThat(s.dimensions().get(1).reasons()).containsExactly("“三公”经费分项缺：因公出国、公务用车购置、公务用车运行、公务接待");
    }

    private static final Rubric WITH_CONTEXT = new Rubric(List.of(
            new Rubric.Dimension("completeness", "完整性", 30, "", List.of(phrases("名词解释", 10, false, "名词解释"))),
            new Rubric.Dimension("consistency", "一致性", 10, "需要预算和决算两份文档", List.of(
                    new Rubric.Item(Rubric.Kind.COMPARISON, "年初预算数不符", 60, "", List.of(), false, "", 0, "", "error", 10, 0),
                    new Rubric.Item(Rubric.Kind.COMPARISON, "差异未说明原因", 40, "", List.of(), false, "", 0, "", "warning", 2, 0))),
            new Rubric.Dimension("timeliness", "及时性", 20, "需要批复日期和公开日期", List.of(
                    new Rubric.Item(Rubric.Kind.TIMELINESS, "批复后20日内公开", 100, "", List.of(), false, "", 0, "", "", 5, 20)))));

    @Test
    void consistencyAndTimelinessComeFromTheContextAndSayWhyWhenTheyCannot() {
        Disclosure d = doc(List.of(), List.of());
        // nothing known: both not assessed, each saying why (not a 0)
        Scorecard none = Scoring.score(WITH_CONTEXT, d, null, List.of(), "名词解释");
        assertThat(none.dimension("consistency").assessed()).isFalse();
        assertThat(none.dimension("consistency").reasons()).containsExactly("未评：需要预算和决算两份文档");
        assertThat(none.dimension("timeliness").reasons()).containsExactly("未评：公开日期未知");
        assertThat(none.overall()).isEqualByComparingTo("100.0");
        Scorecard noApproval = Scoring.score(WITH_CONTEXT, d, null, List.of(), "名词解释",
                new Scoring.Context(java.time.LocalDate.of(2024, 2, 1), "上传时填写", null, null, "", "没有同一单位 2024 年的决算"));
        assertThat(noApproval.dimension("timeliness").reasons()).containsExactly("未评：未设批复日期");
        assertThat(noApproval.dimension("consistency").reasons()).containsExactly("未评：没有同一单位 2024 年的决算");

        // published on the 26th day after approval: 6 days late, 5 points a day; one CMP error and three warnings
        List<Finding> cmp = List.of(finding(Severity.ERROR, null), finding(Severity.WARNING, null), finding(Severity.WARNING, null),
                finding(Severity.WARNING, null));
        Scoring.Context late = new Scoring.Context(java.time.LocalDate.of(2024, 2, 27), "门户发布时间", java.time.LocalDate.of(2024, 2, 1), cmp,
                "2024年决算", "");
        Scorecard s = Scoring.score(WITH_CONTEXT, d, null, List.of(), "名词解释", late);
        assertThat(s.printed("timeliness")).isEqualTo("70.0");
        assertThat(s.dimension("timeliness").reasons()).singleElement().asString()
                .contains("批复日期 2024-02-01", "公开日期 2024-02-27（门户发布时间）", "第 26 日", "超过 20 日的期限 6 日");
        // (60 − 10) + (40 − 6) = 84 of 100
        assertThat(s.printed("consistency")).isEqualTo("84.0");
        assertThat(s.dimension("consistency").reasons()).anySatisfy(r -> assertThat(r).startsWith("年初预算数不符 1 处（与2024年决算比对）"));
        assertThat(s.overall()).isEqualByComparingTo(BigDecimal.valueOf((30 * 100 + 10 * 84 + 20 * 70) / 60.0).setScale(1, java.math.RoundingMode.HALF_UP));
        // within the limit: full, and the reason says so
        Scorecard onTime = Scoring.score(WITH_CONTEXT, d, null, List.of(), "", new Scoring.Context(java.time.LocalDate.of(2024, 2, 21), "", java.time.LocalDate.of(2024, 2, 1), null, "", ""));
        assertThat(onTime.printed("timeliness")).isEqualTo("100.0");
        assertThat(onTime.dimension("timeliness").reasons()).singleElement().asString().contains("第 20 日公开，在 20 日内");
    }

    @Test
    void aStoredScorecardIsScoredAgainByOtherWeightsAndPointsAsIfScoredSo() {
        Disclosure d = doc(List.of(cls("201", "一般公共服务支出"), cls("20101", "人大事务")), List.of(cls("301", "工资福利支出")));
        String text = "三公经费 因公出国（境）费 公务接待费";
        List<Finding> found = List.of(finding(Severity.ERROR, 3), finding(Severity.WARNING, 4));
        Scorecard stored = Scoring.score(RUBRIC, d, null, found, text);
        Rubric region = RUBRIC.adjusted(java.util.Map.of("accuracy", 10, "completeness", 0),
                java.util.Map.of("detail/支出功能分类", 10, "completeness/名词解释", 30));
        assertThat(region.dimensions().get(0).items().get(1).points()).isEqualTo(30);
        Scorecard again = Scoring.rescore(stored, region, Scoring.Context.NONE);
        Scorecard direct = Scoring.score(region, d, null, found, text);
        assertThat(again).isEqualTo(direct);
        assertThat(again.overall()).isNotEqualByComparingTo(stored.overall());
        assertThat(again.dimensions()).extracting(Scorecard.DimensionScore::weight).containsExactly(0, 20, 10, 10);
        // a scorecard stored without its items keeps each dimension's score; only the weights change
        Scorecard old = new Scorecard(stored.dimensions().stream().map(x -> new Scorecard.DimensionScore(x.key(), x.name(), x.weight(), x.score(), x.reasons()))
                .toList(), stored.overall());
        Scorecard reweighed = Scoring.rescore(old, region, Scoring.Context.NONE);
        assertThat(reweighed.printed("detail")).isEqualTo(stored.printed("detail"));
        assertThat(reweighed.dimension("accuracy").weight()).isEqualTo(10);
    }
}
