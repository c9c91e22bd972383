package org.openbudget.core.disclosure.text;

import java.util.List;

/**
 * 第一部分 概况: 主要职能 (one entry per numbered function), 机构设置 (subordinate budget units and
 * internal offices) and 人员情况.
 */
public record Overview(List<String> functions, List<String> subordinateUnits, List<String> offices,
                       Staffing staffing) {
    public static final Overview EMPTY = new Overview(List.of(), List.of(), List.of(), null);

    public Overview {
        functions = List.copyOf(functions);
        subordinateUnits = List.copyOf(subordinateUnits);
        offices = List.copyOf(offices);
    }
}
