package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.openbudget.render.layout.TableView;

/** Reads each rendered PDF back as a reader would (PDFBox text extraction), page by page. */
class PdfRenderTest {
    /** How many bookmarks the PDF has, at every level. */
    static long outlineCount(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            if (outline == null) return 0;
            long n = 0;
            java.util.ArrayDeque<org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem> todo = new java.util.ArrayDeque<>();
            outline.children().forEach(todo::add);
            while (!todo.isEmpty()) {
                var item = todo.pop();
                n++;
                item.children().forEach(todo::add);
            }
            return n;
        }
    }

    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(doc));
            }
            return out;
        }
    }

    /** Extraction may split CJK runs with spaces; compare without whitespace. */
    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** First page (0-based) from {@code from} whose text starts a table: "表N" then its title. */
    static int pageOf(List<String> pages, TableView t, int from) {
        for (int i = from; i < pages.size(); i++) {
            String p = squash(pages.get(i));
            if (p.contains(t.label() + t.title())) return i;
        }
        return -1;
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,false", "urumqi-sci-tech-info-center-2024,false", "urumqi-industry-it-bureau-2024,false",
            "urumqi-sme-center-2024,true", "urumqi-industry-it-bureau-2024,true"})
    void everyTableTitleAndTotalIsWhereItShouldBe(String example, boolean withText) throws IOException {
        Rendered.Doc d = Rendered.doc(example, withText);
        byte[] pdf = Rendered.bytes(Format.PDF, example, withText);
        List<String> pages = pages(pdf);
        List<TableView> tables = d.view().tables();
        Map<Integer, List<String>> totals = d.totals();
        int from = 0;
        int[] at = new int[tables.size() + 1];
        for (int i = 0; i < tables.size(); i++) {
            int p = pageOf(pages, tables.get(i), from);
            assertThat(p).as("%s: title of %s found after page %d", example, tables.get(i).label(), from + 1).isGreaterThanOrEqualTo(0);
            at[i] = p;
            from = p;
        }
        at[tables.size()] = pages.size();
        for (int i = 0; i < tables.size(); i++) {
            TableView t = tables.get(i);
            // the table's pages: from its title to the page before the next table's title
            StringBuilder text = new StringBuilder();
            int end = Math.max(at[i], i + 1 < tables.size() ? at[i + 1] - 1 : at[i] + 1);
            for (int p = at[i]; p <= end && p < pages.size(); p++) text.append(squash(pages.get(p)));
            assertThat(text.toString()).as("%s: 编制单位 line of %s", example, t.label()).contains(squash(d.view().preparedBy()));
            for (String total : totals.get(t.no())) {
                assertThat(text.toString()).as("%s: total %s of %s", example, total, t.label()).contains(total);
            }
            if (t.empty()) assertThat(text.toString()).contains(squash(t.emptyNote()));
        }
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void a4PagesWideTablesLandscapeNumberedAndHeadersRepeated(String example) throws IOException {
        Rendered.Doc d = Rendered.doc(example, false);
        byte[] pdf = Rendered.bytes(Format.PDF, example, false);
        List<String> pages = pages(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDRectangle box = doc.getPage(i).getMediaBox();
                float w = Math.min(box.getWidth(), box.getHeight()), h = Math.max(box.getWidth(), box.getHeight());
                assertThat(w).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
                assertThat(h).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
                if (i > 0) assertThat(pages.get(i)).as("page number on page %d", i + 1).contains("— " + (i + 1) + " —");
            }
            for (TableView t : d.view().tables()) {
                int p = pageOf(pages, t, 0);
                PDPage page = doc.getPage(p);
                boolean landscape = page.getMediaBox().getWidth() > page.getMediaBox().getHeight();
                assertThat(landscape).as("%s landscape", t.label()).isEqualTo(t.wide());
            }
            // every page that continues a table repeats its header rows
            for (int i = 1; i < pages.size(); i++) {
                String p = squash(pages.get(i));
                boolean startsTable = d.view().tables().stream().anyMatch(t -> p.contains(t.label() + t.title()));
                boolean tableBody = p.contains("※");
                if (tableBody && !startsTable) {
                    assertThat(p).as("continuation page %d repeats the header", i + 1).containsAnyOf("功能分类科目名称", "经济分类科目名称", "项目名称");
                }
            }
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).isTrue();
                    assertThat(f.getName()).matches("[A-Z]{6}\\+NotoSansSC-.*"); // a subset
                }
            }
        }
        assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(600_000);
    }

    @ParameterizedTest
    @CsvSource({"urumqi-industry-it-bureau-2024"})
    void aLongTableContinuesOnANewPageWithItsHeader(String example) throws IOException {
        Rendered.Doc d = Rendered.doc(example, false);
        List<String> pages = pages(Rendered.bytes(Format.PDF, example, false));
        TableView t2 = d.view().tables().get(1);
        int p = pageOf(pages, t2, 0);
        String next = squash(pages.get(p + 1));
        // 表2 of the department runs over two pages: the second starts with the header again
        assertThat(next).doesNotContain(t2.label() + t2.title()).contains("功能分类科目名称").contains("财政拨款（补助）");
    }

    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void coverTocTextPartsPerformanceGlossaryAndClosing(String example) throws IOException {
        Rendered.Doc d = Rendered.doc(example, true);
        List<String> pages = pages(Rendered.bytes(Format.PDF, example, true));
        String unit = squash(d.disclosure().unitName());
        assertThat(squash(pages.get(0))).contains(unit).contains("2024年" + d.view().kind() + "预算公开");
        String toc = squash(pages.get(1));
        assertThat(toc).contains("目录").contains("第二部分").contains("第三部分").contains("第四部分名词解释");
        // the 目录 gives page numbers: the entry for 表2's title is followed by its page
        int p2 = pageOf(pages, d.view().tables().get(1), 0) + 1;
        assertThat(toc).containsPattern("二、" + d.view().tables().get(1).title() + "\\.*" + p2);
        String all = squash(String.join("", pages));
        assertThat(all).contains("第一部分").contains("一、主要职能").contains("编制数14");
        assertThat(all).contains("（一）一般公共预算当年拨款规模变化情况");
        assertThat(all).contains(d.view().kind() + "整体绩效目标表").contains("项目支出绩效目标表").contains("信息化运维项目");
        assertThat(all).contains("一、财政拨款：指由一般公共预算");
        String last = squash(pages.get(pages.size() - 1));
        assertThat(last).contains("—" + pages.size() + "—");
        assertThat(last.replace("—" + pages.size() + "—", "")).endsWith(unit + "2024年2月22日");
    }
}
