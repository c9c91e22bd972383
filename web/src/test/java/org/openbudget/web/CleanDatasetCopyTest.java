package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

/** The published dataset file is a clean copy: no comment, note, formula or hyperlink of the uploaded file. */
class CleanDatasetCopyTest extends WebTestBase {
    static final String UNIT = "650100497001";
    @Autowired WorkflowService workflow;
    @Autowired BudgetService budgets;
    @Autowired AgencyRepository agencies;
    @Autowired PublicationRepository publications;

    /** The ledger without where each line was read from. */
    static java.util.List<String> lines(org.openbudget.core.ledger.Budget b) {
        return b.lines().stream().map(l -> l.funcCode() + "|" + l.ecoCode() + "|" + l.nature() + "|" + l.projectCode() + "|" + l.fundSource() + "|" + l.amountFen()).toList();
    }

    @Test
    void aWorkbookIsPublishedAsValuesOnlyAndYamlWithoutItsComments() throws Exception {
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", null, 0));
        if (accounts.find("clean-unit").isEmpty()) accounts.insert(new BudgetUser("clean-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        String yaml = asUnit(forYear(smeDataset(), 2025), SME, UNIT);
        byte[] book = budgets.workbook(budgets.evaluateUnit("x.yaml", yaml).budget());
        // the preparer's private note, a live hyperlink formula and a comment, as a unit might leave them
        byte[] dirty;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet s = wb.getSheetAt(0);
            Row r = s.getRow(0) == null ? s.createRow(0) : s.getRow(0);
            Cell c = r.getCell(0) == null ? r.createCell(0) : r.getCell(0);
            var comment = s.createDrawingPatriarch().createCellComment(wb.getCreationHelper().createClientAnchor());
            comment.setString(wb.getCreationHelper().createRichTextString("内部备注：此数不准确"));
            c.setCellComment(comment);
            Cell f = r.createCell(40);
            f.setCellFormula("HYPERLINK(\"http://intranet.example/secret\",\"内网\")");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            dirty = out.toByteArray();
        }
        assertThat(budgets.evaluateUnit("dirty.xlsx", Document.Source.workbook(dirty)).readable()).isTrue();

        var clean = budgets.cleanCopy("dataset.xlsx", Document.Source.workbook(dirty));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(clean.content()))) {
            for (Sheet s : wb) {
                assertThat(s.getCellComments()).as(s.getSheetName()).isEmpty();
                for (Row r : s) for (Cell c : r) assertThat(c.getCellType()).as(s.getSheetName() + "!" + c.getAddress()).isNotEqualTo(CellType.FORMULA);
                assertThat(s.getHyperlinkList()).isEmpty();
            }
        }
        String text = new String(clean.content(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("intranet.example");
        assertThat(lines(budgets.evaluateUnit("clean.xlsx", Document.Source.workbook(clean.content())).budget()))
                .as("the same budget").isEqualTo(lines(budgets.evaluateUnit("dirty.xlsx", Document.Source.workbook(dirty)).budget()));

        String commented = yaml + "\n# 内部备注：项目经费待定\n";
        var cleanYaml = new String(budgets.cleanCopy("dataset.yaml", Document.Source.yaml(commented)).content(), StandardCharsets.UTF_8);
        assertThat(cleanYaml).doesNotContain("内部备注").doesNotContain("#");
        assertThat(lines(budgets.evaluateUnit("a.yaml", cleanYaml).budget())).isEqualTo(lines(budgets.evaluateUnit("b.yaml", commented).budget()));

        // through the workflow: saved with the note, published without it
        var d = workflow.saveDataset(as("clean-unit"), UNIT, 2025, "dirty.xlsx", Document.Source.workbook(dirty), null);
        d = workflow.submit(as("clean-unit"), UNIT, 2025, d.rowVersion(), "说明");
        d = workflow.approve(as("reviewer"), UNIT, 2025, d.rowVersion(), "同意");
        var p = workflow.publish(as("reviewer"), UNIT, 2025, d.rowVersion());
        byte[] published = publications.file(p.id(), "dataset").orElseThrow().content();
        assertThat(new String(published, StandardCharsets.ISO_8859_1)).doesNotContain("intranet.example");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(published))) {
            for (Sheet s : wb) assertThat(s.getCellComments()).isEmpty();
        }
    }
}
