package org.openbudget.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.measure.Statement;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.web.pages.UserText;

/**
 * Issue 10: the words by which the text part's forms ask for a template's quantities and sections are data — 人员情况's
 * fields the dictionary's {@code overview} statements, 政府采购 / 国有资产 / 绩效评价 theirs, the 整体绩效目标表's title and
 * rows the profile's {@code performance_labels}, 人员情况's heading the profile's {@code p1.structure_heading}. Words
 * changed in a --refdata directory (no Java) are the page's labels and the problems' words.
 */
class FormWordsFromDataTest {
    @Test
    void theFormsAskInTheWordsOfTheDictionaryAndTheProfile(@TempDir Path dir) throws Exception {
        String measures = ReferenceLibrary.builtIn("measures.yaml").orElseThrow();
        String active = "field: personnel.active, label: 在职人数}";
        String goods = "field: goods, label: 货物}";
        assertThat(measures).contains(active).contains(goods);
        Files.writeString(dir.resolve("measures.yaml"), measures.replace(active, "field: personnel.active, label: 在职在编人数}")
                .replace(goods, "field: goods, label: 货物类采购}"), StandardCharsets.UTF_8);
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        String contact = "contact: \"{kind}联系人\"";
        String heading = "p1.structure_heading: \"二、机构设置及人员情况\"";
        assertThat(yaml).contains(contact).contains(heading);
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/xinjiang-2024.yaml"), yaml.replace(contact, "contact: \"{kind}绩效联系人\"")
                .replace(heading, "p1.structure_heading: \"二、机构与人员\""), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile profile = lib.profile("xinjiang-2024");

        FormOptions own = new FormOptions(lib.year(2024), null, null, profile);
        assertThat(own.label(Statement.OVERVIEW, "personnel.active")).isEqualTo("在职在编人数");
        assertThat(own.label("procurement", "goods")).isEqualTo("货物类采购");
        assertThat(own.label("assets", "vehicles.official.count")).isEqualTo("一般公务用车（辆）");
        assertThat(own.performance().contact("单位")).isEqualTo("单位绩效联系人");
        assertThat(own.staffingHeading()).isEqualTo("机构与人员");
        FormOptions shipped = new FormOptions(ReferenceLibrary.standard().year(2024), null, null, ReferenceLibrary.standard().profile("xinjiang-2024"));
        assertThat(shipped.label(Statement.OVERVIEW, "personnel.active")).isEqualTo("在职人数");
        assertThat(shipped.staffingHeading()).isEqualTo("机构设置及人员情况");
        assertThat(shipped.performance().overallTitle("部门")).isEqualTo("部门整体绩效目标表");

        // a problem's field in the dictionary's words
        assertThat(new UserText(lib).field("overview.personnel.active")).isEqualTo("第一部分 › 在职在编人数");
        assertThat(new UserText(lib).field("procurement.goods")).isEqualTo("政府采购 › 货物类采购");
        assertThat(new UserText(ReferenceLibrary.standard()).field("overview.personnel.retired_change")).isEqualTo("第一部分 › 退休人数增减");
        assertThat(new UserText(ReferenceLibrary.standard()).field("assets.vehicles.official.count")).isEqualTo("国有资产 › 一般公务用车（辆）");

        // the page asks for every such field by those words: each label of 人员情况, 政府采购, 国有资产 and 绩效评价 is the
        // dictionary's (opts.label), the 整体绩效目标表's the profile's (opts.performance())
        String page = Files.readString(Path.of("src/main/resources/templates/work/forms.html"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<label for=\"[^\"]+\"( th:text=\"[^\"]*\")?>[^<]*</label><(?:input|textarea)[^>]* name=\"(personnel|procurement|assets|evaluation|overall)\\.(\\w+)\"").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
            String expr = m.group(1) == null ? "" : m.group(1);
            if (m.group(2).equals("overall")) {
                if (!m.group(3).equals("phone")) assertThat(expr).as(m.group(0)).contains("opts.performance()");
            } else {
                assertThat(expr).as(m.group(0)).contains("opts.label(");
            }
        }
        assertThat(n).isEqualTo(7 + 5 + 15 + 10 + 3);
        assertThat(page).contains("opts.staffingHeading()").contains("opts.performance().overallTitle(");
    }
}
