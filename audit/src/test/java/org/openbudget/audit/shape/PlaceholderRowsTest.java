package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A template's placeholder rows ("…" in its code and name cells, under its example classes: 普陀's 部门决算模板（上海2024）)
 * print no amount and no word: no row — pdftotext prints the PDF's one cell of "………" as three lines of "…", the PDF
 * reads it as one; neither is a row.
 */
class PlaceholderRowsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** 收入决算表, as printed. */
    private static final List<String> INCOME = List.of(
            "\f                                      收入决算表",
            "                                                                        单位：万元",
            "               项目",
            "",
            "                                                                     附属单位",
            "    功能分类                   本年收入合计   财政拨款收入    上级补助收入   事业收入   经营收入          其他收入",
            "                    科目名称                                             上缴收入",
            "    科目编码",
            "",
            "",
            "               合计",
            "",
            "205        教育支出",
            "",
            "20502      普通教育",
            "",
            "2050205    高等教育",
            "",
            "…          …",
            "",
            "207        文化旅游体育与传媒支出",
            "           其他文化旅游体育与传媒支",
            "20799",
            "           出",
            "…",
            "…          …",
            "…",
            "注：本表反映部门本年度取得的各项收入情况。");

    @Test
    void aLineOfPlaceholdersIsNoRow() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(INCOME), LIB.profile("shanghai-final-2024"), LIB.year(2024), "上海市 XX 局", AgencyKind.DEPARTMENT, 2024);
        DisclosureTable t = r.tables().stream().filter(x -> x.title().equals("收入决算表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        assertThat(t.rows()).extracting(x -> x.code() + " " + x.name()).containsExactly(" 合计", "205 教育支出", "20502 普通教育", "2050205 高等教育",
                "207 文化旅游体育与传媒支出", "20799 其他文化旅游体育与传媒支出");
    }

    @Test
    void aCellOfPlaceholdersIsNoLabel() {
        assertThat(Cells.isLabelOnly(List.of("", "………", "", ""))).isFalse();
        assertThat(Cells.isLabelOnly(List.of("…", "…"))).isFalse();
        assertThat(Cells.isLabelOnly(List.of("", "其他支出…"))).isTrue();
    }
}
