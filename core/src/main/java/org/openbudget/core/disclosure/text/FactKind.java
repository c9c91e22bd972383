package org.openbudget.core.disclosure.text;

/** What a number stated in the text is. */
public enum FactKind {
    /** An amount in 万元 ("304.15万元"). */
    AMOUNT,
    /** A share of a whole, in percent ("占 88.71%"). */
    SHARE,
    /** A change against last year's budget in 万元, stated as a magnitude with 增加/减少. */
    CHANGE,
    /** A growth rate in percent, stated as a magnitude with 增长/下降. */
    RATE,
    /** A count of people, vehicles, projects, rooms, items ("实有人数 35人", "车辆 1辆"). */
    COUNT,
    /** A physical quantity other than a count (square metres of buildings). */
    QUANTITY,
    /** A list of names the text enumerates (income sources, expense 类, 经济分类款 of 六); value is null, {@code items} holds them. */
    LIST,
    /** A piece of text the checks compare literally (a project's name, its undertaking unit); value is null, {@code items} holds it. */
    NAME
}
