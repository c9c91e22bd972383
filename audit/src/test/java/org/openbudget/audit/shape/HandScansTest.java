package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reader's hand-written scans (a line's codes and names, an amount's cell) accept exactly what the expressions they replaced did. */
class HandScansTest {

    /** The expression the scan replaced (ShapeReader's CODE_AND_NAME until session 13). */
    private static final Pattern EXPRESSION = Pattern.compile("(?<![\\d,.])(\\d{3}|\\d{5}|\\d{7})[\\t ]++(\\p{IsHan}[^\\t]*?)(?=\\t| {2}|$)");

    private static List<String> byExpression(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(line);
        while (m.find()) out.add(m.group(1) + "|" + m.group(2));
        return out;
    }

    private static List<String> byScan(String line) {
        List<String> out = new ArrayList<>();
        DocumentContext.codesAndNames(line, (code, name) -> out.add(code + "|" + name));
        return out;
    }

    @Test
    void printedLinesOfRealLayouts() {
        for (String line : List.of(
                "2080104 综合业务管理\t12.00\t3.00",
                "201\t一般公共服务支出\t1,234.56",
                "  20103  政府办公厅（室）及相关机构事务   3,944.08 一、一般公共服务支出",
                "301 | 01 基本工资",
                "1,234.567 人 12.345 元",
                "50101 工资福利支出  2010301 行政运行\t",
                "20899 其他社会保障和就业支出 ",
                "合计 2089999 其他社会保障和就业支出  0.00",
                "12345678 某单位",
                "2024年 收入 123 𠀀字 4567890\t收入")) {
            assertThat(byScan(line)).as(line).isEqualTo(byExpression(line));
        }
        assertThat(byScan("2080104 综合业务管理\t12.00")).containsExactly("2080104|综合业务管理");
        assertThat(byScan("1,234.567 人")).isEmpty();
    }

    @Test
    void randomLinesOfDigitsSpacesAndWords() {
        String alphabet = "0123456789  \t\t,.-一二收支出合计费𠀀a|（";
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                int k = random.nextInt(alphabet.length());
                if (Character.isHighSurrogate(alphabet.charAt(k))) b.append(alphabet, k, k + 2);
                else if (Character.isLowSurrogate(alphabet.charAt(k))) b.append(alphabet, k - 1, k + 1);
                else b.append(alphabet.charAt(k));
            }
            String line = b.toString();
            assertThat(byScan(line)).as("「%s」", line).isEqualTo(byExpression(line));
        }
    }

    /** The expression {@link ShapeReader#amountCell} replaced. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,3}(,\\d{3})++|\\d++)(\\.\\d{1,4})?");

    @Test
    void amountCells() {
        for (String c : List.of("0", "0.00", "-12.5", "1,234.56", "12,345,678", "1234,567", ",123", "1,23", "1,2345", "1.", ".5",
                "1.23456", "-", "--1", "1,234,567.1234", "１２３", "12a", "")) {
            assertThat(Cells.amountCell(c)).as("「%s」", c).isEqualTo(AMOUNT.matcher(c).matches());
        }
        String alphabet = "0123456789,,..-a";
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            String c = randomLine(random, alphabet, 1, 14);
            assertThat(Cells.amountCell(c)).as("「%s」", c).isEqualTo(AMOUNT.matcher(c).matches());
        }
    }

    @Test
    void tocEntriesEnds() {
        Pattern expression = Pattern.compile(".*[.…·]{3,}\\d*$");
        for (String l : List.of("表1 收支总表......3", "表1 收支总表……12", "表1·····", "表1 收支总表..3", "表1 收支总表...3a", "...", "12", "", "表1…·.")) {
            assertThat(Cells.tocDots(l)).as("「%s」", l).isEqualTo(expression.matcher(l).matches());
        }
    }

    @Test
    void wordsBetweenSpaces() {
        Pattern spaces = Pattern.compile("\\s++");
        String alphabet = "ab合计 \t\u000B\f\r\n1.,";
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            String t = randomLine(random, alphabet, 0, 20).trim();
            if (t.isEmpty()) continue;
            assertThat(Cells.splitSpaces(t)).as("「%s」", t).isEqualTo(List.of(spaces.split(t)));
        }
    }

    /** A mark line is short and holds 表: what markNumber looks at before its expression. */
    @Test
    void everyMarkLineIsShortAndHoldsItsMark() {
        Pattern mark = Pattern.compile("(?:部门)?(?:公开|预算)?表(\\d{1,2}(?:-\\d{1,2})?|[一二三四五六七八九十]{1,3})|(?:部门)?(?:公开|预算)(\\d{1,2})表");
        String alphabet = "部门公开预算表表0123456789--一二十五";
        Random random = new Random(5);
        int marks = 0;
        for (int n = 0; n < 200_000; n++) {
            String s = randomLine(random, alphabet, 1, 12);
            if (!mark.matcher(s).matches()) {
                assertThat(Cells.markNumber(s)).as(s).isNull();
                continue;
            }
            marks++;
            assertThat(s.length()).as(s).isLessThanOrEqualTo(10);
            assertThat(s).contains("表");
        }
        assertThat(marks).isGreaterThan(100);
        assertThat(Cells.markNumber("部门公开表12-1")).isEqualTo("12-1");
        assertThat(Cells.markNumber("预算05表")).isEqualTo("5");
        assertThat(Cells.markNumber("表十二")).isEqualTo("12");
    }

    /** The expression {@link TableReader#trailingAmount} replaced (ShapeReader's TRAILING_AMOUNT until session 14). */
    private static final Pattern TRAILING = Pattern.compile("(?:^|\\s)(-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2})$");

    private static int trailingByExpression(String line) {
        Matcher m = TRAILING.matcher(line);
        return m.find() ? m.start(1) : -1;
    }

    @Test
    void trailingAmounts() {
        for (String line : List.of("一般公共服务支出 1,234.56", "合计 12.00 3.00", "-1.00", " -1.00", "a-1.00", "--1.00", "1.00", "1,23.00",
                "x 1234,567.00", "x 1,234,567,890,123,456,789.00", "x 1,234,567,890,123,456.00", "x 1234567890123456789.00",
                "x 123456789012345678.00", "x ,123.00", "x 1,234.5", "x 1,234.567", "行政运行\t3.00", "2080104 综合业务管理 12.00", "")) {
            assertThat(Cells.trailingAmount(line)).as("「%s」", line).isEqualTo(trailingByExpression(line));
        }
        assertThat(Cells.trailingAmount("合计 12.00 3.00")).isEqualTo(9);
        String alphabet = "0123456789 \t,,..--a收";
        Random random = new Random(14);
        for (int n = 0; n < 50_000; n++) {
            // the reader asks of trimmed lines and labels: no line end for the expression's $ to stop before
            String line = randomLine(random, alphabet, 0, 24).trim();
            assertThat(Cells.trailingAmount(line)).as("「%s」", line).isEqualTo(trailingByExpression(line));
        }
    }

    /** The expressions {@link TableReader#runTogether} and {@link TableReader#amountToken} replaced. */
    private static final Pattern RUN_TOGETHER = Pattern.compile("\\S (?:-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2})(?: |$)");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("(?<![\\d,])-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2}");

    @Test
    void runTogetherAndAmountTokens() {
        for (String line : List.of("一般公共服务支出 1,234.56", "合计 12.00 3.00", "合计  12.00", "合计 12.001", "合计 -1.00", "合计 --1.00",
                "a 1,23.00 b", "a 1234,567.00", "a 12.00\n", "a 12.00\r\n", "a 12.00\n\n", "\t1.00", " 1.00", "a\t1.00", "行政运行 3.00收")) {
            assertThat(Cells.runTogether(line)).as("「%s」", line).isEqualTo(RUN_TOGETHER.matcher(line).find());
        }
        String alphabet = "0123456789  \t\n\r,,..--a收";
        Random random = new Random(15);
        for (int n = 0; n < 50_000; n++) {
            String line = randomLine(random, alphabet, 0, 24);
            assertThat(Cells.runTogether(line)).as("「%s」", line).isEqualTo(RUN_TOGETHER.matcher(line).find());
            String token = line.strip();
            assertThat(Cells.amountToken(token)).as("「%s」", token).isEqualTo(PLAIN_AMOUNT.matcher(token).matches());
        }
    }

    /** The expressions {@link ShapeReader#stripNumbering} replaced. */
    private static final Pattern CN_NUMBERING = Pattern.compile("^[一二三四五六七八九十百]{1,4}[、.．]\\s*");
    private static final Pattern DIGIT_NUMBERING = Pattern.compile("^\\d{1,3}[、.．]\\s*");

    private static String stripByExpression(String label) {
        String s = label.trim();
        if (!s.isEmpty() && "一二三四五六七八九十百".indexOf(s.charAt(0)) >= 0) s = CN_NUMBERING.matcher(s).replaceFirst("");
        if (!s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9') s = DIGIT_NUMBERING.matcher(s).replaceFirst("");
        return s;
    }

    @Test
    void numberingStripped() {
        for (String label : List.of("一、一般公共服务支出", "十一、 其他收入", "一二三四五、x", "一二三四、x", "12、x", "1234.x", "1.2.x", "一、1.x",
                "（一）x", "一", "一、", "3．\t事业收入", "百.", "其中：x")) {
            assertThat(Cells.stripNumbering(label)).as("「%s」", label).isEqualTo(stripByExpression(label));
        }
        String alphabet = "一二十百0129、.．  \t收x";
        Random random = new Random(16);
        for (int n = 0; n < 50_000; n++) {
            String label = randomLine(random, alphabet, 0, 12);
            assertThat(Cells.stripNumbering(label)).as("「%s」", label).isEqualTo(stripByExpression(label));
        }
    }

    /** A line of {@code min} to {@code min + spread - 1} characters drawn from the alphabet. */
    private static String randomLine(Random random, String alphabet, int min, int spread) {
        StringBuilder b = new StringBuilder();
        int len = min + random.nextInt(spread);
        for (int i = 0; i < len; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }
}
