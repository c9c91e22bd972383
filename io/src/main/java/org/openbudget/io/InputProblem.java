package org.openbudget.io;

/**
 * One thing wrong with an input file: where (file, line, field) and what is expected. A workbook
 * problem also names its {@code cell} ("预算明细!C17"); {@code line} is then the worksheet row.
 */
public record InputProblem(String file, int line, String field, String message, String cell) {
    public InputProblem(String file, int line, String field, String message) {
        this(file, line, field, message, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (cell != null && !cell.isEmpty()) b.append(' ').append(cell);
        else if (line > 0) b.append(':').append(line);
        if (field != null && !field.isEmpty()) b.append(" [").append(field).append(']');
        return b.append(": ").append(message).toString();
    }
}
