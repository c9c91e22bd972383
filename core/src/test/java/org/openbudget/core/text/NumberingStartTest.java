package org.openbudget.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** {@link Numbering.Start}'s test of a line's first mark never turns away a line its pattern would find. */
class NumberingStartTest {

    private static final List<String> STYLES = List.of("{cn}、", "（{cn}）", "{n}.", "({n})", "第{cn}节", Numbering.PART, "{n}、", " {cn} 、", "");

    private static String found(Matcher m) {
        return m == null ? null : m.start() + ":" + m.end() + ":" + (m.groupCount() > 0 ? m.group(1) : "");
    }

    private static String byPattern(String style, String line) {
        Matcher m = Numbering.start(style).matcher(line);
        return m.find() ? found(m) : null;
    }

    @Test
    void sameAsThePatternOnPrintedLines() {
        for (String style : STYLES) {
            Numbering.Start start = Numbering.starting(style);
            for (String line : List.of("一、基本情况", "  二、 收支", "(一)一般公共预算", "（一）x", "1.项目", " 12. 项目", "2022.5", "第三部分 说明",
                    "第三节", "\t第十二部分", "收入", "", " ", "(三)", "十一、其他")) {
                String h = Numbering.half(line);
                assertThat(found(start.find(h))).as("%s「%s」", style, h).isEqualTo(byPattern(style, h));
            }
        }
        assertThat(Numbering.starting("{cn}、").at("三、部门预算")).isTrue();
        assertThat(Numbering.starting("{cn}、").at("部门预算")).isFalse();
    }

    @Test
    void sameAsThePatternOnRandomLines() {
        String alphabet = "一二三十第部分节、.()（）0129 \t\n收x";
        Random random = new Random(14);
        for (String style : STYLES) {
            Numbering.Start start = Numbering.starting(style);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder b = new StringBuilder();
                int len = random.nextInt(10);
                for (int i = 0; i < len; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                String h = Numbering.half(b.toString());
                assertThat(found(start.find(h))).as("%s「%s」", style, h).isEqualTo(byPattern(style, h));
            }
        }
    }
}
