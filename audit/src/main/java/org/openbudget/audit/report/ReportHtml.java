package org.openbudget.audit.report;

import java.util.List;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;

/**
 * The audit as one self-contained HTML page (no scripts, no external files): the document, the
 * counts by severity, then the findings grouped by severity, each with its location, the values
 * expected and found, the message and its evidence — the table row or sentence, with the line and,
 * for a PDF, the page — and finally the reader's notes.
 */
public final class ReportHtml {
    private ReportHtml() {}

    public static String write(DocumentAudit.Result a) {
        return write(a, null);
    }

    /** Pages drawn at the most (each about 80 KB in the page): the first ones with an error or warning. */
    static final int MAX_PAGES = 40;

    /** The report, and for a PDF ({@code pdf}: its bytes, or null) its pages with errors or warnings (see below). */
    public static String write(DocumentAudit.Result a, byte[] pdf) {
        return write(a, pdf, null);
    }

    /**
     * The report, and for a PDF or an OFD ({@code content}: its bytes, or null) each page with an error or a warning
     * drawn as it prints, its findings listed under it, the table's page numbers linking to it. An OFD's pages are
     * drawn from its text objects in {@code face} (null: an OFD's pages are not drawn).
     */
    public static String write(DocumentAudit.Result a, byte[] content, java.awt.Font face) {
        Disclosure d = a.disclosure();
        java.util.TreeMap<Integer, List<Finding>> onPage = new java.util.TreeMap<>();
        boolean drawn = content != null && (a.format() == DocumentAudit.Format.PDF && PageImage.isPdf(content)
                || a.format() == DocumentAudit.Format.OFD && face != null && PageImage.isOfd(content));
        if (drawn) {
            for (Finding f : a.findings()) {
                if (f.severity() == Severity.NOTICE) continue;
                int page = Evidence.of(a, f).page();
                if (page > 0 && (onPage.containsKey(page) || onPage.size() < MAX_PAGES)) onPage.computeIfAbsent(page, k -> new java.util.ArrayList<>()).add(f);
            }
        }
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>审核报告 · ").append(esc(d.unitName())).append(' ').append(d.year()).append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;color:#222;line-height:1.5}\n")
                .append("h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:2px solid #ccc}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}\n")
                .append("th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append(".counts span{display:inline-block;margin-right:1.2em;padding:.2em .7em;border-radius:4px}\n")
                .append(".error{background:#fde2e1;color:#8a1c14}.warning{background:#fff3cd;color:#6b4e00}.notice{background:#e7f0fb;color:#1d4f91}\n")
                .append("code{white-space:pre-wrap;font-family:inherit;background:#fafafa}.meta{color:#555}\n")
                .append("figure{margin:1.5em 0;page-break-inside:avoid}figure img{max-width:100%;border:1px solid #bbb;display:block}\n")
                .append("figcaption{font-size:.9em;margin-top:.4em}figcaption li{margin:.2em 0}\n")
                .append("figure{position:relative}.over{position:absolute;top:0;left:0;width:100%}.over span{position:absolute;border:2px solid;box-sizing:border-box}\n")
                .append(".over .error{border-color:#c5221f;background:rgba(197,34,31,.12)}.over .warning{border-color:#b07d00;background:rgba(224,168,0,.15)}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>预算公开文档审核报告</h1>\n<p class=\"meta\">").append(esc(d.unitName())).append(" · ").append(d.year()).append("年")
                .append(esc(d.kind().label())).append("预算 · 文件 ").append(esc(a.file())).append("（")
                .append(a.format().label()).append("）· 读出 ").append(d.tables().size()).append(" 张表</p>\n");
        b.append("<p class=\"counts\">");
        for (Severity s : Severity.values()) {
            long n = a.findings().stream().filter(f -> f.severity() == s).count();
            b.append("<span class=\"").append(s.json()).append("\">").append(s.label()).append(' ').append(n).append("</span>");
        }
        b.append("<span>读取提示 ").append(a.notes().size()).append("</span></p>\n");
        if (a.findings().isEmpty()) b.append("<p>未发现问题。</p>\n");
        for (Severity s : Severity.values()) {
            List<Finding> group = a.findings().stream().filter(f -> f.severity() == s).toList();
            if (group.isEmpty()) continue;
            b.append("<h2 id=\"").append(s.json()).append("\">").append(s.label()).append("（").append(group.size()).append("）</h2>\n")
                    .append("<table>\n<tr><th>审核编号</th><th>位置</th><th>应为</th><th>实为</th><th>说明</th><th>依据（原文）</th><th>页</th><th>行</th></tr>\n");
            for (Finding f : group) {
                Evidence e = Evidence.of(a, f);
                b.append("<tr class=\"").append(s.json()).append("-row\"><td>").append(esc(f.id())).append("</td><td>").append(esc(f.location()))
                        .append("</td><td class=\"num\">").append(esc(f.expected())).append("</td><td class=\"num\">").append(esc(f.found()))
                        .append("</td><td>").append(esc(f.message())).append("</td><td><code>").append(esc(e.text())).append("</code></td><td class=\"num\">")
                        .append(e.page() <= 0 ? "" : onPage.containsKey(e.page()) ? "<a href=\"#p" + e.page() + "\">" + e.page() + "</a>" : String.valueOf(e.page()))
                        .append("</td><td class=\"num\">")
                        .append(e.line() > 0 ? String.valueOf(e.line()) : "").append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!onPage.isEmpty()) pages(b, a, content, face, onPage);
        if (!a.notes().isEmpty()) {
            b.append("<h2 id=\"notes\">读取提示（").append(a.notes().size()).append("）</h2>\n<ul>\n");
            for (String n : a.notes()) b.append("<li>").append(esc(n)).append("</li>\n");
            b.append("</ul>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /** Each page with findings, drawn as it prints, and its findings under it. */
    private static void pages(StringBuilder b, DocumentAudit.Result a, byte[] content, java.awt.Font face, java.util.SortedMap<Integer, List<Finding>> onPage) {
        b.append("<h2 id=\"pages\">在页面上（").append(onPage.size()).append(" 页）</h2>\n");
        for (var e : onPage.entrySet()) {
            PageImage.Picture p = PageImage.draw(content, e.getKey(), face);
            b.append("<figure id=\"p").append(e.getKey()).append("\">");
            if (p.png().length > 0) {
                b.append("<img alt=\"第").append(e.getKey()).append("页\" src=\"data:image/png;base64,")
                        .append(java.util.Base64.getEncoder().encodeToString(p.png())).append("\">");
                marks(b, a, e.getValue(), p);
            }
            b.append("<figcaption>第").append(e.getKey()).append("页<ul>");
            for (Finding f : e.getValue()) {
                b.append("<li class=\"").append(f.severity().json()).append("\">[").append(f.severity().label()).append("] ")
                        .append(esc(f.location())).append("：").append(esc(f.message())).append("</li>");
            }
            b.append("</ul></figcaption></figure>\n");
        }
    }

    /**
     * The cell (or row) each finding is about, framed on the page's picture: its box from the row's origin, in
     * points on the page, as a share of the page's size (an overlay as wide as the picture, of its proportions).
     */
    private static void marks(StringBuilder b, DocumentAudit.Result a, List<Finding> findings, PageImage.Picture p) {
        if (p.width() <= 0 || p.height() <= 0) return;
        StringBuilder m = new StringBuilder();
        for (Finding f : findings) {
            org.openbudget.core.disclosure.Origin.Box x = Evidence.of(a, f).box();
            if (x == null) continue;
            m.append("<span class=\"").append(f.severity().json()).append("\" title=\"").append(esc(f.location())).append("\" style=\"left:")
                    .append(pct(x.x(), p.width())).append("%;top:").append(pct(x.y(), p.height())).append("%;width:")
                    .append(pct(x.width(), p.width())).append("%;height:").append(pct(x.height(), p.height())).append("%\"></span>");
        }
        if (m.length() == 0) return;
        b.append("<div class=\"over\" style=\"aspect-ratio:").append(Math.round(p.width())).append('/').append(Math.round(p.height()))
                .append("\">").append(m).append("</div>");
    }

    private static String pct(double v, float of) {
        return java.math.BigDecimal.valueOf(Math.max(0, Math.min(100, v / of * 100))).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
