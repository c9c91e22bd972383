package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed between two renderings of a document's tables (the {@code tables --json} shape that every published
 * version keeps as its {@code json} file): each cell whose figure differs, each row only one side has, each table only one
 * side has. Rows are matched by side, code, project and name, tables by number; figures are compared as printed (万元).
 * The same comparison serves a correction (a version against the one it supersedes, a working document against the
 * published version) and a year against the year before.
 */
public final class VersionDiff {
    private VersionDiff() {}

    /** One difference: where ({@code table}, {@code row}, {@code column}) and the figure before and after (null: none). */
    public record Change(int tableNo, String table, String row, String column, String before, String after) {
        /** after − before when both are numbers, printed as the figures are (null otherwise). */
        public String delta() {
            try {
                if (before == null || after == null) return null;
                return new java.math.BigDecimal(after).subtract(new java.math.BigDecimal(before)).toPlainString();
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public String kind() {
            if (column == null && row == null) return before == null ? "新增表" : "删去表";
            if (column == null) return before == null ? "新增行" : "删去行";
            return "数字变动";
        }
    }

    /** At most this many changes are listed (a wholly different document is said to be so, not printed cell by cell). */
    public static final int LIMIT = 2_000;

    public static List<Change> of(JsonNode before, JsonNode after) {
        Map<Integer, JsonNode> a = tables(before), b = tables(after);
        List<Change> out = new ArrayList<>();
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) out.add(new Change(e.getKey(), title(e.getValue()), null, null, "有", null));
        }
        for (var e : b.entrySet()) {
            JsonNode t2 = e.getValue();
            JsonNode t1 = a.get(e.getKey());
            if (t1 == null) {
                out.add(new Change(e.getKey(), title(t2), null, null, null, "有"));
                continue;
            }
            rows(e.getKey(), t1, t2, out);
            if (out.size() >= LIMIT) return out.subList(0, LIMIT);
        }
        return out;
    }

    private static void rows(int no, JsonNode t1, JsonNode t2, List<Change> out) {
        Map<String, JsonNode> r1 = rowsByKey(t1), r2 = rowsByKey(t2);
        List<String> cols1 = columns(t1), cols2 = columns(t2);
        String title = title(t2);
        // a row without a figure that one side prints and the other not (a class the year's list lacks) is no change of money
        for (var e : r1.entrySet()) {
            if (!r2.containsKey(e.getKey()) && !total(e.getValue()).isEmpty()) out.add(new Change(no, title, label(e.getValue()), null, total(e.getValue()), null));
        }
        for (var e : r2.entrySet()) {
            JsonNode row2 = e.getValue();
            JsonNode row1 = r1.get(e.getKey());
            if (row1 == null) {
                if (!total(row2).isEmpty()) out.add(new Change(no, title, label(row2), null, null, total(row2)));
                continue;
            }
            for (int c = 0; c < cols2.size(); c++) {
                int c1 = cols1.indexOf(cols2.get(c));
                String v1 = c1 < 0 ? null : value(row1, c1);
                String v2 = value(row2, c);
                if (!same(v1, v2)) out.add(new Change(no, title, label(row2), cols2.get(c), v1, v2));
            }
        }
    }

    private static boolean same(String a, String b) {
        if (Objects.equals(a, b)) return true;
        try {
            return a != null && b != null && new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<Integer, JsonNode> tables(JsonNode doc) {
        Map<Integer, JsonNode> out = new LinkedHashMap<>();
        if (doc != null && doc.has("tables")) for (JsonNode t : doc.get("tables")) out.put(t.path("no").asInt(), t);
        return out;
    }

    private static Map<String, JsonNode> rowsByKey(JsonNode t) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : t.path("rows")) {
            String key = text(r, "side") + "|" + text(r, "code") + "|" + text(r, "project") + "|" + text(r, "name");
            String k = key;
            for (int n = 2; out.containsKey(k); n++) k = key + "#" + n;   // the same label twice: matched in order
            out.put(k, r);
        }
        return out;
    }

    private static List<String> columns(JsonNode t) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : t.path("columns")) out.add(c.asText());
        return out;
    }

    private static String value(JsonNode row, int i) {
        JsonNode v = row.path("values").path(i);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** The first figure of a row (its total, in the tables' layout), for a row only one side has. */
    private static String total(JsonNode row) {
        for (JsonNode v : row.path("values")) if (!v.isNull()) return v.asText();
        return "";
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String title(JsonNode t) {
        String title = text(t, "title");
        return title.isEmpty() ? "表" + t.path("no").asInt() : title;
    }

    private static String label(JsonNode r) {
        String code = text(r, "code"), name = text(r, "name"), project = text(r, "project");
        StringBuilder b = new StringBuilder();
        if (!code.isEmpty()) b.append(code).append(' ');
        b.append(name);
        if (!project.isEmpty() && !name.contains(project)) b.append("（").append(project).append("）");
        return b.toString().strip();
    }
}
