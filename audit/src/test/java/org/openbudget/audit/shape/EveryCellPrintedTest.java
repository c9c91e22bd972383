package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * 西安 2022 气象局's 表13 as pdftotext prints it (src/test/resources/pdftotext): 2021年 | 2022年 | 增减变化情况, nine
 * columns a group, its header squeezed over twelve lines with words cut ("因公出" / "国" / "（境）" / "费用"), and each
 * row printing all 27 cells as whole numbers, its blank ones as 0 ("12240 2720 0 2720 0 0 0 2380 7140 0 … -12240").
 * The header names too few of the page's columns to place the amounts by; a row printing as many amounts as the
 * template has columns is read in column order all the same (its zeros blank cells, as the PDF reads them), where the
 * amounts taken from the right stopped at "2380 7140" and left 2021's nine cells blank.
 */
class EveryCellPrintedTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> lines() throws IOException {
        try (InputStream in = EveryCellPrintedTest.class.getResourceAsStream("/pdftotext/xian-2022-weather-three-public.txt")) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    private static List<String> values(Row r) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < 27; c++) out.add(r.value(c) == null ? null : r.value(c).stripTrailingZeros().toPlainString());
        return out;
    }

    @Test
    void aRowPrintingEveryCellIsReadInColumnOrder() throws IOException {
        ShapeReader.Result r = ShapeReader.read(lines(), LIB.profile("xian-2022"), LIB.year(2022), "西安市气象局", AgencyKind.DEPARTMENT, 2022);
        DisclosureTable t = r.tables().stream().filter(x -> x.mark().equals("表13")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        Row total = t.rows().stream().filter(x -> x.kind() == RowKind.TOTAL).findFirst().orElseThrow(() -> new AssertionError(t.rows()));
        // in 万元: 2021年 | 2022年 | 增减变化情况, each 合计 小计 因公出国 公务接待费 车小计 购置费 运行维护费 会议费 培训费
        assertThat(values(total)).containsExactly(
                "1.224", "0.272", null, "0.272", null, null, null, "0.238", "0.714",
                null, null, null, null, null, null, null, null, null,
                "-1.224", "-0.272", null, "-0.272", null, null, null, "-0.238", "-0.714");
    }
}
