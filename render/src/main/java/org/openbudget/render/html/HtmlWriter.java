package org.openbudget.render.html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.money.Amounts;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.BodyRow;
import org.openbudget.render.layout.Cell;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.HeaderCell;
import org.openbudget.render.layout.TableView;

/**
 * The document as one well-formed XHTML page: self-contained (CSS inline, no external asset),
 * accessible (lang="zh-CN", captions, th scope), with print CSS (A4, page breaks, header rows
 * repeated by the browser).
 */
public final class HtmlWriter {
    public String write(DocumentView v) {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(v.documentTitle())).append("</title>\n")
                .append("<meta name=\"author\" content=\"").append(esc(v.unit())).append("\"/>\n")
                .append("<meta name=\"subject\" content=\"").append(esc(v.documentTitle())).append("公开\"/>\n")
                .append("<style>\n").append(Css.SCREEN).append("</style>\n</head>\n<body>\n");
        b.append("<main>\n");
        for (Block block : v.blocks()) {
            if (block instanceof Block.Cover c) cover(b, c);
            else if (block instanceof Block.Toc t) toc(b, t);
            else if (block instanceof Block.Heading h) heading(b, h);
            else if (block instanceof Block.Para p) para(b, p);
            else if (block instanceof Block.Table t) table(b, t);
            else if (block instanceof Block.Performance p) performance(b, p, v);
        }
        b.append("</main>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private void cover(StringBuilder b, Block.Cover c) {
        b.append("<header class=\"cover\">\n<p class=\"cover-unit\">").append(esc(c.unit())).append("</p>\n")
                .append("<p class=\"cover-title\">").append(esc(c.title())).append("</p>\n</header>\n");
    }

    private void toc(StringBuilder b, Block.Toc t) {
        b.append("<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\" class=\"toc-heading\">")
                .append(esc(t.heading())).append("</h2>\n<ul>\n");
        for (Block.TocEntry e : t.entries()) {
            b.append("<li class=\"toc").append(e.level()).append("\"><a href=\"#").append(e.target()).append("\">")
                    .append(esc(e.text())).append("</a></li>\n");
        }
        b.append("</ul>\n</nav>\n");
    }

    private void heading(StringBuilder b, Block.Heading h) {
        String tag = "h" + h.level();
        b.append('<').append(tag).append(" id=\"").append(h.id()).append("\">").append(esc(h.text()))
                .append("</").append(tag).append(">\n");
    }

    private void para(StringBuilder b, Block.Para p) {
        b.append(p.right() ? "<p class=\"closing\">" : "<p>");
        if (!p.lead().isEmpty()) b.append("<strong>").append(esc(p.lead())).append("</strong>");
        b.append(esc(p.text())).append("</p>\n");
    }

    private void table(StringBuilder b, Block.Table block) {
        TableView t = block.table();
        b.append("<section class=\"table-block").append(t.wide() ? " wide" : "").append("\" id=\"").append(block.id())
                .append("\" aria-labelledby=\"").append(block.id()).append("-title\">\n");
        b.append("<p class=\"tno\">").append(esc(t.label())).append("</p>\n");
        b.append("<h2 class=\"ttitle\" id=\"").append(block.id()).append("-title\">").append(esc(t.title())).append("</h2>\n");
        b.append("<div class=\"tmeta\"><span class=\"prepared\">").append(esc(block.preparedBy()))
                .append("</span><span class=\"unit\">").append(esc(block.unitLine())).append("</span></div>\n");
        b.append("<table class=\"grid c").append(t.columnCount()).append("\">\n");
        b.append("<caption>").append(esc(t.label() + " " + t.title() + "（" + block.preparedBy() + "，" + block.unitLine() + "）")).append("</caption>\n");
        double sum = 0;
        for (double w : t.widths()) sum += w;
        b.append("<colgroup>");
        for (double w : t.widths()) b.append("<col style=\"width:").append(String.format(java.util.Locale.ROOT, "%.2f", 100 * w / sum)).append("%\"/>");
        b.append("</colgroup>\n<thead>\n");
        boolean firstRow = true;
        for (List<HeaderCell> row : t.header()) {
            b.append(firstRow ? "<tr class=\"top\">" : "<tr>");
            firstRow = false;
            for (HeaderCell c : row) {
                b.append("<th scope=\"").append(c.colspan() > 1 ? "colgroup" : "col").append('"');
                if (c.colspan() > 1) b.append(" colspan=\"").append(c.colspan()).append('"');
                if (c.rowspan() > 1) b.append(" rowspan=\"").append(c.rowspan()).append('"');
                b.append('>').append(esc(c.text())).append("</th>");
            }
            b.append("</tr>\n");
        }
        b.append("</thead>\n<tbody>\n");
        int rowHeader = t.textColumns() > 0 ? t.textColumns() - 1 : -1;   // the name column (the last text column) heads each row
        for (BodyRow r : t.rows()) {
            b.append(r.strong() ? "<tr class=\"strong\">" : "<tr>");
            List<Cell> cells = r.cells();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                boolean th = i == rowHeader && !c.text().isEmpty();
                String cls = c.numeric() ? "num" : (c.indent() > 0 ? "i" + Math.min(c.indent(), 3) : "");
                if (c.strong() && !r.strong()) cls = (cls + " b").trim();
                if (th) cls = (cls + " rh").trim();
                b.append(th ? "<th scope=\"row\"" : "<td");
                if (!cls.isEmpty()) b.append(" class=\"").append(cls).append('"');
                b.append('>').append(esc(c.text())).append(th ? "</th>" : "</td>");
            }
            b.append("</tr>\n");
        }
        if (t.rows().isEmpty()) {
            // a table element needs a body row to be valid; the empty sentence follows the table
            b.append("<tr class=\"none\"><td colspan=\"").append(t.columnCount()).append("\"></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (t.empty()) b.append("<p class=\"empty-note\">").append(esc(t.emptyNote())).append("</p>\n");
        b.append("</section>\n");
    }

    private void performance(StringBuilder b, Block.Performance block, DocumentView v) {
        PerformanceTable p = block.table();
        boolean overall = "整体".equals(p.kind());
        boolean sep = v.profile().thousands();
        org.openbudget.core.profile.PerformanceLabels l = v.profile().text().performanceLabels();
        b.append("<section class=\"perf-block\">\n<h3 class=\"perf-title\">").append(esc(block.title())).append("</h3>\n")
                .append("<p class=\"perf-year\">").append(esc(block.yearLine())).append("</p>\n")
                .append("<table class=\"perf\">\n");
        b.append("<caption>").append(esc(block.title() + "：" + (overall ? p.unitName() : p.projectName()))).append("</caption>\n");
        b.append("<colgroup><col style=\"width:9%\"/><col style=\"width:10%\"/><col style=\"width:17%\"/><col style=\"width:11%\"/>"
                + "<col style=\"width:11%\"/><col style=\"width:10%\"/><col style=\"width:8%\"/><col style=\"width:12%\"/><col style=\"width:12%\"/></colgroup>\n");
        b.append("<tbody>\n");
        b.append("<tr class=\"top\"><th scope=\"row\" colspan=\"2\">").append(esc(overall ? l.overallUnit(v.kind()) : l.unit())).append("</th><td colspan=\"7\">")
                .append(esc(p.unitName())).append("</td></tr>\n");
        if (overall) {
            b.append("<tr><th scope=\"row\" colspan=\"2\">").append(esc(l.contact(v.kind()))).append("</th><td colspan=\"7\">")
                    .append(esc(p.manager())).append("</td></tr>\n");
        } else {
            b.append("<tr><th scope=\"row\" colspan=\"2\">").append(esc(l.project())).append("</th><td colspan=\"3\">").append(esc(p.projectName()))
                    .append("</td><th scope=\"row\" colspan=\"2\">").append(esc(l.manager())).append("</th><td colspan=\"2\">").append(esc(p.manager())).append("</td></tr>\n");
        }
        if (overall) {
            // as the published tables print it: the sources of the year's money, 财政资金 by 上级安排 and 本级安排, 其他资金
            BigDecimal upper = p.fiscalUpper(), local = p.fiscalLocal();
            b.append("<tr><th scope=\"row\" colspan=\"2\" rowspan=\"4\">").append(esc(l.overallFunds()))
                    .append("</th><th scope=\"col\" colspan=\"3\">").append(esc(l.sourcesHead()))
                    .append("</th><th scope=\"col\" colspan=\"4\">").append(esc(l.sourcesTotal())).append("</th></tr>\n");
            b.append("<tr><th scope=\"row\" colspan=\"2\" rowspan=\"2\">").append(esc(l.fiscalSource()))
                    .append("</th><th scope=\"row\">").append(esc(l.upper())).append("</th><td class=\"num\" colspan=\"4\">")
                    .append(esc(money(upper, sep))).append("</td></tr>\n");
            b.append("<tr><th scope=\"row\">").append(esc(l.local())).append("</th><td class=\"num\" colspan=\"4\">")
                    .append(esc(money(local, sep))).append("</td></tr>\n");
            b.append("<tr><th scope=\"row\" colspan=\"2\">").append(esc(l.otherFunds())).append("</th><th scope=\"row\">")
                    .append(esc(l.otherItem())).append("</th><td class=\"num\" colspan=\"4\">").append(esc(money(p.other(), sep))).append("</td></tr>\n");
        } else {
            b.append("<tr><th scope=\"row\" colspan=\"2\">").append(esc(l.projectFunds()))
                    .append("</th><th scope=\"col\">").append(esc(l.total())).append("</th><td class=\"num\">").append(esc(money(p.total(), sep)))
                    .append("</td><th scope=\"col\">").append(esc(l.fiscal())).append("</th><td class=\"num\">").append(esc(money(p.fiscal(), sep)))
                    .append("</td><th scope=\"col\">").append(esc(l.other())).append("</th><td class=\"num\" colspan=\"2\">").append(esc(money(p.other(), sep))).append("</td></tr>\n");
        }
        b.append("<tr><th scope=\"row\" colspan=\"2\">").append(esc(overall ? l.overallGoal() : l.projectGoal())).append("</th><td colspan=\"7\" class=\"goal\">")
                .append(esc(p.goal())).append("</td></tr>\n");
        b.append("<tr class=\"ihead\">");
        for (String h : l.indicators()) {
            b.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        b.append("</tr>\n");
        List<PerformanceTable.Indicator> ind = p.indicators();
        for (int i = 0; i < ind.size(); i++) {
            PerformanceTable.Indicator x = ind.get(i);
            b.append("<tr>");
            if (i == 0 || !Objects.equals(ind.get(i - 1).level1(), x.level1())) {
                int span = 1;
                while (i + span < ind.size() && Objects.equals(ind.get(i + span).level1(), x.level1())) span++;
                b.append("<td").append(span > 1 ? " rowspan=\"" + span + "\"" : "").append('>').append(esc(x.level1())).append("</td>");
            }
            if (i == 0 || !Objects.equals(ind.get(i - 1).level1(), x.level1()) || !Objects.equals(ind.get(i - 1).level2(), x.level2())) {
                int span = 1;
                while (i + span < ind.size() && Objects.equals(ind.get(i + span).level1(), x.level1())
                        && Objects.equals(ind.get(i + span).level2(), x.level2())) span++;
                b.append("<td").append(span > 1 ? " rowspan=\"" + span + "\"" : "").append('>').append(esc(x.level2())).append("</td>");
            }
            b.append("<td>").append(esc(x.level3())).append("</td><td>").append(esc(x.target())).append("</td><td>")
                    .append(esc(x.basis())).append("</td><td>").append(esc(x.lastYear())).append("</td><td class=\"c\">")
                    .append(esc(weight(x.weight()))).append("</td><td>").append(esc(x.scoringRule())).append("</td><td>")
                    .append(esc(x.evidence())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    static String money(BigDecimal v, boolean sep) {
        return v == null ? "" : Amounts.format(v, sep);
    }

    static String weight(BigDecimal w) {
        return w == null ? "" : w.stripTrailingZeros().toPlainString();
    }

    /** XML escaping (the page is well-formed XHTML; no named entities). */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String r = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> (ch < 0x20 && ch != '\n' && ch != '\t') ? "" : null;
            };
            if (r != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(r);
            } else if (b != null) {
                b.append(ch);
            }
        }
        return b == null ? s : b.toString();
    }
}
