package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.Workspace;
import org.openbudget.render.layout.DocumentView;

/**
 * End to end: the examples' datasets generate their whole text (narrative), and the PDF and DOCX
 * print all of it — every section in order, every sentence that states a text fact, every
 * performance table, the glossary and the closing.
 */
class GeneratedDocumentTest {
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theWholeGeneratedTextIsPrinted(String example) throws Exception {
        Workspace.Loaded l = Fixtures.load(example);
        Disclosure d = l.disclosure();
        DocumentText text = d.text();
        assertThat(text.sections()).as("the dataset generates 第三部分").hasSize(12);
        DocumentView v = new DocumentView(d, l.profile());
        List<String> pages = PdfRenderTest.pages(Rendered.render(Format.PDF, v));
        // the body without page numbers (a sentence may run over a page break)
        String all = PdfRenderTest.squash(String.join("", pages.subList(2, pages.size()))).replaceAll("—\\d+—", "");
        int at = 0;
        for (Section s : text.sections()) {
            int i = all.indexOf(PdfRenderTest.squash(s.numeral() + "、" + s.title()), at);
            assertThat(i).as("section %s in order", s.numeral()).isGreaterThanOrEqualTo(0);
            at = i;
            for (String p : s.paragraphs()) assertThat(all).as("paragraph of %s", s.numeral()).contains(PdfRenderTest.squash(p));
        }
        for (TextFact f : text.facts()) {
            if (!f.sentence().isEmpty()) assertThat(all).as("sentence of %s", f.key()).contains(PdfRenderTest.squash(f.sentence()));
        }
        for (PerformanceTable p : text.performance()) {
            assertThat(all).contains(PdfRenderTest.squash("整体".equals(p.kind()) ? p.unitName() : p.projectName()));
        }
        for (DocumentText.GlossaryEntry g : text.glossary()) assertThat(all).contains(PdfRenderTest.squash(g.term() + "：" + g.definition()));
        for (String f : text.overview().functions()) assertThat(all).contains(PdfRenderTest.squash(f));
        assertThat(all).endsWith(PdfRenderTest.squash(text.closingName() + text.closingDate()));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Rendered.render(Format.DOCX, v)))) {
            assertThat(doc.getTables()).hasSize(11 + text.performance().size());
            List<String> h2 = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            for (Section s : text.sections()) assertThat(h2).contains(s.numeral() + "、" + s.title());
        }
    }
}
