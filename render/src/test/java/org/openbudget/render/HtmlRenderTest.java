package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.openbudget.render.layout.TableView;

/** Parses each rendered HTML page as XML (well-formed) and checks it is complete, accessible and self-contained. */
class HtmlRenderTest {
    static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,false", "urumqi-sci-tech-info-center-2024,false", "urumqi-industry-it-bureau-2024,false",
            "urumqi-sme-center-2024,true"})
    void wellFormedAccessibleSelfContainedWithEveryTable(String example, boolean withText) throws Exception {
        Rendered.Doc d = Rendered.doc(example, withText);
        byte[] bytes = Rendered.bytes(Format.HTML, example, withText);
        Document doc = parse(bytes);
        Element html = doc.getDocumentElement();
        assertThat(html.getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(d.view().documentTitle());
        NodeList tables = doc.getElementsByTagName("table");
        int perf = withText ? d.disclosure().text().performance().size() : 0;
        assertThat(tables.getLength()).isEqualTo(11 + perf);
        for (int i = 0; i < 11; i++) {
            TableView tv = d.view().tables().get(i);
            Element t = (Element) tables.item(i);
            String caption = t.getElementsByTagName("caption").item(0).getTextContent();
            assertThat(caption).startsWith(tv.label() + " " + tv.title());
            NodeList ths = t.getElementsByTagName("th");
            for (int k = 0; k < ths.getLength(); k++) assertThat(((Element) ths.item(k)).getAttribute("scope")).isIn("col", "colgroup", "row");
            String text = t.getTextContent();
            for (String total : d.totals().get(tv.no())) assertThat(text).as("%s total", tv.label()).contains(total);
            Element section = (Element) t.getParentNode();
            if (tv.empty()) assertThat(section.getTextContent()).contains(tv.emptyNote());
        }
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("src=").doesNotContain("url(").doesNotContain("@import").doesNotContain("<link")
                .doesNotContain("<script").contains("@media print");
        NodeList links = doc.getElementsByTagName("a");
        for (int k = 0; k < links.getLength(); k++) {
            String href = ((Element) links.item(k)).getAttribute("href");
            assertThat(href).startsWith("#");
            assertThat(raw).contains("id=\"" + href.substring(1) + "\"");
        }
    }
}
