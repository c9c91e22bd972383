package org.openbudget.core.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One classification list of one budget year: 支出功能分类 (类 3 / 款 5 / 项 7 digits) or
 * 部门预算支出经济分类 (类 3 / 款 5 digits). Loaded from data; {@code complete} says whether it is the
 * full official list (a missing code is then an error) or a partial one (a missing code is a notice).
 */
public final class Classification {
    public enum Kind { FUNCTIONAL, ECONOMIC }

    private final Kind kind;
    private final int year;
    private final boolean complete;
    private final String source;
    private final Map<String, String> names;
    private final Map<String, String> lookup;
    private final List<ClassItem> categories;

    public Classification(Kind kind, int year, boolean complete, String source, List<ClassItem> items) {
        this.kind = kind;
        this.year = year;
        this.complete = complete;
        this.source = source;
        Map<String, String> m = new TreeMap<>();
        for (ClassItem item : items) {
            if (m.put(item.code(), item.name()) != null) {
                throw new IllegalArgumentException("duplicate code " + item.code() + " in " + kind + " " + year);
            }
        }
        this.names = Collections.unmodifiableMap(m);
        this.lookup = new java.util.HashMap<>(m);
        List<ClassItem> cats = new ArrayList<>();
        m.forEach((c, n) -> { if (c.length() == 3) cats.add(new ClassItem(c, n)); });
        this.categories = List.copyOf(cats);
    }

    public Kind kind() { return kind; }
    public int year() { return year; }
    public boolean complete() { return complete; }
    public String source() { return source; }

    public boolean contains(String code) { return lookup.containsKey(code); }

    public Optional<String> name(String code) { return Optional.ofNullable(lookup.get(code)); }

    /** The name to print: the official one, or the code itself when the list does not know it. */
    public String nameOrCode(String code) { return lookup.getOrDefault(code, code); }

    /** All 类 (3-digit codes) of the year, in code order. */
    public List<ClassItem> categories() {
        return categories;
    }

    public List<ClassItem> items() {
        List<ClassItem> out = new ArrayList<>();
        names.forEach((c, n) -> out.add(new ClassItem(c, n)));
        return out;
    }

    public static String category(String code) { return code.substring(0, 3); }

    public static String section(String code) { return code.length() >= 5 ? code.substring(0, 5) : code; }
}
