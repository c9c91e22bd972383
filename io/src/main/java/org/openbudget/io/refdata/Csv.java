package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.io.InputException;

/** Minimal RFC 4180 reader for the reference-data CSVs (header line, optional quoted fields). */
final class Csv {
    private Csv() {}

    /** Rows after the header, each with its 1-based line number in element 0 of the returned arrays' companion list. */
    static List<String[]> read(String file, String text, String... expectedHeader) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace("\uFEFF", "").split("\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] fields = split(line, file, i + 1);
            if (!headerSeen) {
                headerSeen = true;
                for (int k = 0; k < expectedHeader.length; k++) {
                    if (k >= fields.length || !fields[k].trim().equals(expectedHeader[k])) {
                        throw new InputException(file, i + 1, "header",
                                "表头应为 " + String.join(",", expectedHeader) + " (the header must be " + String.join(",", expectedHeader) + ")");
                    }
                }
                continue;
            }
            if (fields.length < expectedHeader.length) {
                throw new InputException(file, i + 1, expectedHeader[fields.length],
                        "缺少列 " + expectedHeader[fields.length] + " (expected " + expectedHeader.length + " columns)");
            }
            String[] withLine = new String[fields.length + 1];
            withLine[0] = String.valueOf(i + 1);
            for (int k = 0; k < fields.length; k++) withLine[k + 1] = fields[k].trim();
            rows.add(withLine);
        }
        return rows;
    }

    private static String[] split(String line, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new InputException(file, lineNo, "", "引号未闭合 (unterminated quote)");
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
