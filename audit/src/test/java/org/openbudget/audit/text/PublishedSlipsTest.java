package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.check.TextChecks;
import org.openbudget.core.disclosure.Disclosure;

/**
 * The whole catalogue on the three published documents read back, text included: the text checks
 * report exactly their REAL slips (listed in examples/NAME/README.md, "Text checks"), nothing else.
 */
class PublishedSlipsTest {
    static List<Finding> findings(String name) throws IOException {
        Disclosure d = PublishedTextReaderTest.read(name).disclosure();
        return CheckCatalogue.run(d, PublishedTextReaderTest.LIB.profile(d.profileId()), PublishedTextReaderTest.LIB.year(d.year()));
    }

    /** id · severity · where · what is printed: one line per finding of a text check that is not a notice. */
    static List<String> slips(List<Finding> findings) {
        return findings.stream().filter(f -> TextChecks.ids().contains(f.id()) && f.severity() != Severity.NOTICE)
                .map(f -> f.id() + " " + f.severity().json() + " " + f.location() + " " + f.found()).sorted().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "urumqi-sme-center-2024|text.running-term warning 第三部分十二 [名称] 机关运行经费",
            "urumqi-sci-tech-info-center-2024|text.running-term warning 第三部分十二 [名称] 机关运行经费"
                    + ";text.project-name warning 表11 2060599 乌鲁木齐地区科技统计与文献服务工作经历费 [项目名称] 乌鲁木齐地区科技统计与文献服务工作经费"
                    + ";text.project-name warning 表7 第三部分七 2060599 乌鲁木齐地区科技统计与文献服务工作经历费 [项目名称] 乌鲁木齐地区科技统计与文献服务工作经费"
                    + ";text.project-name warning 第三部分十二 2060599 乌鲁木齐地区科技统计与文献服务工作经历费 [项目名称] 乌鲁木齐地区科技统计与文献服务工作经费"
                    + ";text.unit-name warning 第三部分十二 “小微企业创业创新综合管理信息服务大平台”机房运行维护费 [预算单位] 乌鲁木齐科技信息中心"
                    + ";text.unit-name warning 第三部分十二 乌鲁木齐地区科技统计与文献服务工作经费 [预算单位] 乌鲁木齐科技信息中心",
            "urumqi-industry-it-bureau-2024|text.project-name warning 表7 第三部分七 2150502 PPP项目咨询服务费 [项目名称] ppp项目咨询服务费"
                    + ";text.project-name warning 第三部分十二 2150502 PPP项目咨询服务费 [项目名称] ppp 项目咨询服务费"
                    + ";text.project-name warning 第三部分十二 2150502 原机电老干所运行维护费 [项目名称] 原机电所运行维护费"
                    + ";text.project-name warning 第三部分十二 2150805 乌财企〔2023〕95号-关于提前下达2024年自治区中小企业发展专项资金预算的通知 [项目名称] 提前下达 2024 年自治区中小企业发展专项资金"
                    + ";text.project-name warning 第三部分十二 2150805 乌财企【2023】99号-关于提前下达中央财政2024年中小企业发展专项资金预算（专精特新方向）的通知 [项目名称] 提前下达中央财政 2024 年中小企业发展专项资金（专精特新方向）"})
    void onlyTheRealSlipsAreReported(String name, String expected) throws IOException {
        List<Finding> all = findings(name);
        assertThat(slips(all)).containsExactlyElementsOf(List.of(expected.split(";")).stream().sorted().toList());
        assertThat(all).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @org.junit.jupiter.api.Test
    void theBureausComparativesDifferByARoundingCent() throws IOException {
        List<Finding> changes = findings("urumqi-industry-it-bureau-2024").stream().filter(f -> f.id().equals("text.gpb-changes")).toList();
        assertThat(changes).hasSize(2).allMatch(f -> f.severity() == Severity.NOTICE);
        assertThat(changes).extracting(Finding::expected).containsExactlyInAnyOrder("-1640.83", "-1640.84");
    }
}
