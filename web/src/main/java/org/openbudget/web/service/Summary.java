package org.openbudget.web.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.money.Amounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the portal's charts show, read off the table of the whole expense by 功能分类 (支出总表, whatever
 * its number in the region's template) as printed, in 万元: the total, 基本支出 vs 项目支出, and the
 * expense by 功能分类类. Frozen with each published version.
 */
public record Summary(BigDecimal total, BigDecimal basic, BigDecimal project, List<ClassAmount> classes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record ClassAmount(String code, String name, BigDecimal amount) {}

    public static Summary of(Disclosure d) {
        DisclosureTable t = expenseTable(d);
        if (t == null) return new Summary(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        int all = total(t), basic = t.columnIndex("基本支出"), project = t.columnIndex("项目支出");
        Row total = t.total(null).orElse(null);
        List<ClassAmount> classes = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.kind() == RowKind.CLASS && r.level() == 1 && r.unit().isEmpty()) classes.add(new ClassAmount(r.code(), r.name(), printed(r.value(all))));
        }
        return new Summary(total == null ? BigDecimal.ZERO : printed(total.value(all)), total == null ? BigDecimal.ZERO : printed(total.value(basic)),
                total == null ? BigDecimal.ZERO : printed(total.value(project)), classes);
    }

    /** Words in a title that narrow a table to part of the money (一般公共预算支出表 …): not the whole expense. */
    private static final List<String> PART = List.of("一般公共预算", "政府性基金", "国有资本", "财政拨款", "财政专户", "基本支出", "项目支出");

    /**
     * The table of the whole expense by 功能分类, whatever its number in the template: a table of
     * 功能分类 rows with a total, 基本支出 and 项目支出 columns, its title not narrowed to one budget
     * (支出总表, 支出预算总表, 本年支出总体情况表 …); null when the template prints none.
     */
    static DisclosureTable expenseTable(Disclosure d) {
        for (DisclosureTable t : d.tables()) {
            if (t.columnIndex("基本支出") < 0 || t.columnIndex("项目支出") < 0 || total(t) < 0) continue;
            boolean functional = t.rows().stream().anyMatch(r -> r.kind() == RowKind.CLASS && r.code().startsWith("2"));
            if ((functional || t.empty()) && PART.stream().noneMatch(t.title()::contains)) return t;
        }
        return null;   // no table of the whole expense with these columns: no chart rather than a part shown as the whole
    }

    /** The column of the table's total (合计, 总计, 支出总计 …). */
    private static int total(DisclosureTable t) {
        for (int i = 0; i < t.columns().size(); i++) {
            String c = t.columns().get(i);
            if (c.contains("合计") || c.contains("总计")) return i;
        }
        return -1;
    }

    private static BigDecimal printed(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : Amounts.printed(v);
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Summary parse(String json) {
        try {
            return MAPPER.readValue(json, Summary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Share of the total in percent, two decimals ("" when the total is zero). */
    public String share(BigDecimal part) {
        if (total.signum() == 0) return "";
        return part.multiply(BigDecimal.valueOf(100)).divide(total, 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
