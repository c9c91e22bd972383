package org.openbudget.io.yaml;

/** Writing YAML scalars: one quoting for every writer of datasets (the workbook bridge, the web forms). */
public final class YamlScalars {
    private YamlScalars() {}

    /**
     * A YAML double-quoted scalar (JSON escapes are valid YAML): quotes, backslashes and every
     * character a YAML reader would not keep as written (controls, DEL, the line and paragraph
     * separators, a byte-order mark) are escaped.
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
