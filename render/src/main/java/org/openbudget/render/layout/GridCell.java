package org.openbudget.render.layout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.money.Amounts;

/**
 * A cell with spans, for formats that merge by position: header cells and body cells of the
 * eleven tables, and the cells of a 绩效目标表.
 *
 * @param head a header (or label) cell: bold and centred
 */
public record GridCell(String text, int colspan, int rowspan, boolean head, boolean strong, boolean numeric,
                       int indent, BigDecimal amount) {

    public static GridCell head(String text, int colspan, int rowspan) {
        return new GridCell(text, colspan, rowspan, true, true, false, 0, null);
    }

    public static GridCell text(String text, int colspan, int rowspan) {
        return new GridCell(text == null ? "" : text, colspan, rowspan, false, false, false, 0, null);
    }

    public static GridCell of(HeaderCell h) {
        return head(h.text(), h.colspan(), h.rowspan());
    }

    public static GridCell of(Cell c, boolean rowStrong) {
        return new GridCell(c.text(), 1, 1, false, rowStrong || c.strong(), c.numeric(), c.indent(), c.amount());
    }

    /** The header rows of a table view. */
    public static List<List<GridCell>> header(TableView t) {
        List<List<GridCell>> out = new ArrayList<>();
        for (List<HeaderCell> r : t.header()) out.add(r.stream().map(GridCell::of).toList());
        return out;
    }

    /** The body rows of a table view. */
    public static List<List<GridCell>> body(TableView t) {
        List<List<GridCell>> out = new ArrayList<>();
        for (BodyRow r : t.rows()) out.add(r.cells().stream().map(c -> of(c, r.strong())).toList());
        return out;
    }

    /**
     * Number of leading rows of {@link #performance} that are the table's head (unit, project or contact, funds, goal,
     * indicator header): a project table's funds are one row, an overall table's four (its sources, 财政资金 上级安排 and
     * 本级安排, 其他资金).
     */
    public static int performanceHeadRows(PerformanceTable p) {
        return "整体".equals(p.kind()) ? 8 : 5;
    }

    /** A 绩效目标表 on 9 columns: unit, project and manager, funds, goal, indicator header, indicators (一级/二级 merged). */
    public static List<List<GridCell>> performance(PerformanceTable p, org.openbudget.core.profile.PerformanceLabels l, String kind, boolean thousands) {
        boolean overall = "整体".equals(p.kind());
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(head(overall ? l.overallUnit(kind) : l.unit(), 2, 1), text(p.unitName(), 7, 1)));
        if (overall) rows.add(List.of(head(l.contact(kind), 2, 1), text(p.manager(), 7, 1)));
        else rows.add(List.of(head(l.project(), 2, 1), text(p.projectName(), 3, 1), head(l.manager(), 2, 1), text(p.manager(), 2, 1)));
        if (overall) {
            // as the published tables print it: the sources of the year's money, 财政资金 by 上级安排 and 本级安排, 其他资金
            BigDecimal upper = p.fiscalUpper(), local = p.fiscalLocal();
            rows.add(List.of(head(l.overallFunds(), 2, 4), head(l.sourcesHead(), 3, 1), head(l.sourcesTotal(), 4, 1)));
            rows.add(List.of(head(l.fiscalSource(), 2, 2), head(l.upper(), 1, 1), money(upper, thousands, 4)));
            rows.add(List.of(head(l.local(), 1, 1), money(local, thousands, 4)));
            rows.add(List.of(head(l.otherFunds(), 2, 1), head(l.otherItem(), 1, 1), money(p.other(), thousands, 4)));
        } else {
            rows.add(List.of(head(l.projectFunds(), 2, 1), head(l.total(), 1, 1), money(p.total(), thousands, 1),
                    head(l.fiscal(), 1, 1), money(p.fiscal(), thousands, 1), head(l.other(), 1, 1), money(p.other(), thousands, 2)));
        }
        rows.add(List.of(head(overall ? l.overallGoal() : l.projectGoal(), 2, 1), text(p.goal(), 7, 1)));
        List<GridCell> ih = new ArrayList<>();
        for (String h : l.indicators()) ih.add(head(h, 1, 1));
        rows.add(ih);
        List<PerformanceTable.Indicator> ind = p.indicators();
        for (int i = 0; i < ind.size(); i++) {
            PerformanceTable.Indicator x = ind.get(i);
            List<GridCell> r = new ArrayList<>();
            if (i == 0 || !Objects.equals(ind.get(i - 1).level1(), x.level1())) {
                int span = 1;
                while (i + span < ind.size() && Objects.equals(ind.get(i + span).level1(), x.level1())) span++;
                r.add(text(x.level1(), 1, span));
            }
            if (i == 0 || !Objects.equals(ind.get(i - 1).level1(), x.level1()) || !Objects.equals(ind.get(i - 1).level2(), x.level2())) {
                int span = 1;
                while (i + span < ind.size() && Objects.equals(ind.get(i + span).level1(), x.level1())
                        && Objects.equals(ind.get(i + span).level2(), x.level2())) span++;
                r.add(text(x.level2(), 1, span));
            }
            r.add(text(x.level3(), 1, 1));
            r.add(text(x.target(), 1, 1));
            r.add(text(x.basis(), 1, 1));
            r.add(text(x.lastYear(), 1, 1));
            r.add(new GridCell(x.weight() == null ? "" : x.weight().stripTrailingZeros().toPlainString(), 1, 1, false, false,
                    true, 0, x.weight()));
            r.add(text(x.scoringRule(), 1, 1));
            r.add(text(x.evidence(), 1, 1));
            rows.add(r);
        }
        return rows;
    }

    public static final double[] PERF_WIDTHS = {9, 10, 17, 11, 11, 10, 8, 12, 12};

    private static GridCell money(BigDecimal v, boolean thousands, int colspan) {
        return new GridCell(v == null ? "" : Amounts.format(v, thousands), colspan, 1, false, false, true, 0,
                v == null ? null : Amounts.printed(v));
    }
}
