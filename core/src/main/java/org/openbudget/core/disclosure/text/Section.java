package org.openbudget.core.disclosure.text;

import java.util.List;

/**
 * One numbered section of 第三部分 情况说明 as printed: numeral ("五"), title, and its paragraphs in
 * order. A paragraph that is a sub-heading ("（一）一般公共预算当年拨款规模变化情况") is a paragraph
 * like any other; performance tables are not paragraphs, they are {@link PerformanceTable}s placed
 * after section 十二 (四).
 */
public record Section(String numeral, String title, List<String> paragraphs) {
    public Section {
        paragraphs = List.copyOf(paragraphs);
    }
}
