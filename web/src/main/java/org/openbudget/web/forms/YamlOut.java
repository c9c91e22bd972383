package org.openbudget.web.forms;

import static org.openbudget.io.yaml.YamlScalars.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small YAML tree written by the forms, and its writer. Each node may name the form field it came
 * from ({@code origin}, e.g. {@code lines[2].amount}); writing records, for every node with an origin,
 * its dataset path as the dataset reader names it ({@code lines[3].amount}: keys joined by dots, list
 * items numbered from 1), so that a problem the reader reports is shown next to its field.
 */
public final class YamlOut {
    private YamlOut() {}

    public sealed interface Node permits Scalar, Seq, Mapping {
        String origin();
    }

    /** A text value (always written as a string: an amount stays text, a code keeps its zeros). */
    public record Scalar(String text, String origin, boolean verbatim) implements Node {}

    public record Seq(List<Node> items, boolean flow, String origin) implements Node {
        public Seq add(Node n) { items.add(n); return this; }
        public boolean isEmpty() { return items.isEmpty(); }
    }

    public record Mapping(Map<String, Node> entries, boolean flow, String origin) implements Node {
        public Mapping put(String key, Node value) { if (value != null) entries.put(key, value); return this; }
        /** Puts a whole number (or whatever was typed) unless it is blank. */
        public Mapping count(String key, String value, String origin) {
            if (value != null && !value.isBlank()) entries.put(key, YamlOut.count(value, origin));
            return this;
        }
        /** Puts a text value unless it is blank. */
        public Mapping text(String key, String value, String origin) {
            if (value != null && !value.isBlank()) entries.put(key, scalar(value.trim(), origin));
            return this;
        }
        public boolean isEmpty() { return entries.isEmpty(); }
    }

    public static Scalar scalar(String text, String origin) { return new Scalar(text, origin, false); }
    /** A whole number written plain ({@code 14}, {@code -2}); anything else as {@link #scalar}. */
    public static Scalar count(String text, String origin) {
        String t = text == null ? "" : text.trim();
        return t.matches("-?(0|[1-9]\\d{0,8})") ? literal(t, origin) : scalar(t, origin);
    }

    /** A value written as it is ({@code true}, {@code false}). */
    public static Scalar literal(String text, String origin) { return new Scalar(text, origin, true); }
    public static Seq seq(String origin) { return new Seq(new ArrayList<>(), false, origin); }
    public static Seq flowSeq(String origin) { return new Seq(new ArrayList<>(), true, origin); }
    public static Mapping map(String origin) { return new Mapping(new LinkedHashMap<>(), false, origin); }
    public static Mapping flowMap(String origin) { return new Mapping(new LinkedHashMap<>(), true, origin); }

    /** The YAML text of one top-level key and the dataset path → form field of every node with an origin. */
    public record Written(String text, Map<String, String> origins) {}

    public static Written topLevel(String key, Node value) {
        Writer w = new Writer();
        w.entry(0, key, value, key);
        return new Written(w.out.toString(), w.origins);
    }

    private static final class Writer {
        final StringBuilder out = new StringBuilder();
        final Map<String, String> origins = new LinkedHashMap<>();

        void note(String path, Node n) {
            if (n.origin() != null) origins.putIfAbsent(path, n.origin());
        }

        /** {@code key: value} at {@code indent}, ending with a newline. */
        void entry(int indent, String key, Node value, String path) {
            note(path, value);
            out.append(" ".repeat(indent)).append(key(key)).append(':');
            if (value instanceof Scalar s) {
                out.append(' ').append(scalarText(s)).append('\n');
            } else if (isFlow(value) || isEmpty(value)) {
                out.append(' ');
                flow(value, path);
                out.append('\n');
            } else if (value instanceof Mapping m) {
                out.append('\n');
                m.entries().forEach((k, v) -> entry(indent + 2, k, v, path + "." + k));
            } else {
                out.append('\n');
                items(indent + 2, (Seq) value, path);
            }
        }

        void items(int indent, Seq s, String path) {
            for (int i = 0; i < s.items().size(); i++) {
                Node n = s.items().get(i);
                String p = path + "[" + (i + 1) + "]";
                note(p, n);
                out.append(" ".repeat(indent)).append('-');
                if (n instanceof Scalar sc) {
                    out.append(' ').append(scalarText(sc)).append('\n');
                } else if (isFlow(n) || isEmpty(n)) {
                    out.append(' ');
                    flow(n, p);
                    out.append('\n');
                } else if (n instanceof Mapping m) {
                    boolean first = true;
                    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                        if (first) {
                            // the first entry follows the dash: "- key: value"
                            int mark = out.length();
                            entry(indent + 2, e.getKey(), e.getValue(), p + "." + e.getKey());
                            out.replace(mark, mark + indent + 2, " ");
                            first = false;
                        } else {
                            entry(indent + 2, e.getKey(), e.getValue(), p + "." + e.getKey());
                        }
                    }
                } else {
                    out.append('\n');
                    items(indent + 2, (Seq) n, p);
                }
            }
        }

        void flow(Node n, String path) {
            if (n instanceof Scalar s) {
                out.append(scalarText(s));
            } else if (n instanceof Seq s) {
                out.append('[');
                for (int i = 0; i < s.items().size(); i++) {
                    if (i > 0) out.append(", ");
                    String p = path + "[" + (i + 1) + "]";
                    note(p, s.items().get(i));
                    flow(s.items().get(i), p);
                }
                out.append(']');
            } else {
                Mapping m = (Mapping) n;
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                    if (!first) out.append(", ");
                    first = false;
                    String p = path + "." + e.getKey();
                    note(p, e.getValue());
                    out.append(key(e.getKey())).append(": ");
                    flow(e.getValue(), p);
                }
                out.append('}');
            }
        }

        static boolean isFlow(Node n) {
            return n instanceof Seq s ? s.flow() : n instanceof Mapping m && m.flow();
        }

        static boolean isEmpty(Node n) {
            return n instanceof Seq s ? s.isEmpty() : n instanceof Mapping m && m.isEmpty();
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)~|null|true|false|yes|no|on|off|y|n|\\.inf|\\.nan");

    static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() && !RESERVED.matcher(k).matches() ? k : quote(k);
    }

    /**
     * A value written plain when the reader cannot take it for anything but that text (Chinese
     * words, names); otherwise double-quoted: codes, amounts, dates, anything starting with a
     * sign or a digit, or holding characters YAML gives a meaning to.
     */
    static String scalarText(Scalar sc) {
        if (sc.verbatim()) return sc.text();
        return scalarText(sc.text());
    }

    static String scalarText(String s) {
        if (s == null) return "\"\"";
        if (plain(s)) return s;
        return quote(s);
    }

    private static boolean plain(String s) {
        if (s.isEmpty() || RESERVED.matcher(s).matches()) return false;
        int first = s.codePointAt(0);
        if (!Character.isLetter(first)) return false;
        if (Character.isWhitespace(s.charAt(s.length() - 1))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || "\"'#:,[]{}&*!|>%@`\\".indexOf(c) >= 0 || c == '\u2028' || c == '\u2029' || c == '\ufeff') return false;
        }
        return true;
    }

}
