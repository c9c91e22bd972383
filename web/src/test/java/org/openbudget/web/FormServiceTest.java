package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.forms.FormRows.IndicatorRow;
import org.openbudget.web.forms.FormRows.KeyedRow;
import org.openbudget.web.forms.LastYearForm;
import org.openbudget.web.forms.LinesForm;
import org.openbudget.web.forms.ProjectsForm;
import org.openbudget.web.forms.TextForm;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.FormInvalidException;
import org.openbudget.web.service.FormService;
import org.openbudget.web.service.FormService.Section;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.UploadReader;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Editing through the forms, on the embedded PostgreSQL: each test has a unit of its own (a copy of
 * the sci-tech center's 2024 ledger, in 2025) under a department of its own.
 */
class FormServiceTest extends WebTestBase {
    @Autowired FormService forms;
    @Autowired WorkflowService workflow;
    @Autowired DocumentRepository documents;
    @Autowired AgencyRepository agencies;
    @Autowired PasswordEncoder encoder;

    String unit;
    String dept;
    String preparer;
    String deptUser;

    @BeforeEach
    void newUnit(TestInfo info) {
        String n = String.format("%04d", Math.abs(info.getDisplayName().hashCode()) % 10000);
        dept = "65010088" + n;
        unit = dept + "001";
        preparer = "fp" + unit;
        deptUser = "fd" + dept;
        agencies.upsert(new Agency(dept, "测试部门" + dept, "部门", "行政", "650100", null, 9));
        agencies.upsert(new Agency(unit, ownName(unit), "单位", "事业", "650100", dept, 1));
        if (accounts.find(preparer).isEmpty()) accounts.insert(new BudgetUser(preparer, encoder.encode("x"), Role.PREPARER, unit, null, "测试", true));
        if (accounts.find(deptUser).isEmpty()) accounts.insert(new BudgetUser(deptUser, encoder.encode("x"), Role.DEPARTMENT, dept, null, "测试部门", true));
    }

    String scitech2025() {
        return asUnit(forYear(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), 2025), SCITECH, unit);
    }

    Document saved() {
        return workflow.saveDataset(as(preparer), unit, 2025, "u.yaml", scitech2025(), null);
    }

    LinesForm lines() {
        return (LinesForm) forms.form(as(preparer), unit, 2025, Section.LINES);
    }

    @Test
    void aLineFixedInTheFormIsSavedAndTheRestOfTheFileIsKept() {
        Document before = saved();
        LinesForm f = lines();
        assertThat(f.lines).hasSize(scitech2025().split("exp_func_code").length - 1);
        String old = f.lines.get(0).amount;
        f.lines.get(0).amount = "1,234.56";
        Document after = forms.save(as(preparer), unit, 2025, Section.LINES, f, before.rowVersion());
        assertThat(after.rowVersion()).isEqualTo(before.rowVersion() + 1);
        assertThat(after.status()).isEqualTo(Status.DRAFT);
        assertThat(workflow.evaluate(after).budget().lines().get(0).amountFen()).isEqualTo(123456L);
        assertThat(old).isNotEqualTo("1,234.56");
        String text = before.datasetYaml().substring(before.datasetYaml().indexOf("overview:"));
        assertThat(after.datasetYaml()).as("the text part, comments included, as written").contains(text.substring(0, Math.min(2000, text.length())));
    }

    @Test
    void aBadValueIsRefusedAtItsFieldAndNothingIsSaved() {
        Document before = saved();
        LinesForm f = lines();
        f.lines.get(1).amount = "12.345";
        f.lines.get(2).fundSource = "NOPE";
        f.lines.get(3).nature = "项目";   // a 项目 line without its project
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.LINES, f, before.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> {
                    assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactlyInAnyOrder("lines[1].amount", "lines[2].fundSource", "lines[3]");
                    assertThat(e.fieldProblems()).anySatisfy(p -> {
                        assertThat(p.where()).isEqualTo("预算明细第 2 行 金额（元）");
                        assertThat(p.message()).contains("最多两位小数");
                    });
                });
        assertThat(documents.find(unit, 2025).orElseThrow().rowVersion()).as("nothing saved").isEqualTo(before.rowVersion());
        // checking says the same and saves nothing either
        FormService.Checked c = forms.check(as(preparer), unit, 2025, Section.LINES, f);
        assertThat(c.readable()).isFalse();
        assertThat(c.problems()).hasSize(3);
        assertThat(documents.find(unit, 2025).orElseThrow().rowVersion()).isEqualTo(before.rowVersion());
    }

    @Test
    void aLiveCheckGivesTheFindingsOfTheEditedDataset() {
        Document before = saved();
        LinesForm f = lines();
        FormService.Checked same = forms.check(as(preparer), unit, 2025, Section.LINES, f);
        assertThat(same.readable()).isTrue();
        assertThat(same.evaluation().findings()).isEqualTo(workflow.evaluate(before).findings());
        // a line of 10 元 more: the text's typed amounts no longer agree with the tables somewhere, or at least the tables change
        f.lines.get(0).amount = String.valueOf(new java.math.BigDecimal(f.lines.get(0).amount).add(java.math.BigDecimal.valueOf(100000)));
        FormService.Checked changed = forms.check(as(preparer), unit, 2025, Section.LINES, f);
        assertThat(changed.readable()).isTrue();
        assertThat(changed.evaluation().disclosure().tables()).isNotEqualTo(workflow.evaluate(before).disclosure().tables());
        assertThat(documents.find(unit, 2025).orElseThrow().rowVersion()).isEqualTo(before.rowVersion());
    }

    @Test
    void aStaleVersionIsRefusedNamingWhoChangedIt() {
        Document before = saved();
        LinesForm f = lines();
        forms.save(as(preparer), unit, 2025, Section.LINES, f, before.rowVersion());
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.LINES, f, before.rowVersion()))
                .isInstanceOf(ConflictException.class).hasMessageContaining(preparer);
    }

    @Test
    void projectsAndTheirTargetsAreEditedAndALineMustNameAKnownProject() {
        Document d = saved();
        ProjectsForm p = (ProjectsForm) forms.form(as(preparer), unit, 2025, Section.PROJECTS);
        assertThat(p.projects).isNotEmpty();
        ProjectsForm.ProjectTextRow t = p.texts.stream().filter(x -> !x.indicators.isEmpty()).findFirst().orElseThrow();
        IndicatorRow i = new IndicatorRow();
        i.level1 = "产出指标"; i.level2 = "数量指标"; i.level3 = "新增指标"; i.target = ">=1个"; i.weight = "abc";
        t.indicators.add(i);
        int textIndex = p.texts.indexOf(t);
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.PROJECTS, p, d.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.fieldProblems()).singleElement().satisfies(x -> {
                    assertThat(x.field()).isEqualTo("texts[" + textIndex + "].indicators[" + (t.indicators.size() - 1) + "].weight");
                    assertThat(x.message()).contains("分值权重");
                }));
        i.weight = "5";
        Document saved = forms.save(as(preparer), unit, 2025, Section.PROJECTS, p, d.rowVersion());
        var target = workflow.evaluate(saved).budget().narrative().project(t.proCode).orElseThrow().target();
        assertThat(target.indicators()).last().satisfies(x -> {
            assertThat(x.level3()).isEqualTo("新增指标");
            assertThat(x.weight()).isEqualByComparingTo("5");
        });
        // deleting a project that lines still name is refused at those lines' project
        ProjectsForm q = (ProjectsForm) forms.form(as(preparer), unit, 2025, Section.PROJECTS);
        String code = q.projects.get(0).proCode;
        q.projects.get(0).deleted = true;
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.PROJECTS, q, saved.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.fieldProblems()).allSatisfy(x -> assertThat(x.message()).contains(code)));
    }

    @Test
    void theTextFormWritesTheTextPartAndEachProblemIsAtItsField() {
        Document d = saved();
        TextForm t = (TextForm) forms.form(as(preparer), unit, 2025, Section.TEXT);
        KeyedRow running = t.reasons.stream().filter(r -> r.key.equals("running")).findFirst().orElseThrow();
        assertThat(running.label).contains("运行经费");
        running.text = "本年度压减公用经费";
        t.closingDate = "2025-02-20";
        t.personnel.active = "十";
        int runningRow = t.reasons.indexOf(running);
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.TEXT, t, d.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.fieldProblems()).singleElement()
                        .satisfies(x -> { assertThat(x.field()).isEqualTo("personnel.active"); assertThat(x.where()).isEqualTo("在职人数"); }));
        t.personnel.active = "10";
        Document saved = forms.save(as(preparer), unit, 2025, Section.TEXT, t, d.rowVersion());
        var n = workflow.evaluate(saved).budget().narrative();
        assertThat(n.reasons()).containsEntry("running", "本年度压减公用经费");
        assertThat(n.closingDate()).isEqualTo("2025-02-20");
        assertThat(n.personnel().active()).isEqualTo(10);
        assertThat(runningRow).isGreaterThanOrEqualTo(0);
        // last year's figures
        LastYearForm l = (LastYearForm) forms.form(as(preparer), unit, 2025, Section.LAST_YEAR);
        l.amounts.stream().filter(r -> r.key.equals("running")).findFirst().orElseThrow().text = "12.34";
        l.amounts.get(l.amounts.size() - 1).key = "no.such.key";
        l.amounts.get(l.amounts.size() - 1).text = "1";
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.LAST_YEAR, l, saved.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.fieldProblems()).singleElement()
                        .satisfies(x -> assertThat(x.field()).isEqualTo("amounts[" + (l.amounts.size() - 1) + "].text")));
        l.amounts.get(l.amounts.size() - 1).text = "";
        Document last = forms.save(as(preparer), unit, 2025, Section.LAST_YEAR, l, saved.rowVersion());
        assertThat(workflow.evaluate(last).budget().narrative().lastYear().amounts().get("running")).isEqualByComparingTo("12.34");
    }

    @Test
    void aNewUnitStartsItsBudgetInTheForms() {
        assertThat(documents.find(unit, 2025)).isEmpty();
        ProjectsForm p = new ProjectsForm();
        ProjectsForm.ProjectRow pr = new ProjectsForm.ProjectRow();
        pr.proCode = "65010025T000000009";
        pr.proName = "新项目";
        p.projects.add(pr);
        Document first = forms.save(as(preparer), unit, 2025, Section.PROJECTS, p, null);
        LinesForm f = new LinesForm();
        LinesForm.LineRow r = new LinesForm.LineRow();
        r.funcCode = "2060499"; r.ecoCode = "30213"; r.nature = "项目"; r.proCode = "65010025T000000009"; r.fundSource = "GPB"; r.amount = "50000";
        f.lines.add(r);
        f.lines.add(new LinesForm.LineRow());   // a blank row is left out
        Document second = forms.save(as(preparer), unit, 2025, Section.LINES, f, first.rowVersion());
        var e = workflow.evaluate(second);
        assertThat(e.readable()).isTrue();
        assertThat(e.budget().lines()).singleElement().satisfies(l -> assertThat(l.amountFen()).isEqualTo(5000000L));
        assertThat(e.budget().agency().name()).isEqualTo(ownName(unit));
    }

    @Test
    void aWorkbookDatasetEditedInTheFormsIsSavedAsYaml() {
        Document y = saved();
        byte[] book = workflow.workbook(as(preparer), unit, 2025);
        Document fromBook = workflow.saveDataset(as(preparer), unit, 2025, "book.xlsx", new UploadReader().read("book.xlsx", book), y.rowVersion());
        assertThat(fromBook.source().isWorkbook()).isTrue();
        var tables = workflow.evaluate(fromBook).disclosure().tables();
        TextForm t = (TextForm) forms.form(as(preparer), unit, 2025, Section.TEXT);
        t.closingDate = "2025-03-01";
        Document saved = forms.save(as(preparer), unit, 2025, Section.TEXT, t, fromBook.rowVersion());
        assertThat(saved.source().isWorkbook()).isFalse();
        assertThat(saved.datasetXlsx()).isNull();
        assertThat(YamlNode.parse("d", saved.datasetYaml()).string("closing_date")).isEqualTo("2025-03-01");
        assertThat(workflow.evaluate(saved).disclosure().tables()).as("the same ledger").isEqualTo(tables);
    }

    @Test
    void onlyThePreparerEditsAUnitAndNotWhileSubmitted() {
        Document d = saved();
        for (String who : List.of("sme", "industry", "reviewer", "admin", deptUser)) {
            assertThatThrownBy(() -> forms.save(as(who), unit, 2025, Section.LINES, lines(), d.rowVersion())).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> forms.check(as(who), unit, 2025, Section.LINES, new LinesForm())).as(who).isInstanceOf(AccessDeniedException.class);
        }
        Document s = workflow.submit(as(preparer), unit, 2025, d.rowVersion(), "说明");
        assertThatThrownBy(() -> forms.save(as(preparer), unit, 2025, Section.LINES, lines(), s.rowVersion())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aDepartmentWritesItsOwnTextAndAConsolidationKeepsIt() {
        assertThatThrownBy(() -> forms.form(as(deptUser), dept, 2025, Section.TEXT)).as("nothing consolidated yet").isInstanceOf(RuleViolation.class);
        Document u = saved();
        u = workflow.submit(as(preparer), unit, 2025, u.rowVersion(), "说明");
        workflow.consolidate(as(deptUser), dept, 2025, null);
        Document d = documents.find(dept, 2025).orElseThrow();
        assertThat(workflow.evaluate(d).budget().narrative().isEmpty()).isTrue();

        TextForm t = (TextForm) forms.form(as(deptUser), dept, 2025, Section.TEXT);
        t.functions = "负责全市科技信息工作。\n指导所属单位。";
        t.overall.contact = "张三";
        t.overall.goal = "完成年度工作";
        KeyedRow reason = t.reasons.stream().filter(r -> r.key.equals("expense.basic")).findFirst().orElseThrow();
        reason.text = "人员经费调整";
        t.classNotes.add(new KeyedRow("299", "", "没有这一类的钱", false));
        assertThatThrownBy(() -> forms.save(as(deptUser), dept, 2025, Section.TEXT, t, d.rowVersion()))
                .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.fieldProblems()).singleElement()
                        .satisfies(x -> assertThat(x.field()).isEqualTo("classNotes[" + (t.classNotes.size() - 1) + "].text")));
        t.classNotes.remove(t.classNotes.size() - 1);
        assertThatThrownBy(() -> forms.save(as(deptUser), dept, 2025, Section.LINES, new LinesForm(), d.rowVersion())).isInstanceOf(RuleViolation.class);
        Document saved = forms.save(as(deptUser), dept, 2025, Section.TEXT, t, d.rowVersion());
        assertThat(saved.status()).isEqualTo(Status.DRAFT);
        var n = workflow.evaluate(saved).budget().narrative();
        assertThat(n.functions()).containsExactly("负责全市科技信息工作。", "指导所属单位。");
        assertThat(n.reasons()).containsEntry("expense.basic", "人员经费调整");
        assertThat(n.overall().contact()).isEqualTo("张三");
        assertThat(workflow.evaluate(saved).disclosure().text().sections()).as("the department's document now has its text").isNotEmpty();

        // the department's project texts name its units' projects
        ProjectsForm p = (ProjectsForm) forms.form(as(deptUser), dept, 2025, Section.PROJECTS);
        assertThat(p.projects).as("a department has no projects of its own").isEmpty();
        assertThat(p.texts).isEmpty();

        // a new consolidation keeps the department's own text
        workflow.consolidate(as(deptUser), dept, 2025, saved.rowVersion());
        Document again = documents.find(dept, 2025).orElseThrow();
        assertThat(workflow.evaluate(again).budget().narrative()).isEqualTo(n);
        // the unit may not edit the department's text, nor the department a unit's
        assertThatThrownBy(() -> forms.save(as(preparer), dept, 2025, Section.TEXT, t, again.rowVersion())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> forms.form(as(deptUser), unit, 2025, Section.LINES)).isInstanceOf(AccessDeniedException.class);
    }
}
