package org.openbudget.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.render.Format;
import org.openbudget.render.Rendered;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.TableView;

/** The PDF writer's own parts: line breaking, the font subset, bookmarks and links, and what it does with odd input. */
class PdfWriterTest {
    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void linesBreakBetweenChineseCharactersButNotInsideNumbersNorBeforeClosingPunctuation() {
        String text = "一般公共预算4,549.75万元，占13.42%，比上年预算减少515.84万元，下降10.18%，主要原因是2024年一般公共预算减少"
                + "（机动车智能服务平台项目）。特定目标 0310016Y 与“三公”经费。";
        for (float width = 48; width <= 300; width += 7.3f) {
            List<Text.Line> lines = Text.wrap(text, FontFace.REGULAR, 10.5f, width);
            StringBuilder joined = new StringBuilder();
            for (Text.Line l : lines) {
                StringBuilder s = new StringBuilder();
                for (Text.Piece p : l.pieces()) s.append(p.text(), p.from(), p.to());
                String line = s.toString();
                assertThat(line).isNotEmpty();
                assertThat("，。、；：）”%").as("line start at width %s: %s", width, line).doesNotContain(line.substring(0, 1));
                assertThat("（“").as("line end at width %s: %s", width, line).doesNotContain(line.substring(line.length() - 1));
                // punctuation after a word that fills the line may hang in the margin
                String hung = line.replaceAll("[，。、；：）”%]+$", "");
                assertThat(FontFace.REGULAR.width(hung, 10.5f)).as("width of %s", line).isLessThanOrEqualTo(width + 0.01f);
                assertThat(FontFace.REGULAR.width(line, 10.5f)).isCloseTo(l.width(), org.assertj.core.data.Offset.offset(0.01f));
                joined.append(line).append('\n');
            }
            // numbers and Latin words stay whole; only spaces at the breaks are lost
            for (String word : List.of("4,549.75", "13.42%", "515.84", "10.18%", "2024", "0310016Y")) {
                assertThat(joined.toString()).as("%s whole at width %s", word, width).contains(word);
            }
            assertThat(squash(joined.toString())).isEqualTo(squash(text));
        }
        // a first line shorter than the others (a paragraph's indent)
        List<Text.Line> indented = Text.wrap(List.of(new Text.Span(text, FontFace.REGULAR, 10f)), 100f, 200f);
        assertThat(indented.get(0).width()).isLessThanOrEqualTo(100f);
        assertThat(indented.get(1).width()).isGreaterThan(100f);
    }

    @Test
    void theEmbeddedSubsetHoldsThePrintedGlyphsWithTheirOutlinesAndWidths() throws IOException {
        byte[] pdf = Rendered.bytes(Format.PDF, "urumqi-industry-it-bureau-2024", true);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(3);
            int checked = 0;
            for (var name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                PDType0Font t0 = (PDType0Font) f;
                PDCIDFontType2 cid = (PDCIDFontType2) t0.getDescendantFont();
                TrueTypeFont sub = cid.getTrueTypeFont();
                FontFace face = f.getName().contains("Bold") ? FontFace.BOLD : FontFace.REGULAR;
                int glyphs = sub.getNumberOfGlyphs();
                assertThat(glyphs).isBetween(50, 5000);
                for (int c = 1; c < glyphs; c++) {
                    String u = t0.toUnicode(c);
                    if (u == null) continue; // a component of a composite glyph
                    int orig = face.glyph(u.codePointAt(0));
                    // the outline is the original's, and the width printed is the glyph's advance
                    GlyphData g = sub.getGlyph().getGlyph(c);
                    byte[] original = java.util.Arrays.copyOfRange(face.data, face.glyphStart(orig), face.glyphEnd(orig));
                    assertThat(original.length == 0).isEqualTo(g == null || g.getNumberOfContours() == 0);
                    if (original.length >= 10) assertThat((int) g.getBoundingBox().getUpperRightY()).isEqualTo((short) face.u16(face.glyphStart(orig) + 8));
                    assertThat(cid.getWidth(c)).isEqualTo(face.advance(orig) * 1000f / face.unitsPerEm);
                    assertThat(sub.getAdvanceWidth(c)).isEqualTo(face.advance(orig));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    @Test
    void bookmarksFollowTheTocAndItsLinksLeadToTheTables() throws IOException {
        Rendered.Doc d = Rendered.doc("urumqi-industry-it-bureau-2024", true);
        byte[] pdf = Rendered.bytes(Format.PDF, "urumqi-industry-it-bureau-2024", true);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                pages.add(squash(s.getText(doc)));
            }
            List<String> parts = new ArrayList<>();
            PDOutlineItem part2 = null;
            for (PDOutlineItem it : doc.getDocumentCatalog().getDocumentOutline().children()) {
                parts.add(it.getTitle());
                if (it.getTitle().startsWith("第二部分")) part2 = it;
            }
            assertThat(parts).hasSize(4).allMatch(t -> t.startsWith("第")).last().isEqualTo("第四部分 名词解释");
            List<TableView> tables = d.view().tables();
            int k = 0;
            for (PDOutlineItem table : part2.children()) {
                TableView t = tables.get(k++);
                assertThat(table.getTitle()).endsWith(t.title());
                int p = doc.getPages().indexOf(((PDPageDestination) table.getDestination()).getPage());
                assertThat(pages.get(p)).as("bookmark of %s", t.label()).contains(t.label() + t.title());
            }
            assertThat(k).isEqualTo(11);
            // the 目录's entries are links to the same pages
            List<PDAnnotation> links = doc.getPage(1).getAnnotations();
            Block.Toc toc = (Block.Toc) d.view().blocks().get(1);
            assertThat(links).hasSize(toc.entries().size());
            for (int i = 0; i < links.size(); i++) {
                PDPageDestination dest = (PDPageDestination) ((PDAnnotationLink) links.get(i)).getDestination();
                int p = doc.getPages().indexOf(dest.getPage());
                String entry = toc.entries().get(i).text();
                assertThat(pages.get(1)).as("目录 gives the page of %s", entry).containsPattern(
                        java.util.regex.Pattern.quote(squash(entry)) + "\\.+" + (p + 1));
            }
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsABoxAndTheTextIsCopiedAsPrinted() throws IOException {
        Rendered.Doc d = Rendered.doc("urumqi-industry-it-bureau-2024", false);
        List<DisclosureTable> tables = new ArrayList<>();
        for (DisclosureTable t : d.disclosure().tables()) {
            if (t.no() == 7) {
                List<org.openbudget.core.disclosure.Row> rows = new ArrayList<>();
                boolean first = true;
                for (var r : t.rows()) {
                    rows.add(r.kind() == RowKind.PROJECT && first ? r.withProject("信息化\uD83D\uDE00运维部门项目") : r);
                    if (r.kind() == RowKind.PROJECT) first = false;
                }
                t = new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote());
            }
            tables.add(t);
        }
        Disclosure odd = d.disclosure().withTables(tables);
        byte[] pdf = Rendered.render(Format.PDF, new DocumentView(odd, d.loaded().profile()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String all = squash(new PDFTextStripper().getText(doc));
            // 门 shares its glyph with the radical ⻔: the copied text is the character printed
            assertThat(all).contains("信息化□运维部门项目").doesNotContain("⻔");
        }
    }

    @Test
    void aPerformanceTableLongerThanAPageGoesOnOverPagesWithEveryIndicator() throws IOException {
        Rendered.Doc d = Rendered.doc("urumqi-sme-center-2024", true);
        List<PerformanceTable.Indicator> many = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            many.add(new PerformanceTable.Indicator("产出指标", i < 60 ? "数量指标" : "质量指标", "指标第" + i + "项", "≥" + i + "家", "计划标准",
                    "", new BigDecimal("1"), "按完成比例赋分", "工作资料"));
        }
        DocumentText text = d.disclosure().text();
        List<PerformanceTable> perf = List.of(new PerformanceTable("项目", d.disclosure().unitName(), "P9", "很长的项目", "王五",
                new BigDecimal("10"), new BigDecimal("10"), BigDecimal.ZERO, "目标。", many));
        DocumentText longer = new DocumentText(text.overview(), text.sections(), text.facts(), perf, text.glossary(), text.closingName(),
                text.closingDate());
        byte[] pdf = Rendered.render(Format.PDF, new DocumentView(d.disclosure().withText(longer), d.loaded().profile()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String all = squash(new PDFTextStripper().getText(doc));
            for (int i = 0; i < 90; i++) assertThat(all).contains("指标第" + i + "项≥" + i + "家");
            assertThat(all).contains("项目支出绩效目标表");
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        DocumentView v = Rendered.doc("urumqi-sme-center-2024", true).view();
        assertThat(Rendered.render(Format.PDF, v)).isEqualTo(Rendered.render(Format.PDF, v));
    }
}
