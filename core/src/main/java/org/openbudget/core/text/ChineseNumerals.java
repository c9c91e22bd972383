package org.openbudget.core.text;

/**
 * Chinese numerals (小写: 一二三…十百千万亿) for any non-negative count, as a document numbers its headings
 * （一）…（十）（十一）…（一百）（一百零一）…: 十 at the start stays 十 (十一, 十万), 一十 inside (一百一十),
 * one 零 for each run of missing places (一千零一, 一万零一十), none at the end (一千).
 */
public final class ChineseNumerals {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] PLACES = {"", "十", "百", "千"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseNumerals() {
    }

    /** {@code n} in Chinese numerals; 0 is 零. */
    public static String of(long n) {
        if (n < 0) throw new IllegalArgumentException("负数没有对应的序号：" + n);
        if (n == 0) return DIGITS[0];
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        long divisor = 1;
        int groups = 0;
        while (divisor <= n / 10000) {
            divisor *= 10000;
            groups++;
        }
        if (groups >= GROUPS.length) throw new IllegalArgumentException("序号过大：" + n);
        for (int g = groups; g >= 0; g--, divisor /= 10000) {
            int group = (int) (n / divisor % 10000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && group < 1000) zeroPending = true;
            if (zeroPending) out.append(DIGITS[0]);
            zeroPending = false;
            appendGroup(out, group);
            out.append(GROUPS[g]);
        }
        return out.toString();
    }

    /** One group of four places (1–9999); a leading 一十 is written 十 only at the very start of the number. */
    private static void appendGroup(StringBuilder out, int group) {
        boolean atStart = out.length() == 0;
        boolean zero = false;
        boolean started = false;
        for (int place = 3; place >= 0; place--) {
            int d = group / (int) Math.pow(10, place) % 10;
            if (d == 0) {
                zero = started;
                continue;
            }
            if (zero) out.append(DIGITS[0]);
            zero = false;
            if (!(d == 1 && place == 1 && atStart && !started)) out.append(DIGITS[d]);
            out.append(PLACES[place]);
            started = true;
        }
    }
}
