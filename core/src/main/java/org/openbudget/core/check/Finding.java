package org.openbudget.core.check;

/**
 * One thing a check found, located: table, row code, project, column (or text section), with the
 * value expected and the value found (printed form, two decimals) and a Chinese message.
 */
public record Finding(String id, Severity severity, Integer table, String code, String project, String column,
                      String section, String expected, String found, String message) {
    public Finding {
        code = code == null ? "" : code;
        project = project == null ? "" : project;
        column = column == null ? "" : column;
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
}
