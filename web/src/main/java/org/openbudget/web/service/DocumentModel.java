package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.money.Amounts;

/**
 * A Disclosure laid out for a page: every cell already printed (万元, two decimals, the template's
 * thousands separator). Presentation only: the numbers come from the core's derivation.
 */
public record DocumentModel(String title, String unitName, String preparedByLabel, int year, List<TableModel> tables,
                            List<Section> sections, String closingName, String closingDate) {

    public record TableModel(int no, String title, List<String> columns, List<RowModel> rows, boolean empty, String emptyNote, boolean sided) {}

    public record RowModel(String side, String code, String label, int level, boolean total, List<String> cells) {}

    public static DocumentModel of(Disclosure d, boolean thousands) {
        List<TableModel> tables = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            boolean sided = t.rows().stream().anyMatch(r -> r.side() != null);
            List<RowModel> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < t.columns().size(); i++) cells.add(Amounts.format(r.value(i), thousands));
                String side = r.side() == null ? "" : r.side() == Side.INCOME ? "收入" : "支出";
                String code = r.code().length() >= 3 ? spaced(r.code()) : "";
                String label = r.kind() == RowKind.PROJECT && !r.project().isEmpty() ? r.project() : r.name();
                rows.add(new RowModel(side, code, label, r.kind() == RowKind.PROJECT ? 4 : r.level(),
                        r.kind() == RowKind.TOTAL || r.kind() == RowKind.UNIT, cells));
            }
            tables.add(new TableModel(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), sided));
        }
        String kindLabel = d.kind().label();
        return new DocumentModel(d.year() + "年" + d.unitName() + kindLabel + "预算公开", d.unitName(), "编制" + kindLabel, d.year(),
                tables, d.text().sections(), d.text().closingName(), d.text().closingDate());
    }

    /** "2060499" → "206 04 99" as the documents print codes. */
    static String spaced(String code) {
        if (code.length() == 7) return code.substring(0, 3) + " " + code.substring(3, 5) + " " + code.substring(5);
        if (code.length() == 5) return code.substring(0, 3) + " " + code.substring(3);
        return code;
    }
}
