package org.openbudget.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Dependency and plugin versions are written once, in the parent pom (its properties, its dependency
 * management and the BOMs it imports): a module's pom names no version but its parent's, so no two
 * modules drift apart (PDFBox 3.0.5 against 3.0.6 in two modules, as happened). The parent's enforcer
 * rule holds every module to its PDFBox and POI, transitive ones included.
 */
class BuildRulesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern VERSION = Pattern.compile("<version>([^<]*)</version>");

    @Test
    void modulesNameNoVersionButTheirParents() throws IOException {
        List<String> literal = new ArrayList<>();
        int modules = 0;
        try (var dirs = Files.list(ROOT)) {
            for (Path dir : dirs.sorted().toList()) {
                Path pom = dir.resolve("pom.xml");
                if (!Files.isRegularFile(pom) || dir.normalize().equals(ROOT.normalize())) continue;
                modules++;
                String text = Files.readString(pom, StandardCharsets.UTF_8);
                String body = text.replaceFirst("(?s)<parent>.*?</parent>", "");
                Matcher m = VERSION.matcher(body.replaceFirst("<\\?xml[^>]*\\?>", ""));
                while (m.find()) literal.add(dir.getFileName() + "/pom.xml: " + m.group(1));
            }
        }
        assertThat(modules).isGreaterThanOrEqualTo(6);
        assertThat(literal).as("versions in module poms").isEmpty();
    }

    @Test
    void theParentDeclaresEachVersionPropertyOnce() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<([a-z0-9.-]+\\.version)>").matcher(parent);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            assertThat(seen).as("property declared twice").doesNotContain(m.group(1));
            seen.add(m.group(1));
        }
        assertThat(seen).contains("pdfbox.version", "poi.version", "spring-boot.version");
        assertThat(parent).contains("<include>org.apache.pdfbox:*:${pdfbox.version}</include>", "<include>org.apache.poi:*:${poi.version}</include>");
    }
}
