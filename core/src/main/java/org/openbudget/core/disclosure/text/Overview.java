package org.openbudget.core.disclosure.text;

import java.util.List;

/**
 * 第一部分 概况: 主要职能 (one entry per numbered function), 机构设置 (subordinate budget units and
 * internal offices) and 人员情况. {@code paragraphs} is 第一部分 as printed, headings
 * ("一、主要职能") included, in order (empty when only the data is known, e.g. read from a file).
 */
public record Overview(List<String> functions, List<String> subordinateUnits, List<String> offices,
                       Staffing staffing, List<String> paragraphs) {
    public static final Overview EMPTY = new Overview(List.of(), List.of(), List.of(), null, List.of());

    public Overview {
        functions = List.copyOf(functions);
        subordinateUnits = List.copyOf(subordinateUnits);
        offices = List.copyOf(offices);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** An overview without its printed paragraphs. */
    public Overview(List<String> functions, List<String> subordinateUnits, List<String> offices, Staffing staffing) {
        this(functions, subordinateUnits, offices, staffing, List.of());
    }
}
