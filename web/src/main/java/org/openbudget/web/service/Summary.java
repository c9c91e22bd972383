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
 * What the portal's charts show, read off 表3 (支出总体情况表) as printed, in 万元: the total, 基本支出
 * vs 项目支出, and the expense by 功能分类类. Frozen with each published version.
 */
public record Summary(BigDecimal total, BigDecimal basic, BigDecimal project, List<ClassAmount> classes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record ClassAmount(String code, String name, BigDecimal amount) {}

    public static Summary of(Disclosure d) {
        DisclosureTable t3 = d.table(3).orElse(null);
        if (t3 == null) return new Summary(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        Row total = t3.total(null).orElse(null);
        List<ClassAmount> classes = new ArrayList<>();
        for (Row r : t3.rows()) {
            if (r.kind() == RowKind.CLASS && r.level() == 1 && r.unit().isEmpty()) classes.add(new ClassAmount(r.code(), r.name(), printed(r.value(0))));
        }
        return new Summary(total == null ? BigDecimal.ZERO : printed(total.value(0)), total == null ? BigDecimal.ZERO : printed(total.value(1)),
                total == null ? BigDecimal.ZERO : printed(total.value(2)), classes);
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
