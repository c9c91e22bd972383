package org.openbudget.core.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.money.AmountFormat;

/**
 * A template profile: what one finance bureau prescribes for one year — labels, row lists,
 * number format, sentences. Data (refdata/profiles/*.yaml), never code.
 *
 * @param totalFirst        总计 row above the classification rows (true) or below them
 * @param thousands         print 4,701.75 (true) or 4701.75
 * @param totalLabel        the label of a table's total row (总计)
 * @param incomeTotalLabel  表1/表4 收入总计
 * @param expenseTotalLabel 表1/表4 支出总计
 * @param text              the sentence patterns, lists, formats and glossary the generator writes with ({@link TextTemplate#NONE} when none)
 * @param rules             what the template prescribes that the text checks and the reader of published text use:
 *                          the words printed for each fact key, the 运行经费 terms, the performance weight total
 *                          ({@link TextRules#DEFAULT} when nothing)
 */
public record TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                              String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                              Map<Integer, TableTemplate> tables, TextTemplate text, TextRules rules,
                              Meta meta) {
    /**
     * What a profile of the second format adds: the profile it extends, the basis (预算/决算), the
     * amount unit and decimals its tables print, the label the unit's name is printed under, the
     * signature that recognises its documents, the dictionary of measures its tables bind to, whether the
     * checks between tables generated from the measures' bindings run ({@code generated}; false: only those
     * the profile declares, {@code checks: generated: false}), and the
     * severities it sets for check ids (error, warning, notice), whether an empty or zero cell prints
     * as 0.00 ({@code number_format.zeros: true}) rather than blank, and the checks between its tables
     * that it declares ({@code checks: between:}).
     */
    public record Meta(String parent, String basis, String amountUnit, int decimals, String unitLabel,
                       Detection detect, MeasureDictionary measures, boolean generated, Map<String, String> severities,
                       boolean zeros, List<CrossCheck> crossChecks) {
        public static final Meta DEFAULT = new Meta("", "预算", "万元", 2, "编制单位", Detection.NONE, MeasureDictionary.EMPTY,
                true, Map.of(), false);

        public Meta(String parent, String basis, String amountUnit, int decimals, String unitLabel,
                    Detection detect, MeasureDictionary measures, boolean generated, Map<String, String> severities,
                    boolean zeros) {
            this(parent, basis, amountUnit, decimals, unitLabel, detect, measures, generated, severities, zeros, List.of());
        }

        public Meta(String parent, String basis, String amountUnit, int decimals, String unitLabel,
                    Detection detect, MeasureDictionary measures, boolean generated, Map<String, String> severities) {
            this(parent, basis, amountUnit, decimals, unitLabel, detect, measures, generated, severities, false);
        }

        public Meta {
            parent = parent == null ? "" : parent;
            basis = basis == null ? "预算" : basis;
            amountUnit = amountUnit == null ? "万元" : amountUnit;
            unitLabel = unitLabel == null ? "" : unitLabel;
            detect = detect == null ? Detection.NONE : detect;
            measures = measures == null ? MeasureDictionary.EMPTY : measures;
            severities = severities == null ? Map.of() : Map.copyOf(severities);
            crossChecks = crossChecks == null ? List.of() : List.copyOf(crossChecks);
        }
    }

    public TemplateProfile {
        tables = new TreeMap<>(tables);
        text = text == null ? TextTemplate.NONE : text;
        rules = rules == null ? TextRules.DEFAULT : rules;
        meta = meta == null ? Meta.DEFAULT : meta;
    }

    public TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                           String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                           Map<Integer, TableTemplate> tables, TextTemplate text, TextRules rules) {
        this(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, text, rules, Meta.DEFAULT);
    }

    public MeasureDictionary measures() { return meta.measures(); }

    /** How the tables print amounts: the profile's unit, decimals, separators and zeros. */
    public AmountFormat amountFormat() {
        return new AmountFormat(meta.amountUnit(), meta.decimals(), thousands, meta.zeros());
    }

    /** How the text states an amount: in its own unit (text.amount_unit), two decimals — not the tables' format. */
    public AmountFormat textFormat() {
        return AmountFormat.text(text.amountUnit());
    }

    /** How one table prints its amounts: its own number format where the profile gives it one, else the profile's. */
    public AmountFormat amountFormat(TableTemplate t) {
        if (t == null || t.shape() == null || t.shape().print().format() == null) return amountFormat();
        return t.shape().print().format();
    }

    /**
     * The caption line naming the unit above each table: "部门名称：深圳市信访局". A label that is blank or
     * starts with 编制 follows the document's kind (编制单位 / 编制部门, the Xinjiang form); the label 无 means
     * the tables print no unit line (西安: the unit is only on the cover) and gives "".
     */
    public String unitCaption(String kind, String unitName) {
        String l = meta.unitLabel();
        if (l.equals("无")) return "";
        String label = l.isBlank() || l.startsWith("编制") ? "编制" + kind : l.replace("{kind}", kind);
        return label + "：" + unitName;
    }

    /** Every table has a shape: the document is derived by the generic shapes. */
    public boolean shaped() {
        return !tables.isEmpty() && tables.values().stream().allMatch(t -> t.shape() != null);
    }

    /** A table by its id in this profile. */
    public Optional<TableTemplate> tableById(String tableId) {
        for (TableTemplate t : tables.values()) if (t.id().equals(tableId)) return Optional.of(t);   // every check asks: no stream
        return Optional.empty();
    }

    /** A profile of tables only. */
    public TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                           String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                           Map<Integer, TableTemplate> tables) {
        this(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, TextTemplate.NONE, TextRules.DEFAULT);
    }

    public TemplateProfile withRules(TextRules newRules) {
        return new TemplateProfile(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, text, newRules, meta);
    }

    public TableTemplate table(int no) {
        TableTemplate t = tables.get(no);
        if (t == null) throw new IllegalStateException("profile " + id + " has no table " + no);
        return t;
    }

    public Optional<TableTemplate> findTable(int no) {
        return Optional.ofNullable(tables.get(no));
    }
}
