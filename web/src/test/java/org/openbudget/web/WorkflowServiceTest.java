package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.openbudget.io.InputProblem;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.core.check.Severity;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.UploadReader;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The workflow service and the repositories on the embedded PostgreSQL (the sci-tech center's 2025 budget). */
class WorkflowServiceTest extends WebTestBase {
    @Autowired WorkflowService workflow;
    @Autowired DocumentRepository documents;
    @Autowired JdbcClient db;
    @Autowired AdminService admin;

    @Autowired AgencyRepository agencies;
    @Autowired PasswordEncoder encoder;

    /** Each test works on a unit of its own (a copy of the sci-tech center's ledger under another code), in 2025. */
    String unit;
    String preparer;

    @BeforeEach
    void newUnit(TestInfo info) {
        unit = "6501009" + String.format("%05d", Math.abs(info.getDisplayName().hashCode()) % 100000);
        preparer = "p" + unit;
        agencies.upsert(new Agency(unit, ownName(unit), "单位", "事业", "650100", null, 9));
        if (accounts.find(preparer).isEmpty()) accounts.insert(new BudgetUser(preparer, encoder.encode("x"), Role.PREPARER, unit, null, "测试", true));
    }

    String scitech2025() {
        return asUnit(forYear(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), 2025), SCITECH, unit);
    }

    @Test
    void anUnreadableDatasetIsRefusedWholeWithEveryProblemLocated() {
        String bad = scitech2025().replaceFirst("amount: \"(\\d+)\"", "amount: \"12.345\"").replaceFirst("fund_source: GPB", "fund_source: NOPE");
        int amountLine = lineOf(bad, "12.345");
        int sourceLine = lineOf(bad, "NOPE");
        assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "book.yaml", bad, null))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> {
                    List<InputProblem> p = e.problems();
                    assertThat(p).anySatisfy(x -> { assertThat(x.line()).isEqualTo(amountLine); assertThat(x.field()).endsWith("amount"); assertThat(x.file()).isEqualTo("book.yaml"); });
                    assertThat(p).anySatisfy(x -> { assertThat(x.line()).isEqualTo(sourceLine); assertThat(x.field()).endsWith("fund_source"); });
                });
        assertThat(documents.find(unit, 2025)).as("nothing saved").isEmpty();
    }

    @Test
    void aDatasetOfAnotherUnitOrYearIsRefusedAtItsLine() {
        String sme = forYear(smeDataset(), 2025);
        assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "x.yaml", sme, null))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(sme, "agency_code:"));
                    assertThat(p.message()).contains(unit);
                }));
        String y2024 = asUnit(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), SCITECH, unit);
        assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "x.yaml", y2024, null))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("budget_year"));
    }

    @Test
    void twoEditorsOfOneVersionCannotBothWin() {
        Document first = workflow.saveDataset(as(preparer), unit, 2025, "a.yaml", scitech2025(), null);
        int read = first.rowVersion();
        Document second = workflow.saveDataset(as(preparer), unit, 2025, "b.yaml", scitech2025() + "\n# edit one\n", read);
        assertThat(second.rowVersion()).isEqualTo(read + 1);
        assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "c.yaml", scitech2025() + "\n# edit two\n", read))
                .isInstanceOf(ConflictException.class).hasMessageContaining("保存冲突").hasMessageContaining(preparer);
        assertThat(documents.find(unit, 2025).orElseThrow().datasetYaml()).as("the first write survives").contains("# edit one");
    }

    @Test
    void anExcelWorkbookIsReadAndKeptAsUploaded() throws Exception {
        Document fromYaml = workflow.saveDataset(as(preparer), unit, 2025, "a.yaml", scitech2025(), null);
        var yamlTables = workflow.evaluate(fromYaml).disclosure().tables();
        byte[] book = workflow.workbook(as(preparer), unit, 2025);
        assertThat(new String(book, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        Document fromBook = workflow.saveDataset(as(preparer), unit, 2025, "book.xlsx", new UploadReader().read("book.xlsx", book), fromYaml.rowVersion());
        assertThat(fromBook.source().isWorkbook()).isTrue();
        assertThat(fromBook.datasetXlsx()).isEqualTo(book);
        assertThat(workflow.evaluate(fromBook).disclosure().tables()).as("the same eleven tables").isEqualTo(yamlTables);
        assertThat(workflow.workbook(as(preparer), unit, 2025)).as("the uploaded workbook itself").isEqualTo(book);
        byte[] blank = workflow.blankWorkbook(as(preparer), unit, 2025);
        assertThat(blank.length).isGreaterThan(1000);
        assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "junk.xlsx", new UploadReader().read("junk.xlsx", "PK not a workbook".getBytes()), fromBook.rowVersion()))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems().get(0).file()).isEqualTo("junk.xlsx"));
        assertThatThrownBy(() -> new UploadReader().read("old.xls", new byte[] {1, 2, 3})).isInstanceOf(InvalidDatasetException.class)
                .satisfies(e -> assertThat(((InvalidDatasetException) e).problems().get(0).message()).contains(".xlsx"));
        assertThat(documents.find(unit, 2025).orElseThrow().datasetXlsx()).as("a refused upload changes nothing").isEqualTo(book);
    }

    @Test
    void othersCannotWriteAUnitsBudget() {
        for (String who : List.of("sme", "scitech", "industry", "reviewer", "admin", "karamay")) {
            BudgetUser u = as(who);
            assertThatThrownBy(() -> workflow.saveDataset(u, unit, 2025, "x.yaml", scitech2025(), null)).as(who).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void anErrorBlocksSubmissionAndAWarningNeedsAComment() {
        // 2060598 is well-formed but not in the (partial) 2025 list: a notice, unless the administrator decides otherwise
        String yaml = scitech2025().replace("2060599", "2060598"); // the lines and the notes that cite the 项
        assertThat(yaml).contains("2060598");
        Document d = workflow.saveDataset(as(preparer), unit, 2025, "u.yaml", yaml, documents.find(unit, 2025).map(Document::rowVersion).orElse(null));
        try {
            admin.setSeverity(as("admin"), "C.func.unknown", Severity.ERROR);
            assertThat(workflow.evaluate(d).errors()).isPositive();
            assertThatThrownBy(() -> workflow.submit(as(preparer), unit, 2025, d.rowVersion(), "说明"))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("错误");
            admin.setSeverity(as("admin"), "C.func.unknown", Severity.WARNING);
            assertThatThrownBy(() -> workflow.submit(as(preparer), unit, 2025, d.rowVersion(), "  "))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("须填写说明");
            Document submitted = workflow.submit(as(preparer), unit, 2025, d.rowVersion(), "2060598 为本年新增科目");
            assertThat(submitted.status()).isEqualTo(Status.SUBMITTED);
            assertThat(submitted.submitComment()).isEqualTo("2060598 为本年新增科目");
            assertThatThrownBy(() -> workflow.saveDataset(as(preparer), unit, 2025, "v.yaml", yaml, submitted.rowVersion()))
                    .as("a submitted budget is not edited").isInstanceOf(RuleViolation.class);
            Document back = workflow.returnDocument(as("reviewer"), unit, 2025, submitted.rowVersion(), "请核实科目");
            assertThat(back.status()).isEqualTo(Status.RETURNED);
            assertThat(back.reviewComment()).isEqualTo("请核实科目");
        } finally {
            admin.resetSeverity(as("admin"), "C.func.unknown");
        }
        assertThat(workflow.evaluate(documents.find(unit, 2025).orElseThrow()).errors()).as("back to a notice").isZero();
    }

    @Test
    void publishedVersionsAreFrozenByTheDatabase() {
        long id = db.sql("select min(id) from publication").query(Long.class).single();
        assertThatThrownBy(() -> db.sql("update publication set agency_name = 'x' where id = ?").param(id).update())
                .hasMessageContaining("已发布版本不可修改");
        assertThatThrownBy(() -> db.sql("update publication_file set content = '\\x00'::bytea where publication_id = ?").param(id).update())
                .hasMessageContaining("已发布文件不可修改");
        assertThatThrownBy(() -> db.sql("delete from publication_file where publication_id = ?").param(id).update())
                .hasMessageContaining("不可删除");
    }

    @Test
    void demoDataIsThreePublishedExamplesWithCurrentConsolidation() {
        assertThat(db.sql("select count(*) from publication where superseded_by is null and budget_year = 2024").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        var v = workflow.view(as("industry"), BUREAU, 2024);
        assertThat(v.units()).extracting(s -> s.unit().code()).containsExactly(BENJI, ENERGY, SME, PROJECTS);
        assertThat(v.evaluation().readable()).isTrue();
        assertThat(v.evaluation().disclosure().unitName()).isEqualTo("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）");
        assertThat(v.evaluation().disclosure().tables()).hasSize(11);
        assertThat(v.evaluation().disclosure().text().sections()).as("the department's own text part is kept through consolidation").hasSizeGreaterThanOrEqualTo(12);
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }
}
