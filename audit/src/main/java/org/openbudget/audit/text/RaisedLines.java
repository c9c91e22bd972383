package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A paragraph's line that pdftotext prints above the line it continues: its amount printed a little higher on the page
 * than the words before it (普陀 财政局's 决算 text: "603.14万元，占20.51%；" over "本年支出合计2940.05万元，其中：基本支出
 * 2336.91万元，占79.49%； 项目支出"; "449.52万元。决算数小于预算数的主要原因：…" over "委托中介机构开展各类审计及绩效评价工作。年初预算为
 * 450.52万元，支出决算为"). A line that starts with an amount and its unit (万元, %) after a blank line, the line under it
 * ending on a word (no punctuation: "…项目支出", "…支出决算为", "…占") and starting no heading or item: the two are put
 * back in the order they are read.
 */
final class RaisedLines {
    /** An amount and its unit at the start of a line: "603.14万元", "15.16%". */
    private static final Pattern AMOUNT_FIRST = Pattern.compile("^-?\\d[\\d,]*+(?:\\.\\d++)?(?:万元|亿元|元|%|％)");

    private RaisedLines() {}

    /** The lines, each raised one put back under the line it continues; {@code starts}: whether a line starts a heading or an item. */
    static List<String> inOrder(List<String> lines, Predicate<String> starts) {
        List<String> out = null;
        for (int i = 1; i + 1 < lines.size(); i++) {
            List<String> in = out == null ? lines : out;
            String x = in.get(i).trim(), y = in.get(i + 1).trim();
            if (x.isEmpty() || y.isEmpty() || !in.get(i - 1).isBlank() || !AMOUNT_FIRST.matcher(x).find()) continue;
            if (!Character.isIdeographic(y.codePointBefore(y.length())) || starts.test(y)) continue;
            if (out == null) out = new ArrayList<>(lines);
            out.set(i, lines.get(i + 1));
            out.set(i + 1, lines.get(i));
            i++;
        }
        return out == null ? lines : out;
    }
}
