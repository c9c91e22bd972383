package org.openbudget.io.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.io.InputException;

/** refdata/templates.yaml: the families taken when nothing chooses a profile — data an installation overrides, not Java. */
class TemplateFamiliesTest {
    @Test
    void theBuiltInDefaultsAreTheFamiliesOfTheFile() {
        ReferenceLibrary lib = new ReferenceLibrary(null);
        assertThat(lib.families().defaultFamily("预算")).isEqualTo("xinjiang");
        assertThat(lib.defaultProfile("预算", 2024)).isEqualTo("xinjiang-2024");
        // a year without its own profile takes the family's latest earlier one
        assertThat(lib.defaultProfile("预算", 2027)).isEqualTo("xinjiang-2025");
        assertThat(lib.defaultProfile("决算", 2024)).isEqualTo("national-final-2016");
        assertThat(lib.families().unrecognisedFamily("预算")).isEqualTo("national");
    }

    @Test
    void anInstallationMakesItsOwnTemplateTheDefaultWithoutJava(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("templates.yaml"), """
                default:
                  预算: shenzhen
                  决算: shanghai-final
                unrecognised:
                  预算: guangzhou
                  决算: national-final
                """, StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        assertThat(lib.defaultProfile("预算", 2026)).isEqualTo("shenzhen-2026");
        assertThat(lib.defaultProfile("预算", 2030)).isEqualTo("shenzhen-2026");
        assertThat(lib.defaultProfile("决算", 2025)).isEqualTo("shanghai-final-2024");
        assertThat(lib.families().unrecognisedFamily("预算")).isEqualTo("guangzhou");
        // a family without any profile: its name of the year, which loading then reports as missing
        Files.writeString(dir.resolve("templates.yaml"), "default: {预算: hami, 决算: national-final}\nunrecognised: {预算: national, 决算: national-final}\n");
        assertThat(new ReferenceLibrary(dir).defaultProfile("预算", 2026)).isEqualTo("hami-2026");
    }

    @Test
    void aBadFileIsRefusedAtItsLine() {
        assertThatThrownBy(() -> TemplateFamilies.read("templates.yaml", "default:\n  预算: xinjiang-2024\n  决算: national-final\nunrecognised: {预算: national, 决算: national-final}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("templates.yaml:2").hasMessageContaining("不含年度");
        assertThatThrownBy(() -> TemplateFamilies.read("templates.yaml", "default:\n  预算: xinjiang\nunrecognised: {预算: national, 决算: national-final}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("缺少 决算");
        assertThatThrownBy(() -> TemplateFamilies.read("templates.yaml", "default:\n  预算: xinjiang\n  决算: national-final\n  概算: x\nunrecognised: {预算: national, 决算: national-final}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("templates.yaml:4").hasMessageContaining("未知的报表类型 概算");
        assertThatThrownBy(() -> TemplateFamilies.read("templates.yaml", "default:\n  预算: xinjiang\n  决算: national-final\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("unrecognised");
    }
}
