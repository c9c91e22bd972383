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

    @Test
    void aLineOfPlaceholdersIsNoRow() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(SpacedColumnsTest.BLANK_ROWS), LIB.profile("shanghai-final-2024"), LIB.year(2024), "上海市XX局", AgencyKind.DEPARTMENT, 2024);
        DisclosureTable t = r.tables().stream().filter(x -> x.title().equals("收入决算表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        // (its 收入决算表 as printed: "…" / "…          …" under its example classes)
        assertThat(t.rows()).extracting(x -> x.code() + " " + x.name()).containsExactly(" 合计", "207 文化旅游体育与传媒支出", "20799 其他文化旅游体育与传媒支出");
    }

    @Test
    void aCellOfPlaceholdersIsNoLabel() {
        assertThat(Cells.isLabelOnly(List.of("", "………", "", ""))).isFalse();
        assertThat(Cells.isLabelOnly(List.of("…", "…"))).isFalse();
        assertThat(Cells.isLabelOnly(List.of("", "其他支出…"))).isTrue();
    }
}
