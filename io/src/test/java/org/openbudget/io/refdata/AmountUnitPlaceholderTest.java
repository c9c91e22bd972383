package org.openbudget.io.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.profile.TextTemplate;

/**
 * Issue 10 item 4: the text's amount unit is declared once (text.amount_unit); the sentence patterns print it by the
 * placeholder {amount_unit}, so a profile whose text writes 元 needs no sentence rewritten.
 */
class AmountUnitPlaceholderTest {

    @Test
    void theSentencesPrintTheProfilesAmountUnit(@TempDir Path dir) throws Exception {
        String yaml = ReferenceLibrary.builtIn("profiles/xinjiang-2024.yaml").orElseThrow();
        String declared = "  amount_unit: 万元                 # the text's amounts";
        assertThat(yaml).contains(declared).contains("收支总预算{total}{amount_unit}。");
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/yuan-2024.yaml"),
                yaml.replace("id: xinjiang-2024", "id: yuan-2024").replace(declared, "  amount_unit: 元   # the text's amounts"), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);

        TextTemplate wan = lib.profile("xinjiang-2024").text();
        TextTemplate yuan = lib.profile("yuan-2024").text();
        assertThat(wan.amountUnit()).isEqualTo("万元");
        assertThat(yuan.amountUnit()).isEqualTo("元");
        assertThat(wan.sentence("s1.total")).endsWith("收支总预算{total}万元。");
        assertThat(yuan.sentence("s1.total")).endsWith("收支总预算{total}元。");
        // every pattern and override: no placeholder left, no 万元 after an amount under the 元 profile
        for (TextTemplate t : new TextTemplate[] {wan, yuan}) {
            assertThat(t.sentences().values()).noneMatch(s -> s.contains(TextTemplate.AMOUNT_UNIT));
            t.overrides().values().forEach(o -> assertThat(o.values()).noneMatch(s -> s.contains(TextTemplate.AMOUNT_UNIT)));
        }
        assertThat(yuan.sentences().values()).noneMatch(s -> s.contains("}万元"));
        assertThat(yuan.overrides().get("部门").get("s10.total")).contains("因公出国（境）费{abroad}元");
        // a threshold in the words stays as written (单位价值50万元以上大型设备)
        assertThat(yuan.sentence("s12.equipment")).isEqualTo(wan.sentence("s12.equipment")).contains("50万元以上");
    }
}
