package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import org.openbudget.render.layout.TableView;

/** Reads each rendered DOCX back with POI. */
class DocxRenderTest {
    static XWPFDocument read(String example, boolean withText) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(Rendered.bytes(Format.DOCX, example, withText)));
    }

    static String text(XWPFTableRow r) {
        StringBuilder b = new StringBuilder();
        for (XWPFTableCell c : r.getTableCells()) b.append(c.getText()).append('|');
        return b.toString();
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,false", "urumqi-sci-tech-info-center-2024,false", "urumqi-industry-it-bureau-2024,false",
            "urumqi-industry-it-bureau-2024,true"})
    void tablesAreWordTablesWithRepeatedHeadersTitlesAndTotals(String example, boolean withText) throws IOException {
        Rendered.Doc d = Rendered.doc(example, withText);
        try (XWPFDocument doc = read(example, withText)) {
            List<XWPFTable> tables = doc.getTables();
            int perf = withText ? d.disclosure().text().performance().size() : 0;
            assertThat(tables).hasSize(11 + perf);
            List<String> headings2 = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            for (int i = 0; i < 11; i++) {
                TableView tv = d.view().tables().get(i);
                XWPFTable t = tables.get(i);
                assertThat(headings2).as("title of %s is a Word heading", tv.label()).contains(tv.title());
                int headRows = tv.header().size();
                for (int r = 0; r < t.getNumberOfRows(); r++) {
                    assertThat(t.getRow(r).isRepeatHeader()).as("%s row %d repeat flag", tv.label(), r).isEqualTo(r < headRows);
                }
                assertThat(t.getNumberOfRows()).isEqualTo(headRows + tv.rows().size());
                String all = t.getText();
                for (String total : d.totals().get(tv.no())) assertThat(all).as("%s total", tv.label()).contains(total);
            }
            // the 财政拨款（补助） group of 表2 spans seven columns
            XWPFTable t2 = tables.get(1);
            XWPFTableCell group = t2.getRow(0).getTableCells().stream().filter(c -> c.getText().equals("财政拨款（补助）")).findFirst().orElseThrow();
            assertThat(group.getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(7);
            // a row header spanning two rows is merged vertically
            XWPFTableCell name = t2.getRow(0).getTableCells().stream().filter(c -> c.getText().equals("功能分类科目名称")).findFirst().orElseThrow();
            assertThat(name.getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
        }
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void partsAreHeadingsWideTablesInLandscapeSectionsAndTextIsEditable(String example) throws IOException {
        Rendered.Doc d = Rendered.doc(example, true);
        try (XWPFDocument doc = read(example, true)) {
            List<String> h1 = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(h1).hasSize(4);
            assertThat(h1.get(0)).startsWith("第一部分");
            assertThat(h1.get(3)).isEqualTo("第四部分 名词解释");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            // the section that holds 表2 is landscape; the ones before and after are portrait
            CTSectPr holding2 = null;
            boolean seen2 = false;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p && p.getText().equals(d.view().tables().get(1).title())) seen2 = true;
                if (seen2 && e instanceof XWPFParagraph p && p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetSectPr()) {
                    holding2 = p.getCTP().getPPr().getSectPr();
                    break;
                }
            }
            assertThat(holding2).isNotNull();
            assertThat(holding2.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
            assertThat(holding2.sizeOfFooterReferenceArray()).isEqualTo(1);
            String body = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(body).contains("（一）一般公共预算当年拨款规模变化情况").contains("财政拨款：指由一般公共预算").contains("2024年2月22日");
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
        }
    }

    @ParameterizedTest
    @CsvSource({"urumqi-industry-it-bureau-2024"})
    void theTextAfterAWideTableIsOnPortraitPagesAgain(String example) throws IOException {
        try (XWPFDocument doc = read(example, true)) {
            boolean seen3 = false;
            CTSectPr holding3 = null;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p && p.getText().startsWith("第三部分")) seen3 = true;
                if (seen3 && e instanceof XWPFParagraph p && p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetSectPr()) {
                    holding3 = p.getCTP().getPPr().getSectPr();
                    break;
                }
            }
            if (holding3 == null) holding3 = doc.getDocument().getBody().getSectPr();
            assertThat(holding3.getPgSz().getOrient()).isNotEqualTo(STPageOrientation.LANDSCAPE);
            assertThat(((java.math.BigInteger) holding3.getPgSz().getW()).intValue())
                    .isLessThan(((java.math.BigInteger) holding3.getPgSz().getH()).intValue());
        }
    }

    /** A project renamed to text XML cannot hold as is: markup characters, a control character, a tab, a character beyond the BMP. */
    static org.openbudget.render.layout.DocumentView oddlyNamed(String name) {
        Rendered.Doc d = Rendered.doc("urumqi-industry-it-bureau-2024", false);
        List<org.openbudget.core.disclosure.DisclosureTable> tables = new java.util.ArrayList<>();
        for (var t : d.disclosure().tables()) {
            if (t.no() == 7) {
                List<org.openbudget.core.disclosure.Row> rows = new java.util.ArrayList<>();
                for (var r : t.rows()) rows.add(r.kind() == org.openbudget.core.disclosure.RowKind.PROJECT ? r.withProject(name) : r);
                t = new org.openbudget.core.disclosure.DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote());
            }
            tables.add(t);
        }
        return new org.openbudget.render.layout.DocumentView(d.disclosure().withTables(tables), d.loaded().profile());
    }

    static final String ODD = "A&B <项目> \"引号\"\u0001 \t𠀀 ";

    @org.junit.jupiter.api.Test
    void textXmlCannotHoldAsItIsStillGivesAWellFormedDocument() throws IOException {
        byte[] bytes = Rendered.render(Format.DOCX, oddlyNamed(ODD));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String t7 = doc.getTables().get(6).getText();
            assertThat(t7).contains("A&B <项目> \"引号\"").contains("𠀀").doesNotContain("\u0001");
        }
        // the same document gives the same bytes
        assertThat(Rendered.render(Format.DOCX, oddlyNamed(ODD))).isEqualTo(bytes);
    }
}
