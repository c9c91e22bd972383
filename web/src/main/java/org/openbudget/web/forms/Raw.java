package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.io.yaml.YamlNode;

/**
 * Reads a stored dataset's values for the forms, as written (an amount stays the text it was,
 * a funding source its code or name). Lenient: a form shows what is there; only the dataset
 * reader judges it, when the form is saved.
 */
final class Raw {
    private Raw() {}

    static YamlNode child(YamlNode n, String key) {
        if (n == null || !n.isMap()) return null;
        return n.entries().get(key);
    }

    static String text(YamlNode n) {
        if (n == null || !n.isScalar()) return "";
        String t = n.text();
        return t == null ? "" : t;
    }

    static String text(YamlNode n, String key) {
        return text(child(n, key));
    }

    static List<YamlNode> items(YamlNode n) {
        return n != null && n.isList() ? n.items() : List.of();
    }

    static List<YamlNode> items(YamlNode n, String key) {
        return items(child(n, key));
    }

    static Map<String, YamlNode> entries(YamlNode n) {
        return n != null && n.isMap() ? n.entries() : Map.of();
    }

    static Map<String, YamlNode> entries(YamlNode n, String key) {
        return entries(child(n, key));
    }

    /** The scalar items of a list, one per line (a list of paragraphs edited in one text box). */
    static String lines(YamlNode n) {
        List<String> out = new ArrayList<>();
        for (YamlNode i : items(n)) {
            String t = text(i).trim();
            if (!t.isEmpty()) out.add(t.replace("\n", " "));
        }
        return String.join("\n", out);
    }

    static boolean bool(YamlNode n) {
        String t = text(n).trim().toLowerCase();
        return t.equals("true") || t.equals("yes") || t.equals("是");
    }

    static boolean blank(String s) { return s == null || s.isBlank(); }

    static String trim(String s) { return s == null ? "" : s.trim(); }

    /** The non-blank lines of a text box. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String l : text.split("\r?\n")) if (!l.isBlank()) out.add(l.trim());
        return out;
    }
}
