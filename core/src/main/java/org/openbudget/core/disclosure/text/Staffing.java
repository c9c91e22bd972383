package org.openbudget.core.disclosure.text;

/**
 * 人员情况 of 第一部分: 编制数, and 实有人数 = 在职 + 退休 + 离休, each with its change against last year.
 * Null where the document does not state a figure.
 */
public record Staffing(Integer authorized, Integer actual,
                       Integer active, Integer activeChange,
                       Integer retired, Integer retiredChange,
                       Integer honoraryRetired, Integer honoraryRetiredChange) {
}
