package org.openbudget.io;

/** One thing wrong with an input file: where (file, line, field) and what is expected. */
public record InputProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (field != null && !field.isEmpty()) b.append(" [").append(field).append(']');
        return b.append(": ").append(message).toString();
    }
}
