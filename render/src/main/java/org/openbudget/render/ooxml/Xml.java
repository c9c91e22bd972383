package org.openbudget.render.ooxml;

/** XML text and attribute values: escaped, and characters XML 1.0 cannot hold left out. */
public final class Xml {
    private Xml() {}

    /** Escaped for element content and attribute values (quotes included). */
    public static String text(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> allowed(s, i) ? null : "";
            };
            if (r != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Appends {@code s} escaped. */
    public static StringBuilder append(StringBuilder b, String s) {
        if (s == null) return b;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (allowed(s, i)) b.append(c);
                }
            }
        }
        return b;
    }

    /** XML 1.0 Char: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, and surrogate pairs. */
    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) return true;
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c >= 0xE000) return c <= 0xFFFD;
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
