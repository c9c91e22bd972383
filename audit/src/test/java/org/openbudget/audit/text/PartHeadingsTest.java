package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.PerformanceLabels;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.profile.TextTemplate.Parts;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Issue 10 item 2–3: a document's parts are found by the generic grammar of their numbers (第{cn}部分: 第六部分 …
 * 第十一部分 as well as 第一–五部分) and by the profile's own part headings (text.parts), not by a list of numerals in Java.
 */
class PartHeadingsTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** A template whose parts are headed in its own words ("第一篇 …"), nothing else of it set. */
    static TextTemplate ownHeadings() {
        return new TextTemplate(Map.of(), Map.of(), TextOutline.NONE, "{value}%", "{n}、", "（{cn}）", "{n}.", List.of("增加", "增长"),
                "{y}年{m}月{d}日", List.of(), Map.of(), TextTemplate.CHANGE_WORDS, TextTemplate.RATE_WORDS, LIB.profile("national-final-2016").text().performanceLabels(),
                null, null, null, new Parts("第一篇 {unit}{year}年度{kind}决算概况", "第二篇 {unit}{year}年度{kind}决算报表",
                        "第三篇 {unit}{year}年度{kind}决算说明", "第四篇 名词解释"));
    }

    private static List<String> values(DocumentText text, String key) {
        return text.facts().stream().filter(f -> f.key().equals(key)).map(f -> f.items().get(0)).toList();
    }

    @Test
    void aFinalAccountsPartHeadingBeyondTheFifthNamesItsUnitAndYear() {
        TemplateProfile p = LIB.profile("national-final-2016");
        List<String> lines = List.of("目录", "第六部分 上海市某某局 2023年度部门决算表", "第十一部分上海市某某局2024年度部门决算情况说明",
                "第三部分上海市某某局2024年度部门决算情况说明");
        DocumentText t = FinalTextReader.read(lines, p.text());
        assertThat(values(t, "heading.year.1")).containsExactly("2023");
        assertThat(values(t, "heading.unit.1")).containsExactly("上海市某某局");
        assertThat(values(t, "heading.year.2")).containsExactly("2024");
        assertThat(values(t, "heading.year.3")).containsExactly("2024");
        assertThat(t.facts().stream().map(TextFact::key)).doesNotContain("heading.year.4");
        // the national template's own headings do not name 第一篇: the same line under them names nothing
        assertThat(FinalTextReader.read(List.of("第二篇上海市某某局2024年度部门决算报表"), p.text()).facts()).isEmpty();
    }

    @Test
    void aProfilesOwnPartHeadingsAreReadAsItWritesThem() {
        TextTemplate own = ownHeadings();
        DocumentText t = FinalTextReader.read(List.of("第二篇 上海市某某局2024年度部门决算报表", "第三篇上海市某某局2024年部门决算说明"), own);
        assertThat(values(t, "heading.unit.1")).containsExactly("上海市某某局");
        assertThat(values(t, "heading.year.2")).containsExactly("2024");
        // the part's start, by the generic numbering or by the profile's marks
        List<String> marks = own.parts().marks();
        assertThat(marks).containsExactly("第一篇", "第二篇", "第三篇", "第四篇名词解释");
        assertThat(Parts.starts("第三篇上海市某某局2024年度部门决算说明", marks)).isTrue();
        assertThat(Parts.starts("第十二部分其他", List.of())).isTrue();
        assertThat(Parts.starts("第七部分 其他", List.of())).isTrue();
        assertThat(Parts.starts("部分第三", marks)).isFalse();
        assertThat(Parts.starts("第三篇", Parts.BUDGET.marks())).isFalse();
    }

    @Test
    void theUnitsNameIsFoundInAPartHeadingOfAnyNumberOrTheProfilesOwn() {
        TemplateProfile p = LIB.profile("national-final-2016");
        assertThat(ShapedDocument.unitName(List.of("目录", "第八部分上海市某某局2024年度部门决算表"), p)).isEqualTo("上海市某某局");
        // a heading the template writes in its own words: found by the profile's headings (text.parts)
        assertThat(ShapedDocument.unitName(List.of("目录", "第二篇上海市某某局2024年度部门决算报表"), p)).isNull();
        TemplateProfile own = new TemplateProfile(p.id(), p.name(), p.year(), p.totalFirst(), p.thousands(), p.totalLabel(),
                p.incomeTotalLabel(), p.expenseTotalLabel(), p.tables(), ownHeadings(), p.rules(), p.meta());
        assertThat(ShapedDocument.unitName(List.of("目录", "第二篇上海市某某局2024年度部门决算报表"), own)).isEqualTo("上海市某某局");
    }
}
