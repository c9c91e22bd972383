package org.openbudget.io.workbook;

import static org.openbudget.io.yaml.YamlScalars.quote;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes the workbook's text sheets as the YAML of a dataset's text part, one value per line, and
 * remembers the cell each line came from — so that the dataset's own text-part reader checks them
 * and its problems (located by line) are reported at their cells.
 */
final class YamlBridge {
    /**
     * Where a YAML line came from: a cell and the label of its column. A key → value entry is
     * located at its key's cell, and at {@code value} (the value's cell) for a problem of the value.
     */
    record Cell(String sheet, int column, int row, String label, Cell value) {
        Cell(String sheet, int column, int row, String label) {
            this(sheet, column, row, label, null);
        }

        /** The cell a problem with this message is about: an amount's or a number's problem is its value's. */
        Cell about(String message) {
            return value != null && (message.startsWith("金额") || message.contains("数字")) ? value : this;
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, Cell> cells = new HashMap<>();
    private int line;

    /** {@code key:} opening a mapping or a list. */
    YamlBridge open(int indent, String key, Cell at) {
        return emit(indent, quote(key) + ":", at);
    }

    /** {@code key: "value"}. */
    YamlBridge value(int indent, String key, String value, Cell at) {
        return emit(indent, quote(key) + ": " + quote(value), at);
    }

    /** {@code - "value"}. */
    YamlBridge item(int indent, String value, Cell at) {
        return emit(indent, "- " + quote(value), at);
    }

    /** {@code - key: "value"}: the first entry of a mapping in a list. */
    YamlBridge itemValue(int indent, String key, String value, Cell at) {
        return emit(indent, "- " + quote(key) + ": " + quote(value), at);
    }

    /** {@code -} alone: a list in a list follows, indented. */
    YamlBridge dash(int indent, Cell at) {
        return emit(indent, "-", at);
    }

    private YamlBridge emit(int indent, String s, Cell at) {
        text.append("  ".repeat(indent)).append(s).append('\n');
        line++;
        cells.put(line, at);
        return this;
    }

    boolean isEmpty() { return line == 0; }

    String yaml() { return text.toString(); }

    Cell cell(int line) { return cells.get(line); }

}
