package org.openbudget.render.html;

/** The style sheet of the HTML page: for screens and for printing from a browser. */
final class Css {
    private Css() {}

    private static final String COMMON = """
            h1 { font-size: 16pt; text-align: center; margin: 0 0 14pt; }
            h2 { font-size: 13pt; margin: 12pt 0 6pt; }
            h3 { font-size: 11pt; margin: 8pt 0 4pt; }
            p { margin: 0 0 6pt; text-indent: 2em; text-align: left; }
            p.closing { text-align: right; text-indent: 0; margin-top: 18pt; }
            .cover { text-align: center; }
            .cover p { text-indent: 0; text-align: center; }
            .cover-unit { font-size: 22pt; font-weight: bold; }
            .cover-title { font-size: 26pt; font-weight: bold; }
            .toc ul { list-style: none; padding: 0; margin: 0; }
            .toc li { margin: 0 0 3pt; font-size: 10pt; }
            .toc li.toc1 { font-weight: bold; margin-top: 8pt; }
            .toc li.toc2 { padding-left: 2em; }
            .toc a { color: inherit; text-decoration: none; }
            .toc-heading { text-align: center; font-size: 16pt; letter-spacing: 1em; }
            .tno { text-indent: 0; margin: 0; font-size: 10pt; }
            h2.ttitle { text-align: center; font-size: 15pt; margin: 2pt 0 8pt; }
            .tmeta { font-size: 9pt; margin-bottom: 3pt; overflow: hidden; }
            .tmeta .prepared { float: left; }
            .tmeta .unit { float: right; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-wrap: break-word; overflow-wrap: break-word; }
            table.grid th { font-weight: bold; text-align: center; }
            table.grid tbody th { font-weight: normal; text-align: left; }
            table.grid tr.strong td, table.grid tr.strong th, td.b { font-weight: bold; }
            td.num { text-align: right; white-space: nowrap; }
            td.i1, th.i1 { padding-left: 1.2em; }
            td.i2, th.i2 { padding-left: 2.4em; }
            td.i3, th.i3 { padding-left: 3.6em; }
            tr.none td { border-top: none; padding: 0; height: 0; }
            p.empty-note { margin-top: 8pt; }
            .perf-title { text-align: center; font-size: 14pt; margin-bottom: 2pt; }
            p.perf-year { text-align: center; text-indent: 0; }
            table.perf th { font-weight: bold; text-align: center; }
            table.perf td.c { text-align: center; }
            table.perf td.goal { text-align: left; }
            """;

    static final String SCREEN = """
            body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
                   font-size: 11pt; line-height: 1.6; color: #000; background: #fff; margin: 0; }
            main { max-width: 1100px; margin: 0 auto; padding: 16px; }
            caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            .cover { padding: 120px 0 80px; }
            .table-block { margin: 28px 0; overflow-x: auto; }
            table.grid { font-size: 9.5pt; line-height: 1.35; }
            table.grid.c16, table.grid.c15, table.grid.c10 { min-width: 1000px; }
            table.perf { font-size: 9.5pt; line-height: 1.35; margin-bottom: 18px; }
            .toc a:hover, .toc a:focus { text-decoration: underline; }
            @media print {
              @page { size: A4; margin: 18mm 15mm; }
              main { max-width: none; padding: 0; }
              .cover { padding-top: 60mm; page-break-after: always; }
              .toc { page-break-after: always; }
              h1 { page-break-before: always; }
              .table-block { page-break-before: always; overflow: visible; }
              table.grid.c16, table.grid.c15, table.grid.c10 { min-width: 0; font-size: 7pt; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; }
              .toc a { text-decoration: none; }
            }
            """ + COMMON;
}
