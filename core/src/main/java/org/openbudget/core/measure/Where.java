package org.openbudget.core.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openbudget.core.classification.FundingSource;

/**
 * Which money of a ledger a measure counts: a conjunction of conditions on a posting's funding
 * source (by code, by budget, current year or carried over, 财政拨款 or not), its kind (人员经费,
 * 公用经费, 项目支出) and its 经济分类 / 功能分类 code (by prefix). A condition left null does not
 * filter. {@link #and} intersects two filters; a contradiction matches nothing ({@link #none()}).
 *
 * @param sources funding-source codes (GPB, CO_GPB …)
 * @param budgets the sources' budgets (一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户, 单位资金)
 * @param period  current-year money or 上年结转结余
 * @param fiscal  财政拨款 (one of the three budgets) or not
 * @param kinds   人员经费 / 公用经费 (together 基本支出) / 项目支出
 * @param eco     经济分类 code prefixes ("301", "30212")
 * @param func    功能分类 code prefixes ("208", "2080505")
 */
public record Where(Set<String> sources, Set<String> budgets, Period period, Boolean fiscal, Set<Kind> kinds,
                    List<String> eco, List<String> func, boolean none) {

    public enum Period { CURRENT, CARRY }

    /** A posting's kind; the ordinal is the derivation's kind index. */
    public enum Kind { PERSONNEL, PUBLIC, PROJECT }

    public static final Where ANY = new Where(null, null, null, null, null, null, null, false);
    private static final Where NONE = new Where(null, null, null, null, null, null, null, true);

    public Where {
        sources = sources == null ? null : Set.copyOf(new TreeSet<>(sources));
        budgets = budgets == null ? null : Set.copyOf(new TreeSet<>(budgets));
        kinds = kinds == null ? null : Set.copyOf(kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds));
        eco = eco == null ? null : List.copyOf(new TreeSet<>(eco));
        func = func == null ? null : List.copyOf(new TreeSet<>(func));
    }

    public static Where nothing() { return NONE; }

    public static Where sources(Collection<String> codes) {
        return new Where(Set.copyOf(codes), null, null, null, null, null, null, false);
    }

    public static Where eco(Collection<String> prefixes) {
        return new Where(null, null, null, null, null, List.copyOf(prefixes), null, false);
    }

    public static Where func(Collection<String> prefixes) {
        return new Where(null, null, null, null, null, null, List.copyOf(prefixes), false);
    }

    public static Where kinds(Set<Kind> kinds) {
        return new Where(null, null, null, null, kinds, null, null, false);
    }

    public boolean isAny() { return equals(ANY); }

    /** Both filters at once. */
    public Where and(Where o) {
        if (none || o.none) return NONE;
        Set<String> s = intersect(sources, o.sources);
        Set<String> b = intersect(budgets, o.budgets);
        if (period != null && o.period != null && period != o.period) return NONE;
        if (fiscal != null && o.fiscal != null && !fiscal.equals(o.fiscal)) return NONE;
        Set<Kind> k = intersect(kinds, o.kinds);
        List<String> e = prefixes(eco, o.eco);
        List<String> f = prefixes(func, o.func);
        if ((s != null && s.isEmpty()) || (b != null && b.isEmpty()) || (k != null && k.isEmpty())
                || (e != null && e.isEmpty()) || (f != null && f.isEmpty())) return NONE;
        return new Where(s, b, period != null ? period : o.period, fiscal != null ? fiscal : o.fiscal, k, e, f, false);
    }

    public boolean matches(FundingSource s) {
        if (none) return false;
        if (sources != null && !sources.contains(s.code())) return false;
        if (budgets != null && !budgets.contains(s.budget())) return false;
        if (period != null && (period == Period.CURRENT) != s.currentYear()) return false;
        return fiscal == null || fiscal == s.fiscal();
    }

    /** A posting's kind by its index; an index past the kinds (a 决算 entry of no nature: income, a balance) passes no kind filter. */
    public boolean matchesKind(int kind) {
        return !none && (kinds == null || (kind < Kind.values().length && kinds.contains(Kind.values()[kind])));
    }

    public boolean matchesEco(String code) {
        return !none && (eco == null || startsWithAny(code, eco));
    }

    public boolean matchesFunc(String code) {
        return !none && (func == null || startsWithAny(code, func));
    }

    static boolean startsWithAny(String code, List<String> prefixes) {
        for (String p : prefixes) if (code.startsWith(p)) return true;
        return false;
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        if (a == null) return b;
        if (b == null) return a;
        Set<T> out = new java.util.HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** Codes under both prefix lists: of each pair where one prefix extends the other, the longer. */
    private static List<String> prefixes(List<String> a, List<String> b) {
        if (a == null) return b;
        if (b == null) return a;
        List<String> out = new ArrayList<>();
        for (String x : a) for (String y : b) {
            if (x.startsWith(y)) out.add(x);
            else if (y.startsWith(x)) out.add(y);
        }
        return out;
    }

    @Override
    public String toString() {
        if (none) return "∅";
        List<String> parts = new ArrayList<>();
        if (sources != null) parts.add("sources=" + sources);
        if (budgets != null) parts.add("budgets=" + budgets);
        if (period != null) parts.add("period=" + period);
        if (fiscal != null) parts.add("fiscal=" + fiscal);
        if (kinds != null) parts.add("kinds=" + kinds);
        if (eco != null) parts.add("eco=" + eco);
        if (func != null) parts.add("func=" + func);
        return parts.isEmpty() ? "*" : String.join(" ", parts);
    }
}
