package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.profile.TextTemplate.IncomeLine;
import org.openbudget.core.profile.TextTemplate.WhenZero;

/**
 * 第三部分 二 收入预算情况说明: each income line of the profile (表1 rows) with its amount, share of
 * 收入总计, change against last year and rate, and the reason; a line zero in both years says what the
 * profile's {@code when_zero} says (the full sentence, 未安排, or nothing).
 */
final class Section02Income {
    private Section02Income() {}

    static Section write(Writer w) {
        List<String> p = new ArrayList<>();
        BigDecimal total = w.now("income.total");
        p.add(w.sentence("二", "", "s2.total").amount("total", "income.total", "收入预算", total, "表1 收入总计").done());
        for (IncomeLine l : w.t.incomeLines()) {
            String key = "income." + l.key();
            BigDecimal cur = w.now(key);
            BigDecimal last = w.last(key);
            if (cur.signum() == 0 && last.signum() == 0 && l.whenZero() != WhenZero.SENTENCE) {
                if (l.whenZero() == WhenZero.OMIT) continue;
                p.add(w.sentence("二", "", "s2.not_arranged").var("label", l.label())
                        .amountFact(key, l.label(), cur, "表1 " + l.key() + "（未安排）").done());
                continue;
            }
            p.add(w.sentence("二", "", "s2.line").var("label", l.label())
                    .amount("amount", key, l.label(), cur, "表1 " + l.key())
                    .share("share", key, l.label(), cur, total, "表1 " + l.key() + " ÷ 收入总计 × 100")
                    .change("", key, l.label(), cur, last, "reason").done());
        }
        return new Section("二", w.fill(w.t.title("二"), Map.of()), p);
    }
}
