package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.DocumentView;

/**
 * Issue 10: the 绩效目标表's labels are the profile's data ({@code text.performance_labels}), not Java. A profile that titles
 * the tables and names the unit in other words prints them in those words, and its own PDF is read back by them — the
 * same tables, the same projects — while the shipped profile's words find none of them.
 */
class PerformanceLabelsAsDataTest {
    static final String EXAMPLE = "urumqi-industry-it-bureau-2024";

    @Test
    void aProfileWithOtherLabelsPrintsAndReadsItsTablesByThem(@TempDir Path dir) throws Exception {
        String yaml = ReferenceLibrary.builtIn("profiles/xinjiang-2024.yaml").orElseThrow();
        String project = "    project_title: 项目支出绩效目标表\n", overall = "    overall_titles: [\"{kind}整体绩效目标表\", \"{kind}整体预算绩效目标表\"]",
                unit = "    unit: 预算单位\n";
        assertThat(yaml).contains(project, overall, unit);
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/xinjiang-2024.yaml"), yaml.replace(project, "    project_title: 项目绩效目标申报表\n")
                .replace(overall, "    overall_titles: [\"{kind}整体支出绩效目标申报表\"]").replace(unit, "    unit: 申报单位\n"), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);
        Workspace w = new Workspace(lib);
        Workspace.Loaded l = w.loaded(w.read(Fixtures.examplesDir().resolve(EXAMPLE)), "xinjiang-2024");
        List<PerformanceTable> tables = l.disclosure().text().performance();
        assertThat(tables).extracting(PerformanceTable::kind).contains("整体", "项目");
        DocumentView v = new DocumentView(l.disclosure(), l.profile());
        String html = new String(Rendered.render(Format.HTML, v), StandardCharsets.UTF_8);
        assertThat(html).contains("部门整体支出绩效目标申报表", "项目绩效目标申报表", ">申报单位<")
                .doesNotContain("项目支出绩效目标表").doesNotContain("部门整体绩效目标表").doesNotContain(">预算单位<");

        // the PDF read back by the profile's words: every table, each project's name and unit as printed
        byte[] pdf = Rendered.render(Format.PDF, v);
        List<PerformanceTable> read = DocumentAudit.run(EXAMPLE + ".pdf", pdf, lib).disclosure().text().performance();
        assertThat(read).extracting(PerformanceTable::kind).containsExactlyElementsOf(tables.stream().map(PerformanceTable::kind).toList());
        assertThat(read).extracting(PerformanceTable::projectName).containsExactlyElementsOf(tables.stream().map(PerformanceTable::projectName).toList());
        assertThat(read).extracting(PerformanceTable::total).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactlyElementsOf(tables.stream().map(PerformanceTable::total).toList());
        // the shipped profile's words find none of these tables
        assertThat(DocumentAudit.run(EXAMPLE + ".pdf", pdf, ReferenceLibrary.standard()).disclosure().text().performance()).isEmpty();
    }
}
