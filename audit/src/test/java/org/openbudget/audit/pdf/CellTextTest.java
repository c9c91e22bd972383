package org.openbudget.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A ruled cell's text: its lines joined — a wrapped name is one name, an amount a narrow cell wrapped is one amount. */
class CellTextTest {
    /** The glyphs of these lines, one under the other, 6 pt wide and 10 pt high. */
    private static List<PdfLayout.Glyph> cell(String... lines) {
        List<PdfLayout.Glyph> out = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            for (int i = 0; i < lines[l].length(); i++) {
                out.add(new PdfLayout.Glyph(String.valueOf(lines[l].charAt(i)), 10 + 6 * i, 100 + 12 * l, 6, 10, 10));
            }
        }
        return out;
    }

    @Test
    void anAmountWrappedInANarrowCellIsOneAmount() {
        // 深圳人社's 项目支出总表: the 总计 435,216.17 printed as "435,216.1" over "7"
        assertThat(PdfLayout.cellText(cell("435,216.1", "7"))).isEqualTo("435,216.17");
        assertThat(PdfLayout.cellText(cell("142,22", "0.85"))).isEqualTo("142,220.85");
        assertThat(PdfLayout.cellText(cell("12.", "34"))).isEqualTo("12.34");
    }

    @Test
    void otherLinesKeepTheirSpaceOrJoinAsBefore() {
        assertThat(PdfLayout.cellText(cell("人力资源综合管", "理"))).isEqualTo("人力资源综合管理");
        assertThat(PdfLayout.cellText(cell("201", "01"))).isEqualTo("201 01");            // a code split over lines, no amount
        assertThat(PdfLayout.cellText(cell("1,234.56", "7"))).isEqualTo("1,234.56 7");   // a whole amount, then something else
    }
}
