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
 * 西安 2021 宣传部's 表2 as pdftotext prints it (src/test/resources/pdftotext): its title misprinted with a character
 * left out ("2021年部综合预算收入总表", the template's 部门综合预算收入总表), its header of 12 columns cut over eight lines
 * into words that name none of them, each row printing all 12 amounts (0.00 in the blank ones). The table is read
 * under the title it prints, a note saying how it is printed, and a row printing as many amounts as the template has
 * columns, on a page of as many, is read in column order.
 */
class MisprintedTitleTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> lines() throws IOException {
        try (InputStream in = MisprintedTitleTest.class.getResourceAsStream("/pdftotext/xian-2021-income-misprinted-title.txt")) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    @Test
    void aTableUnderItsTitleMisprintedByOneCharacterIsReadThereWithANote() throws IOException {
        ShapeReader.Result r = ShapeReader.read(lines(), LIB.profile("xian-2022"), LIB.year(2021), "中共西安市委宣传部", AgencyKind.DEPARTMENT, 2021);
        DisclosureTable t = r.tables().stream().filter(x -> x.mark().equals("表2")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("表2").contains("标题印作“2021年部综合预算收入总表”"));
        Row total = t.rows().stream().filter(x -> x.kind() == RowKind.TOTAL).findFirst().orElseThrow(() -> new AssertionError(t.rows()));
        // in 万元: 合计, 一般公共预算拨款小计, 其中：专项资金列入部门预算项目, the other nine blank (printed 0.00)
        assertThat(total.value(0)).isEqualByComparingTo("25859.600179");
        assertThat(total.value(1)).isEqualByComparingTo("25859.600179");
        assertThat(total.value(2)).isEqualByComparingTo("20000");
        for (int c = 3; c < 12; c++) assertThat(total.value(c)).as("column %d", c).isNull();
        assertThat(t.rows()).hasSizeGreaterThanOrEqualTo(3);
    }
}
