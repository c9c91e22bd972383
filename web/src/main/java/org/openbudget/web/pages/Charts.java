package org.openbudget.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.web.service.Summary;

/** Bar lengths for the portal's SVG charts (drawn by the template, no script): presentation only. */
public record Charts(List<Bar> byClass, Bar basic, Bar project, List<Bar> years, List<Pair> classYears, boolean hasLastYear) {

    public List<Bar> natures() { return List.of(basic, project); }

    /** {@code width} in percent of the longest bar. */
    public record Bar(String label, String amount, String share, double width) {}

    public record Pair(String label, String now, String last, double nowWidth, double lastWidth) {}

    public static Charts of(Summary s, Summary last, int year) {
        BigDecimal max = s.classes().stream().map(Summary.ClassAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::max);
        List<Bar> classes = new ArrayList<>();
        for (Summary.ClassAmount c : s.classes()) classes.add(new Bar(c.code() + " " + c.name(), c.amount().toPlainString(), s.share(c.amount()), pct(c.amount(), max)));
        BigDecimal bpMax = s.basic().max(s.project());
        Bar basic = new Bar("基本支出", s.basic().toPlainString(), s.share(s.basic()), pct(s.basic(), bpMax));
        Bar project = new Bar("项目支出", s.project().toPlainString(), s.share(s.project()), pct(s.project(), bpMax));
        List<Bar> years = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        if (last != null) {
            BigDecimal ym = s.total().max(last.total());
            years.add(new Bar((year - 1) + "年", last.total().toPlainString(), "", pct(last.total(), ym)));
            years.add(new Bar(year + "年", s.total().toPlainString(), "", pct(s.total(), ym)));
            BigDecimal cm = max;
            for (Summary.ClassAmount c : last.classes()) cm = cm.max(c.amount());
            List<String> codes = new ArrayList<>();
            s.classes().forEach(c -> codes.add(c.code()));
            last.classes().forEach(c -> { if (!codes.contains(c.code())) codes.add(c.code()); });
            codes.sort(String::compareTo);
            for (String code : codes) {
                BigDecimal now = amount(s, code), before = amount(last, code);
                pairs.add(new Pair(code + " " + name(s, last, code), now.toPlainString(), before.toPlainString(), pct(now, cm), pct(before, cm)));
            }
        }
        return new Charts(classes, basic, project, years, pairs, last != null);
    }

    private static BigDecimal amount(Summary s, String code) {
        return s.classes().stream().filter(c -> c.code().equals(code)).map(Summary.ClassAmount::amount).findFirst().orElse(BigDecimal.ZERO.setScale(2));
    }

    private static String name(Summary a, Summary b, String code) {
        return a.classes().stream().filter(c -> c.code().equals(code)).map(Summary.ClassAmount::name).findFirst()
                .orElseGet(() -> b.classes().stream().filter(c -> c.code().equals(code)).map(Summary.ClassAmount::name).findFirst().orElse(""));
    }

    private static double pct(BigDecimal v, BigDecimal max) {
        if (max.signum() <= 0) return 0;
        return v.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
