package org.openbudget.core.check;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One thing a check found, located: table, row code, project, column (or text section), with the
 * value expected and the value found (printed form, two decimals) and a Chinese message.
 *
 * <p>A value: two findings are equal when every field is. The message of a sum that does not add
 * up is written when it is first read (a large run finds a million rounding notices, and most are
 * counted, not read); it is the same text whenever and however often it is read.
 */
public final class Finding {
    private final String id;
    private final Severity severity;
    private final Integer table;
    private final String code;
    private final String project;
    private final String column;
    private final String section;
    private final String expected;
    private final String found;
    /** Writes the message when it is first read; null when it was given. */
    private final Supplier<String> pending;
    private volatile String message;
    /** Where the row the finding is about was read from (a published document's page, line and boxes); null when not read or not known. */
    private final org.openbudget.core.disclosure.Origin origin;

    public Finding(String id, Severity severity, Integer table, String code, String project, String column,
                   String section, String expected, String found, String message) {
        this(id, severity, table, code, project, column, section, expected, found, message, null);
    }

    /** A finding whose message is written by {@code message} when first read. */
    public Finding(String id, Severity severity, Integer table, String code, String project, String column,
                   String section, String expected, String found, Supplier<String> message) {
        this(id, severity, table, code, project, column, section, expected, found, null,
                Objects.requireNonNull(message, "message"));
    }

    private Finding(String id, Severity severity, Integer table, String code, String project, String column,
                    String section, String expected, String found, String message, Supplier<String> pending) {
        this(id, severity, table, code, project, column, section, expected, found, message, pending, null);
    }

    private Finding(String id, Severity severity, Integer table, String code, String project, String column,
                    String section, String expected, String found, String message, Supplier<String> pending,
                    org.openbudget.core.disclosure.Origin origin) {
        this.origin = origin;
        this.id = id;
        this.severity = severity;
        this.table = table;
        this.code = code == null ? "" : code;
        this.project = project == null ? "" : project;
        this.column = column == null ? "" : column;
        this.section = section;
        this.expected = expected;
        this.found = found;
        this.message = message;
        this.pending = pending;
    }

    public String id() { return id; }
    public Severity severity() { return severity; }
    public Integer table() { return table; }
    public String code() { return code; }
    public String project() { return project; }
    public String column() { return column; }
    public String section() { return section; }
    public String expected() { return expected; }
    public String found() { return found; }
    /** Where the row it is about was read from; null for a derived document or a finding about no row. Not part of its value. */
    public org.openbudget.core.disclosure.Origin origin() { return origin; }

    /** The same finding, about the row read at {@code where}. */
    public Finding at(org.openbudget.core.disclosure.Origin where) {
        return new Finding(id, severity, table, code, project, column, section, expected, found, message, pending, where);
    }

    public String message() {
        String m = message;
        if (m == null && pending != null) {
            // racing readers write the same text
            m = pending.get();
            message = m;
        }
        return m;
    }

    /** The same finding at another severity (an administrator's override). */
    public Finding withSeverity(Severity newSeverity) {
        return message == null && pending != null
                ? new Finding(id, newSeverity, table, code, project, column, section, expected, found, null, pending, origin)
                : new Finding(id, newSeverity, table, code, project, column, section, expected, found, message(), null, origin);
    }

    public String location() {
        StringBuilder b = new StringBuilder();
        if (table != null) b.append("表").append(table);
        if (section != null) b.append(b.length() > 0 ? " " : "").append("第三部分").append(section);
        if (!code.isEmpty()) b.append(' ').append(code);
        if (!project.isEmpty()) b.append(' ').append(project);
        if (!column.isEmpty()) b.append(" [").append(column).append(']');
        return b.toString().trim();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Finding f)) return false;
        return id.equals(f.id) && severity == f.severity && Objects.equals(table, f.table) && code.equals(f.code)
                && project.equals(f.project) && column.equals(f.column) && Objects.equals(section, f.section)
                && Objects.equals(expected, f.expected) && Objects.equals(found, f.found)
                && Objects.equals(message(), f.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, severity, table, code, project, column, section, expected, found, message());
    }

    @Override
    public String toString() {
        return "Finding[id=" + id + ", severity=" + severity + ", table=" + table + ", code=" + code + ", project=" + project
                + ", column=" + column + ", section=" + section + ", expected=" + expected + ", found=" + found
                + ", message=" + message() + "]";
    }
}
