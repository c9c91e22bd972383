package org.openbudget.web.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.io.yaml.YamlNode;

/**
 * 三公明细: the counts behind a 决算's “三公” money (第三部分 七（二）; the dataset's {@code three_public}, the workbook's
 * 三公明细 sheet): 因公出国（境）团组 and 人次, 公务用车购置数 and 年末保有量, 公务接待批次 and 人次 with the 外宾 among them —
 * whole numbers ≥ 0, a blank one left out (0). The dataset reader checks them (外宾 within all receptions …) and says
 * where, by these fields.
 */
public class ThreePublicForm implements SectionForm {
    public String abroadGroups = "", abroadPersons = "", vehiclesPurchased = "", vehiclesHeld = "",
            receptionBatches = "", receptionPersons = "", foreignBatches = "", foreignPersons = "";

    /** Dataset field, form field, label — in the dataset's order. */
    static final String[][] FIELDS = {
            {"abroad_groups", "abroadGroups", "因公出国（境）团组数"}, {"abroad_persons", "abroadPersons", "因公出国（境）人次"},
            {"vehicles_purchased", "vehiclesPurchased", "公务用车购置数"}, {"vehicles_held", "vehiclesHeld", "公务用车保有量"},
            {"reception_batches", "receptionBatches", "公务接待批次"}, {"reception_persons", "receptionPersons", "公务接待人次"},
            {"foreign_batches", "foreignBatches", "其中外宾接待批次"}, {"foreign_persons", "foreignPersons", "其中外宾接待人次"}};

    /** A form field's value (by its name in {@link #FIELDS}). */
    String get(String field) {
        try {
            return (String) ThreePublicForm.class.getField(field).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no field " + field, e);
        }
    }

    void set(String field, String value) {
        try {
            ThreePublicForm.class.getField(field).set(this, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no field " + field, e);
        }
    }

    public static ThreePublicForm from(YamlNode root) {
        ThreePublicForm f = new ThreePublicForm();
        YamlNode tp = Raw.child(root, "three_public");
        for (String[] t : FIELDS) f.set(t[1], Raw.text(tp, t[0]));
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        YamlOut.Mapping three = YamlOut.flowMap(FIELDS[0][1]);
        for (String[] t : FIELDS) three.count(t[0], get(t[1]), t[1]);
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        out.put("three_public", three.isEmpty() ? null : three);
        return out;
    }

    @Override
    public String describe(String field) {
        for (String[] t : FIELDS) if (t[1].equals(field)) return "“三公”明细 " + t[2];
        return "“三公”明细";
    }
}
