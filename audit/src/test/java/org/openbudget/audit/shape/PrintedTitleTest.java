package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A table found by one of its template's other titles (上海: a 单位 document prints 2026年预算单位收入预算总表, a 部门
 * document 2026年部门收入预算总表 — the profile's {@code aliases:}) is read under the title the document prints: the
 * findings and notes name the table a reader sees.
 */
class PrintedTitleTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> income(String title, String label) {
        return List.of(
                "                             " + title,
                label + "上海市普陀区司法局                                                                      单位：元",
                "",
                "                   项目                                          收入预算",
                "                       功能分类科目名称      合计          财政拨款收入        事业收入                其他收入",
                "类     款    项",
                "204             公共安全支出               87267272.44    87267272.44          0.00      0.00",
                "                     合计              96282213.44    96282213.44          0.00      0.00");
    }

    private static List<String> titles(List<String> lines, AgencyKind kind) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("shanghai-2026"), LIB.year(2026), "上海市普陀区司法局", kind, 2026);
        return r.tables().stream().map(DisclosureTable::title).toList();
    }

    @Test
    void aTableFoundByAnotherTitleIsReadUnderTheTitleItIsPrintedUnder() {
        assertThat(titles(income("2026年部门收入预算总表", "编制部门："), AgencyKind.DEPARTMENT)).containsExactly("2026年部门收入预算总表");
        assertThat(titles(income("2026年预算单位收入预算总表", "编制单位："), AgencyKind.UNIT)).containsExactly("2026年预算单位收入预算总表");
    }

    @Test
    void theTablesOfPutuosDepartmentDocumentAreNamedAsItPrintsThem() {
        Path pdf = Path.of("../../shared/realdocs/shanghai-putuo/2026年普陀区司法局部门预算.pdf");
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        DocumentAudit.Result a = DocumentAudit.run(pdf, LIB);
        assertThat(a.disclosure().tables()).hasSize(9);
        assertThat(a.disclosure().tables()).extracting(DisclosureTable::title).allMatch(t -> t.startsWith("2026年部门"));
        assertThat(a.findings()).noneMatch(f -> f.message().contains("预算单位"));
    }
}
