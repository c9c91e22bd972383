package org.openbudget.core.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.openbudget.core.check.Finding;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;

/**
 * A unit's 预算 set against its 决算 of the same year, as data: every measure both documents print, side by side,
 * and what the comparison found. Amounts in 万元, exact as read (a 预算 printed in 元 converted exactly); rounded
 * only when printed.
 *
 * @param budget   the 预算 document
 * @param fin      the 决算 document
 * @param lines    the measures both print, in the 预算's reading order
 * @param findings the 决算's 年初预算数 against the 预算's figure ({@code CMP.initial}), differences without a stated
 *                 reason ({@code CMP.reason}), documents of different kinds ({@code CMP.kind})
 * @param rules    the threshold and the money the 决算 explains
 */
public record Comparison(Document budget, Document fin, List<Line> lines, List<Finding> findings, CompareRules rules) {
    public Comparison {
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }

    /** One of the two documents: who, which year, 预算 or 决算, the template that read it, the file it came from. */
    public record Document(String unit, String kind, int year, String basis, String profileId, String profileName, String origin) {
        public static Document of(Disclosure d, TemplateProfile p) {
            return new Document(d.unitName(), d.kind() == null ? "" : d.kind().label(), d.year(), p.meta().basis(), p.id(), p.name(),
                    d.origin() == null ? "" : d.origin());
        }

        /** "上海市普陀区财政局 2024年度决算". */
        public String title() {
            return unit + " " + year + (basis.equals("决算") ? "年度决算" : "年预算");
        }
    }

    /**
     * Where a figure was printed: the table (as titled in its document) or the section of the text, the row and column,
     * and the page and line it was read from (0 when not known: a derived document).
     */
    public record Source(String table, String row, String column, int page, int line) {
        public static final Source NONE = new Source("", "", "", 0, 0);

        /** "《支出决算表》 201 01 01 行政运行 [本年支出合计] 第 10 页". */
        public String where() {
            if (table.isEmpty() && row.isEmpty()) return "";
            StringBuilder b = new StringBuilder();
            if (!table.isEmpty()) b.append(table.startsWith("第三部分") ? table : "《" + table + "》");
            if (!row.isEmpty()) b.append(' ').append(row);
            if (!column.isEmpty()) b.append(" [").append(column).append(']');
            if (page > 0) b.append(" 第 ").append(page).append(" 页");
            else if (line > 0) b.append(" 第 ").append(line).append(" 行");
            return b.toString();
        }
    }

    /** A 年初预算数 the 决算 itself prints for the line's money (a table's 预算数 column, or its 说明). */
    public record Stated(BigDecimal value, Source from) {}

    /**
     * One measure both documents print.
     *
     * @param dimension  总体, 收入, 功能分类, 经济分类 or 其他 (fixed rows: “三公”经费 …)
     * @param label      what is compared, in Chinese ("一般公共预算拨款 · 2010101 行政运行 · 基本支出")
     * @param code       the 功能/经济分类 code of a classification line, else ""
     * @param budget     预算数 (0 where the 预算 prints the table without this row)
     * @param actual     决算数 (0 where the 决算 prints the table without this row)
     * @param stated     the 决算's own 年初预算数 for this money (a column of its tables, or its text), in its order
     * @param reason     the reason the 决算's 说明 gives for the difference, "" when none was read
     * @param explained  the 决算 explains differences of this money (rules' {@code explain})
     */
    public record Line(String dimension, String label, String code, BigDecimal budget, BigDecimal actual,
                       Source budgetFrom, Source actualFrom, List<Stated> stated, String reason, boolean explained) {
        public Line {
            stated = List.copyOf(stated);
            reason = reason == null ? "" : reason;
        }

        /** 决算数 − 预算数. */
        public BigDecimal difference() {
            return actual.subtract(budget);
        }

        /** 完成率: 决算数 ÷ 预算数 × 100 (exact to 6 decimals), null on a zero budget. */
        public BigDecimal rate() {
            if (budget.signum() == 0) return null;
            return actual.multiply(BigDecimal.valueOf(100)).divide(budget, 6, RoundingMode.HALF_UP);
        }

        public Line withReason(String why) {
            return new Line(dimension, label, code, budget, actual, budgetFrom, actualFrom, stated, why, explained);
        }

        public Line withStated(Stated s) {
            List<Stated> more = new java.util.ArrayList<>(stated);
            more.add(s);
            return new Line(dimension, label, code, budget, actual, budgetFrom, actualFrom, more, reason, explained);
        }
    }
}
