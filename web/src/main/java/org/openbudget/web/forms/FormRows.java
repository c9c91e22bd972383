package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.io.yaml.YamlNode;

/** Rows shared by several forms. */
public final class FormRows {
    private FormRows() {}

    /**
     * A value for a key: a reason (key = a text-fact key), a 主要用于 note (key = a 类 code), a
     * carry-over note (key = a project code), a comparative (key = a text-fact key, text = 万元).
     * {@code label} only shows the key in words; {@code listed}: the row was in the dataset (kept,
     * even without text, where being listed means something — the order of 十一).
     */
    public static class KeyedRow {
        public String key = "";
        public String label = "";
        public String text = "";
        public String hint = "";
        public boolean listed;
        /** The key is one the form offers (not typed by the user). */
        public boolean fixed;
        public boolean deleted;

        public KeyedRow() {}

        public KeyedRow(String key, String label, String text, boolean listed) {
            this.key = key;
            this.label = label;
            this.text = text;
            this.listed = listed;
        }
    }

    /** One indicator row of a 绩效目标表: 一级/二级/三级指标, 指标值, 指标值设置依据, 上年完成值, 分值权重, 赋分规则, 佐证资料. */
    public static class IndicatorRow {
        public String level1 = "";
        public String level2 = "";
        public String level3 = "";
        public String target = "";
        public String basis = "";
        public String lastYear = "";
        public String weight = "";
        public String scoringRule = "";
        public String evidence = "";
        public boolean deleted;

        public static final String[] FIELDS = {"level1", "level2", "level3", "target", "basis", "lastYear", "weight", "scoringRule", "evidence"};
        public static final String[] LABELS = {"一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "分值权重", "赋分规则", "佐证资料"};

        String[] cells() { return new String[] {level1, level2, level3, target, basis, lastYear, weight, scoringRule, evidence}; }

        boolean blank() {
            for (String c : cells()) if (!Raw.blank(c)) return false;
            return true;
        }

        static IndicatorRow of(YamlNode n) {
            IndicatorRow r = new IndicatorRow();
            List<YamlNode> c = Raw.items(n);
            String[] v = new String[9];
            for (int i = 0; i < 9; i++) v[i] = i < c.size() ? Raw.text(c.get(i)) : "";
            r.level1 = v[0]; r.level2 = v[1]; r.level3 = v[2]; r.target = v[3]; r.basis = v[4];
            r.lastYear = v[5]; r.weight = v[6]; r.scoringRule = v[7]; r.evidence = v[8];
            return r;
        }
    }

    static List<IndicatorRow> indicators(YamlNode parent) {
        List<IndicatorRow> out = new ArrayList<>();
        for (YamlNode i : Raw.items(parent, "indicators")) out.add(IndicatorRow.of(i));
        return out;
    }

    /** The indicators as a list of 9-cell rows (trailing blank cells left off), each cell located at its field. */
    static YamlOut.Seq indicators(List<IndicatorRow> rows, String formPath) {
        YamlOut.Seq s = YamlOut.seq(formPath);
        for (int i = 0; i < rows.size(); i++) {
            IndicatorRow r = rows.get(i);
            if (r == null || r.deleted || r.blank()) continue;
            String at = formPath + "[" + i + "]";
            YamlOut.Seq cells = YamlOut.flowSeq(at);
            String[] c = r.cells();
            int last = 0;
            for (int k = 0; k < 9; k++) if (!Raw.blank(c[k])) last = k;
            for (int k = 0; k <= Math.max(last, 2); k++) {
                String origin = at + "." + IndicatorRow.FIELDS[k];
                cells.add(k == 6 ? YamlOut.count(c[k], origin) : YamlOut.scalar(Raw.trim(c[k]), origin));
            }
            s.add(cells);
        }
        return s;
    }

    static <T> List<T> nonNull(List<T> l) { return l == null ? new ArrayList<>() : l; }
}
