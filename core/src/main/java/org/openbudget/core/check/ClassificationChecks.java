package org.openbudget.core.check;

import static org.openbudget.core.check.Rule.t;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;

/**
 * Classification: every code exists in the year's list and is printed under its official name.
 * A code the list does not know is a notice while the list is partial, an error once it is the
 * complete official list; a known code printed under another name is a warning (a notice when the list is an
 * earlier year's: names change between years).
 */
final class ClassificationChecks {

    private ClassificationChecks() {}

    static List<Check> all() {
        return List.of(
                new Rule("C.func.unknown", Severity.ERROR, "功能分类科目编码须在本年度《政府收支分类科目》中（参考目录不完整时为提示）",
                        t(), ctx -> unknown(ctx, ctx.ref().functional(), tables(ctx, false))),
                new Rule("C.func.name", Severity.WARNING, "功能分类科目名称须为该编码的规范名称", t(), ctx -> names(ctx, ctx.ref().functional(), tables(ctx, false))),
                new Rule("C.eco.unknown", Severity.ERROR, "经济分类科目编码须在本年度部门预算支出经济分类中（参考目录不完整时为提示）",
                        t(), ctx -> unknown(ctx, ctx.ref().economic(), tables(ctx, true))),
                new Rule("C.eco.name", Severity.WARNING, "经济分类科目名称须为该编码的规范名称", t(), ctx -> names(ctx, ctx.ref().economic(), tables(ctx, true))),
                new Rule("C.refdata-year", Severity.NOTICE, "文档年度没有自己的分类科目参考数据时，按最近的较早年度核对，并提示",
                        t(), ClassificationChecks::referenceYear));
    }

    /** The tables whose rows are 功能分类 (or 经济分类) codes, by their shape in the profile. */
    private static List<DisclosureTable> tables(CheckContext ctx, boolean economic) {
        List<DisclosureTable> out = new java.util.ArrayList<>();
        for (DisclosureTable t : ctx.tablesToCheck()) {
            org.openbudget.core.profile.TableShape shape = ctx.template(t).map(org.openbudget.core.profile.TableTemplate::shape).orElse(null);
            // a table of units only (西安 表2/表3) prints units' and departments' codes, no classification's
            if (shape == null || ctx.template(t).map(org.openbudget.core.profile.TableTemplate::unitsOnly).orElse(false)) continue;
            boolean classRows = shape.kind() == org.openbudget.core.profile.TableShape.Kind.CLASSIFICATION
                    || (!economic && shape.kind() == org.openbudget.core.profile.TableShape.Kind.SUMMARY);
            if (classRows && shape.economic() == economic) out.add(t);
        }
        return out;
    }

    private static void referenceYear(CheckContext ctx) {
        int year = ctx.disclosure().year();
        int listYear = ctx.ref().year();
        if (year == listYear) return;
        ctx.report(Severity.NOTICE, null, "", "", "", null, String.valueOf(year), String.valueOf(listYear),
                "没有" + year + "年的分类科目参考数据，按" + listYear + "年的目录核对科目编码和名称");
    }

    private static void unknown(CheckContext ctx, Classification list, List<DisclosureTable> tables) {
        for (DisclosureTable t : tables) {
            int n = t.no();
            Set<String> seen = new HashSet<>();
            for (Row r : t.rows()) {
                if (!(r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT) || r.code().isEmpty() || !seen.add(r.code())) continue;
                if (list.contains(r.code())) continue;
                Severity sev = list.complete() ? Severity.ERROR : Severity.NOTICE;
                ctx.report(sev, n, r.withProject(""), "", null, r.code(),
                        ctx.tableName(t) + "科目编码 " + r.code() + "（" + r.name() + "）不在" + list.year() + "年"
                                + (list.kind() == Classification.Kind.FUNCTIONAL ? "支出功能分类" : "经济分类") + "目录中"
                                + (list.complete() ? "" : "（参考目录不完整，请核实）"));
            }
        }
    }

    private static void names(CheckContext ctx, Classification list, List<DisclosureTable> tables) {
        for (DisclosureTable t : tables) {
            int n = t.no();
            Set<String> seen = new HashSet<>();
            for (Row r : t.rows()) {
                if (!(r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT) || r.code().isEmpty() || r.name().isBlank()) continue;
                String official = list.name(r.code()).orElse(null);
                if (official == null || official.equals(r.name()) || normalize(official).equals(normalize(r.name())) || !seen.add(r.code())) continue;
                // checked against an earlier year's list (the document's own is not shipped): the name may have been changed since
                boolean earlier = ctx.disclosure().year() > list.year();
                ctx.report(earlier ? Severity.NOTICE : Severity.WARNING, n, r.withProject(""), "名称", official, r.name(),
                        ctx.tableName(t) + "科目 " + r.code() + " 印为「" + r.name() + "」，" + (earlier ? list.year() + "年目录的" : "") + "规范名称为「" + official + "」"
                                + (earlier ? "（" + ctx.disclosure().year() + "年的名称可能已调整，请核实）" : ""));
            }
        }
    }

    /** Spacing and the width of brackets are not differences of name. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') continue;
            b.append(c == '(' ? '（' : c == ')' ? '）' : c);
        }
        return b.toString();
    }
}
