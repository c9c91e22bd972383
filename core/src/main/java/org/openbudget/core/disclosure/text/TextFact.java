package org.openbudget.core.disclosure.text;

import java.math.BigDecimal;
import java.util.List;

/**
 * One number (or list of names) stated in the document's text, located and keyed so that the
 * checks can verify it against the tables — whichever road the Disclosure came by. A generated
 * document records every number it writes here; a reader of a published document records every
 * number it recognises.
 *
 * <p>The {@code key} is a stable, template-independent name of the thing stated; the vocabulary is
 * documented in docs/text-facts.md (e.g. {@code income.gpb}, {@code expense.basic},
 * {@code gpb.item:2060499}, {@code tpe.vehicle.run}, {@code project:65010024T000000001}).
 *
 * @param section  the 第三部分 section numeral ("二", "十二"), or "第一部分" for the profile
 * @param part     the sub-heading within the section ("（三）", "(二)"), "" when none
 * @param key      what is stated (see docs/text-facts.md)
 * @param subject  the words the text uses for it ("一般公共预算", "科学技术支出（类）…（项）")
 * @param kind     amount, share, change, rate, count, …
 * @param value    the magnitude as printed (10.25 for "增长 10.25%"; 1277.00 for "减少 1,277.00万元");
 *                 null for LIST and NAME facts
 * @param word     the direction word printed with a CHANGE or RATE (增加, 减少, 增长, 下降), else ""
 * @param reason   for a CHANGE: the reason the text gives ("本年度人员工资调整…"), "" when none is given
 * @param items    for LIST and NAME facts: the names listed, in order; else empty
 * @param source   where a generated number comes from ("表5 合计 · 2060499", "表1 本年收入 ÷ 收入总计"),
 *                 "" for a number read from a published file
 * @param sentence the sentence that states it (the evidence a reviewer sees)
 */
public record TextFact(String section, String part, String key, String subject, FactKind kind,
                       BigDecimal value, String word, String reason, List<String> items,
                       String source, String sentence) {
    public TextFact {
        key = FactKeys.canonical(key);
        part = part == null ? "" : part;
        subject = subject == null ? "" : subject;
        word = word == null ? "" : word;
        reason = reason == null ? "" : reason;
        items = items == null ? List.of() : List.copyOf(items);
        source = source == null ? "" : source;
        sentence = sentence == null ? "" : sentence;
    }

    /** The value with its direction: negative after 减少 or 下降. */
    public BigDecimal signed() {
        if (value == null) return null;
        return word.equals("减少") || word.equals("下降") ? value.negate() : value;
    }

    /** A short human location: "第三部分二 一般公共预算 [变动]". */
    public String label() {
        return ("第三部分".equals(section) || "第一部分".equals(section) ? section : "第三部分" + section)
                + part + " " + subject;
    }
}
